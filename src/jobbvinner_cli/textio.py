"""Naming the encoding of text that is not UTF-8, and writing files safely."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from jobbvinner_cli.errors import Hint, JvError


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class DecodeProblem(NamedTuple):
    """Why bytes are not UTF-8 text: where the first bad byte is and a likely encoding."""

    line: int
    byte: int
    likely_encoding: str | None
    offset: int = 0  # index of the byte in the data


def guess_legacy_encoding(data: bytes) -> str | None:
    """Name the encoding Norwegian text most likely came from when it is not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if b"\x00" in data[:4096]:
        return "UTF-16"
    # Word on Windows saves æøå as E6 F8 E5 (Windows-1252/Latin-1); old Mac Roman uses BE BF 8C.
    if any(b in data for b in (b"\xe6", b"\xf8", b"\xe5", b"\xc6", b"\xd8", b"\xc5")):
        return "Windows-1252"
    if any(b in data for b in (b"\xbe", b"\xbf", b"\x8c", b"\xae", b"\xaf", b"\x81")):
        return "Mac Roman"
    return None


def find_decode_problem(data: bytes) -> DecodeProblem | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return DecodeProblem(line, data[exc.start], guess_legacy_encoding(data), exc.start)
    return None


def _current_umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The mode a plain ``open(path, "w")`` would give: a replaced file keeps its own,
    a new one gets 0666 less the umask (0644 with the usual umask 022)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_current_umask()


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write via a temporary file in the same folder, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    mode = _mode_for(path)
    # mkstemp makes the file 0600 whatever the umask; the file jv leaves gets ``mode``
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_name(path.name))
    try:
        os.chmod(tmp, mode)  # by name: Windows has no fchmod before Python 3.13
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_new(path: Path, text: str, *, force: bool, display: str | None = None) -> None:
    """Write a new file, refusing to replace an existing one unless ``force``."""
    if path.exists() and not force:
        raise JvError(
            "Filen finnes allerede og blir ikke overskrevet.",
            path=display or str(path),
            hint=Hint.REPLACE_FILE,
        )
    write_atomic(path, text)


# --- what a killed jv leaves behind ---------------------------------------------------------
#
# Every temporary file or folder jv makes next to its output starts with TEMP_PREFIX, and
# every build folder in the system's temp folder with BUILD_PREFIX. A process killed
# mid-write leaves one behind; the next run of any command removes those of this user that
# are older than a running jv could be (sweep), and nothing else.

TEMP_PREFIX = ".jv-tmp-"
BUILD_PREFIX = "jv-tmp-"
STALE_SECONDS = 15 * 60  # a write takes milliseconds; a temporary this old is a leftover
STALE_BUILD_SECONDS = 2 * 60 * 60  # longer than any build's time limit


def temp_name(name: str) -> str:
    """The start of a temporary name for ``name``, recognisably jv's."""
    return f"{TEMP_PREFIX}{name}.{secrets.token_hex(3)}."


def sweep(folder: Path, prefix: str = TEMP_PREFIX, max_age: float = STALE_SECONDS) -> list[str]:
    """Remove this user's leftovers called ``prefix…`` in ``folder`` older than ``max_age``
    seconds; the names removed. A link is removed, never followed."""
    removed: list[str] = []
    now = time.time()
    uid = os.getuid() if hasattr(os, "getuid") else None
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix)]
    except OSError:
        return removed
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
            if now - info.st_mtime < max_age or (uid is not None and info.st_uid != uid):
                continue
            if stat.S_ISDIR(info.st_mode):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except OSError:
            continue  # another jv got there first, or it is not ours to remove
        removed.append(entry.name)
    return removed


def sweep_pilot(root: Path) -> None:
    """Leftovers of killed writes in the pilot's folders (teams/, each team, rapport/)."""
    from jobbvinner_cli.layout import REPORT_DIR, TEAMS_DIR

    sweep(root)
    sweep(root / REPORT_DIR)
    teams = root / TEAMS_DIR
    sweep(teams)
    if not teams.is_symlink():
        with contextlib.suppress(OSError), os.scandir(teams) as entries:
            for entry in entries:
                if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False):
                    sweep(Path(entry.path))


def build_folder(kind: str) -> Path:
    """A new build folder in the system's temp folder, after removing stale ones."""
    temp = Path(tempfile.gettempdir())
    for prefix in (BUILD_PREFIX, "jv-bygg-", "jv-eksport-"):  # and what earlier versions left
        sweep(temp, prefix, STALE_BUILD_SECONDS)
    return Path(tempfile.mkdtemp(prefix=f"{BUILD_PREFIX}{kind}-"))

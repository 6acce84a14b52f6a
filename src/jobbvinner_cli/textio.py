"""Naming the encoding of text that is not UTF-8, and writing files safely."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.errors import Hint, JvError


@dataclass(frozen=True)
class DecodeProblem:
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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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

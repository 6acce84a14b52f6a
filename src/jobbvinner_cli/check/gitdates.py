"""When a document's status became «levert», from the git history of the teams' folder.

Used only for delivered documents without a «levert:» date, and only when the
pilot is inside a git repository. Every call is guarded: no git, an unsafe
repository or a slow disk simply gives no date. A shallow clone has lost the
commits that set the status, so it gives no dates either, and says so once
(``shallow``).

How, the first time a date is asked for (one process per document cost seconds on
a large pilot, and a `git log -p` of teams/ spent most of its time reading and
diffing every version of every file):
- one `git log --raw` lists each document's versions, oldest first, with the date
  of the commit that made each; it reads no file contents;
- a version's status is the value of its last line starting with «status:» (the
  line a diff of that version shows); a version without one keeps the status before;
- the newest version is read from the working tree (one `git grep`) when the file
  there is that version, else from git;
- older versions are read only as far back as the status has been «levert»
  (`git cat-file --batch`), usually one version per document.
The date is that of the version that made the status «levert» after the last one
that said something else. Deleting a file does not reset its status (a file put back
as it was keeps its date).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from jobbvinner_cli.layout import TEAMS_DIR

_TIMEOUT = 60
_VALUE = re.compile(r"""status:[ \t]*["']?([^"'#\s]*)""")
_ESCAPE = re.compile(r"\\([0-7]{3}|.)")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f"}
_ESCAPES |= {"r": "\r", "v": "\v"}
# the user's git settings must not change what the commands print
_PLAIN = ["-c", "core.quotepath=off", "-c", "grep.lineNumber=false", "-c", "grep.column=false"]
_PLAIN += ["-c", "grep.patternType=basic", "-c", "grep.fullName=false", "-c", "color.ui=false"]
_BINARY_PROBE = 8000  # git takes a file with a NUL in its first 8,000 bytes for binary
_REGULAR = ("100644", "100755")  # file modes with lines (not a link or a submodule)

Version = tuple[dt.date | None, str | None]  # the commit's date; the blob (None: no lines)


def _run(
    args: list[str], cwd: Path, stdin: bytes | None = None, ok: Sequence[int] = (0,)
) -> bytes | None:
    if shutil.which("git") is None:
        return None
    try:
        # through a file, not a pipe: read in one go instead of a wake-up per few KB
        # (a tenth of a second for git's output on a large pilot)
        with tempfile.TemporaryFile() as out:
            result = subprocess.run(
                ["git", *_PLAIN, *args],
                cwd=cwd,
                input=stdin,
                stdout=out,
                stderr=subprocess.DEVNULL,
                timeout=_TIMEOUT,
                check=False,
            )
            if result.returncode not in ok:
                return None
            out.seek(0)
            return out.read()
    except (OSError, subprocess.SubprocessError):
        return None


def _git(args: list[str], cwd: Path) -> str | None:
    """Text, with line ends made «\\n» as `subprocess.run(text=True)` makes them."""
    out = _run(args, cwd)
    if out is None:
        return None
    return out.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


def _unquote(name: str) -> str:
    """A path as git prints it: C-quoted when it has odd characters, a tab after spaces."""
    name = name.rstrip("\t")
    if not (len(name) >= 2 and name.startswith('"') and name.endswith('"')):
        return name
    raw = bytearray()
    pos = 0
    inner = name[1:-1]
    for match in _ESCAPE.finditer(inner):
        raw += inner[pos : match.start()].encode("utf-8")
        code = match.group(1)
        if len(code) == 3:
            raw.append(int(code, 8) & 0xFF)
        else:
            raw += _ESCAPES.get(code, code).encode("utf-8")
        pos = match.end()
    raw += inner[pos:].encode("utf-8")
    return raw.decode("utf-8", errors="replace")


def _value(line: bytes) -> str:
    """The status a «status:» line gives, as the diff of its version showed it."""
    match = _VALUE.match(line.decode("utf-8", errors="replace"))
    return match.group(1).lower() if match is not None else ""


def status_of(data: bytes, start: int = 0, end: int | None = None) -> str | None:
    """The value of the last line of ``data[start:end]`` that starts with «status:».

    None when there is none, or when git takes the file for binary (its diff has no lines).
    """
    end = len(data) if end is None else end
    if data.find(b"\0", start, min(end, start + _BINARY_PROBE)) >= 0:
        return None
    pos = data.rfind(b"\nstatus:", start, end)
    if pos >= 0:
        pos += 1
    elif data.startswith(b"status:", start, end):
        pos = start
    else:
        return None
    stop = data.find(b"\n", pos, end)
    return _value(data[pos : stop if stop >= 0 else end])


def parse_versions(out: str) -> dict[str, list[Version]]:
    """Each document's versions, oldest first, from `git log --reverse --raw --format=%x00%cd`.

    A deletion is no version: the file's status stays what it was.
    """
    date: dt.date | None = None
    versions: dict[str, list[Version]] = {}
    for line in out.split("\n"):
        if line.startswith("\x00"):
            try:
                date = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                date = None
        elif line.startswith(":"):
            meta, _, name = line.partition("\t")
            fields = meta.split(" ")  # :old-mode new-mode old-blob new-blob kind
            if len(fields) < 5 or fields[4].startswith("D"):
                continue
            path = _unquote(name)
            if path.endswith(".md"):
                blob = fields[3] if fields[1] in _REGULAR else None
                versions.setdefault(path, []).append((date, blob))
    return versions


def delivery_date(
    versions: list[Version], status: dict[str, str | None]
) -> tuple[int, dt.date | None]:
    """The date the status last became «levert», if it still is: ``(-1, date or None)``.

    ``status`` maps blobs to their status; ``(index, None)`` when the status of
    ``versions[index]`` must be read first (only as far back as it matters).
    """
    first: int | None = None  # the oldest version of the last run of «levert»
    for index in range(len(versions) - 1, -1, -1):
        blob = versions[index][1]
        if blob is None:
            continue
        if blob not in status:
            return index, None
        value = status[blob]
        if value is None:
            continue
        if value != "levert":
            break
        first = index
    return -1, versions[first][0] if first is not None else None


def read_blobs(blobs: list[str], cwd: Path) -> dict[str, str | None]:
    """The status of each blob, from one `git cat-file --batch` (None: unreadable)."""
    out = _run(
        ["cat-file", "--batch", "--buffer"], cwd, stdin="".join(f"{b}\n" for b in blobs).encode()
    )
    found: dict[str, str | None] = dict.fromkeys(blobs)
    pos = 0
    while out is not None and pos < len(out):
        head_end = out.find(b"\n", pos)
        if head_end < 0:
            break
        head = out[pos:head_end].split(b" ")
        pos = head_end + 1
        if len(head) != 3:  # «<blob> missing»
            continue
        size = int(head[2])
        found[head[0].decode()] = status_of(out, pos, pos + size)
        pos += size + 1
    return found


class GitHistory:
    """Delivery dates from the history of the pilot's git repository (if there is one)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._top: Path | None = None
        self._probed = False
        self.shallow = False  # a shallow clone: the history cannot give the dates
        self._dates: dict[str, dt.date] | None = None

    def top(self) -> Path | None:
        if not self._probed:
            self._probed = True
            out = _git(["rev-parse", "--show-toplevel", "--is-shallow-repository"], self.root)
            lines = out.splitlines() if out else []
            if lines and lines[0].strip():
                self._top = Path(lines[0].strip())
                self.shallow = len(lines) > 1 and lines[1].strip() == "true"
        return self._top

    def delivered_on(self, rel: str) -> dt.date | None:
        """The commit date of the last change that set ``status: levert`` (if it still is)."""
        if self._dates is None:
            self._dates = self._read_dates()
        return self._dates.get(rel)

    def _read_dates(self) -> dict[str, dt.date]:
        if self.top() is None or self.shallow:
            return {}
        log = _git(
            [
                "log",
                "--reverse",
                "--relative",
                "--no-renames",
                "--raw",
                "--no-abbrev",
                "--date=short",
                "--format=%x00%cd",
                "--",
                TEAMS_DIR,
            ],
            self.root,
        )
        if not log:
            return {}
        chains = parse_versions(log)
        status = self._worktree_status(chains)
        dates: dict[str, dt.date] = {}
        width = 1  # versions read per document and round: usually one round is enough
        while chains:
            wanted: dict[str, None] = {}
            pending: dict[str, list[Version]] = {}
            for path, versions in chains.items():
                index, when = delivery_date(versions, status)
                if index < 0:
                    if when is not None:
                        dates[path] = when
                    continue
                pending[path] = versions
                for _, blob in versions[max(0, index - width + 1) : index + 1]:
                    if blob is not None and blob not in status:
                        wanted[blob] = None
            if wanted:
                status |= read_blobs(list(wanted), self.root)
            chains, width = pending, width * 2
        return dates

    def _worktree_status(self, chains: dict[str, list[Version]]) -> dict[str, str | None]:
        """The newest version's status from the working tree, where the file there is it.

        `git diff-index` names every file that is not as HEAD has it (a file merely
        touched too: it is then read from git); `git grep` reads the others' status lines.
        """
        tree = _git(["ls-tree", "-r", "HEAD", "--", TEAMS_DIR], self.root)
        changed = _git(
            ["diff-index", "--name-only", "--relative", "HEAD", "--", TEAMS_DIR], self.root
        )
        if tree is None or changed is None:
            return {}
        dirty = {_unquote(line) for line in changed.splitlines()}
        head: dict[str, str] = {}
        for line in tree.splitlines():
            meta, _, name = line.partition("\t")
            path = _unquote(name)
            if path not in dirty and path in chains:
                head[path] = meta.rsplit(" ", 1)[-1]
        grep = [
            "grep",
            "--threads=1",
            "-I",
            "--null",
            "--no-color",
            "-e",
            "^status:",
            "--",
            TEAMS_DIR,
        ]
        out = _run(grep, self.root, ok=(0, 1))
        if out is None:
            return {}
        lines: dict[str, str | None] = {}
        for found in out.split(b"\n"):
            file, sep, text = found.partition(b"\0")
            if sep:
                lines[file.decode("utf-8", errors="replace")] = _value(text)  # the last one wins
        status: dict[str, str | None] = {}
        for path, blob in head.items():
            # the version the history ends with; a name with a line end would break
            # grep's lines, so that file is read from git
            if chains[path][-1][1] == blob and "\n" not in path:
                status[blob] = lines.get(path)
        return status

    def first_version(self, rel: str) -> str | None:
        """The file as it was first committed (for a scaffolded document: as jv wrote it)."""
        if self.top() is None:
            return None
        out = _git(["log", "--diff-filter=A", "--no-renames", "--format=%H", "--", rel], self.root)
        commits = out.split() if out else []
        if not commits:
            return None
        return _git(["show", f"{commits[-1]}:./{rel}"], self.root)


def changed_since(root: Path, ref: str) -> list[str] | None:
    """The files under ``root`` (relative to it) changed between ``ref`` and HEAD.

    ``ref...HEAD``: the changes of a pull request since it branched from ``ref``, not the
    ones made on ``ref`` since. None when git cannot tell (no git, no repository, no ref).
    """
    if ref.startswith("-"):
        return None  # a ref, never an option to git
    out = _git(["diff", "--name-only", "--no-renames", "--relative", f"{ref}...HEAD", "--"], root)
    return None if out is None else [line for line in out.splitlines() if line]

"""When a document's status became «levert», from the git history of the teams' folder.

Used only for delivered documents without a «levert:» date, and only when the
pilot is inside a git repository. The history of all of teams/ is read with one
`git log` the first time a date is asked for (one process per document cost
seconds on a large pilot). Every call is guarded: no git, an unsafe repository
or a slow disk simply gives no date. A shallow clone has lost the commits that
set the status, so it gives no dates either, and says so once (``shallow``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess
from pathlib import Path

from jobbvinner_cli.layout import TEAMS_DIR

_TIMEOUT = 60
# a commit's date, a file's new path, a status line added: at the start of the log, and
# after a line end. A pattern that starts with a character is searched for by that
# character, about three times faster than trying «^» at every position.
_FIRST_LINE = re.compile(r"""\x00([^\n]*)|\+\+\+ ([^\n]*)|\+status:[ \t]*["']?([^"'#\s]*)""")
_LOG_LINE = re.compile(r"\n(?:" + _FIRST_LINE.pattern + ")")
_ESCAPE = re.compile(r"\\([0-7]{3}|.)")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f"}
_ESCAPES |= {"r": "\r", "v": "\v"}


def _git(args: list[str], cwd: Path) -> str | None:
    if shutil.which("git") is None:
        return None
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


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


def parse_status_log(out: str) -> dict[str, dt.date]:
    """Path -> the date its status last became «levert», for the paths still «levert».

    ``out`` is `git log --reverse -p -U0 -G^status: --format=%x00%cd`: the commits oldest
    first, each a NUL and its date, then the diffs of the files whose status line changed
    (a new file's every line). Only three kinds of line matter, found by one regular
    expression: a Python loop over every line cost more than git itself.
    """
    date: dt.date | None = None
    path: str | None = None
    state: dict[str, str] = {}
    became: dict[str, dt.date | None] = {}
    first = _FIRST_LINE.match(out)
    lines = _LOG_LINE.finditer(out)  # the log is not copied to put a line end in front
    for match in itertools.chain([first] if first is not None else [], lines):
        day, target, value = match.groups()
        if day is not None:
            try:
                date = dt.date.fromisoformat(day.strip())
            except ValueError:
                date = None
            path = None
        elif target is not None:
            path = _unquote(target)[2:] if target != "/dev/null" else None
        elif path is not None:
            value = value.lower()
            if value == "levert" and state.get(path) != "levert":
                became[path] = date
            state[path] = value
    return {p: when for p, when in became.items() if when is not None and state.get(p) == "levert"}


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
        out = _git(
            [
                "log",
                "--reverse",
                "--relative",
                "--no-color",
                "--no-ext-diff",
                "--no-renames",
                "--no-textconv",
                "--date=short",
                "--format=%x00%cd",
                "-p",
                "-U0",
                "-G^status:",
                "--",
                TEAMS_DIR,
            ],
            self.root,
        )
        return parse_status_log(out) if out else {}

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

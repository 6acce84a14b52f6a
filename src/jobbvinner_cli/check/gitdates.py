"""When a document's status became «levert», from the git history of its file.

Used only for delivered documents without a «levert:» date, and only when the
pilot is inside a git repository. Every call is guarded: no git, an unsafe
repository or a slow disk simply gives no date.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

_TIMEOUT = 20
_STATUS = re.compile(r"""^\+status:[ \t]*["']?([^"'#\s]*)""")


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


class GitHistory:
    """Delivery dates from the history of the pilot's git repository (if there is one)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._top: Path | None = None
        self._probed = False

    def top(self) -> Path | None:
        if not self._probed:
            self._probed = True
            out = _git(["rev-parse", "--show-toplevel"], self.root)
            if out and out.strip():
                self._top = Path(out.strip())
        return self._top

    def delivered_on(self, rel: str) -> dt.date | None:
        """The commit date of the last change that set ``status: levert`` (if it still is)."""
        if self.top() is None:
            return None
        out = _git(
            [
                "log",
                "--reverse",
                "--no-color",
                "--no-ext-diff",
                "--no-renames",
                "--date=short",
                "--format=%x00%cd",
                "-p",
                "-U0",
                "-G^status:",
                "--",
                rel,
            ],
            self.root,
        )
        if not out:
            return None
        date: dt.date | None = None
        became: dt.date | None = None
        state = ""
        for line in out.splitlines():
            if line.startswith("\x00"):
                try:
                    date = dt.date.fromisoformat(line[1:].strip())
                except ValueError:
                    date = None
                continue
            match = _STATUS.match(line)
            if match:
                value = match.group(1).lower()
                if value == "levert" and state != "levert":
                    became = date
                state = value
        return became if state == "levert" else None

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

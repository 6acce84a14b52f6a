"""Errors that reach the user as a Norwegian message and an exit code, never a traceback.

The exit code follows from the class: a :class:`JvError` is a problem in the
pilot (exit 1), a :class:`UsageError` means the command cannot run as asked
(exit 2). Messages say what is wrong and what to do in the pilot's terms and
never name a command-line option; where the remedy is an option, the error
carries a :class:`Hint` and the command line adds the sentence with the flag.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import ClassVar

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class Hint(Enum):
    """A remedy the user can choose when running the command again.

    The command line words each one with its option (see ``jobbvinner_cli.cli.common``).
    """

    PILOT_FOLDER = "pilot-folder"  # the given pilot folder has no pilot.yaml
    FIND_PILOT = "find-pilot"  # no pilot.yaml here or in any folder above
    NAME_TEAM = "name-team"  # the document belongs to a team: say which
    DROP_TEAM = "drop-team"  # the document belongs to the whole pilot
    NAME_NR = "name-nr"  # the type is numbered: say which number
    DROP_NR = "drop-nr"  # the type has no number
    REPLACE_NR = "replace-nr"  # every number exists: make one of them again
    REPLACE_FILE = "replace-file"  # the file exists: replace it
    REPLACE_DOCUMENT = "replace-document"  # the document exists: make it again from the template
    OTHER_SLUG = "other-slug"  # the team's folder exists: choose another folder name
    NAME_SLUG = "name-slug"  # the name gives no folder name: choose one
    NAME_FORMAT = "name-format"  # the file name's extension says no format: choose one
    BUILD_DRAFT = "build-draft"  # the check found errors: fix them or build a draft


class JvError(Exception):
    """A problem the user can fix; ``message`` is Norwegian and says what to do."""

    exit_code: ClassVar[int] = EXIT_FAILED

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        hint: Hint | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else str(self.path)


class UsageError(JvError):
    """The command cannot run as asked: no pilot, a bad option value, an unknown team or type."""

    exit_code: ClassVar[int] = EXIT_USAGE


class ConfigError(UsageError):
    """pilot.yaml or team.yaml is invalid; carries every problem found, not just the first."""

    def __init__(self, path: Path | str, problems: list[tuple[int | None, str]]) -> None:
        lines = [f"{path}:{line}: {msg}" if line else f"{path}: {msg}" for line, msg in problems]
        super().__init__("\n".join(lines), path=path)
        self.problems = problems

    def location(self) -> str:
        return ""  # every line of the message names its file and line

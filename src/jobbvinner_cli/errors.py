"""Errors that reach the user as a Norwegian message and an exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class JvError(Exception):
    """A problem the user can fix; ``message`` is Norwegian and says what to do."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        exit_code: int = EXIT_FAILED,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.exit_code = exit_code

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else str(self.path)


class ConfigError(JvError):
    """pilot.yaml or team.yaml is invalid; carries every problem found, not just the first."""

    def __init__(self, path: Path | str, problems: list[tuple[int | None, str]]) -> None:
        lines = [f"{path}:{line}: {msg}" if line else f"{path}: {msg}" for line, msg in problems]
        super().__init__("\n".join(lines), path=path, exit_code=EXIT_USAGE)
        self.problems = problems

    def location(self) -> str:
        return ""  # every line of the message names its file and line

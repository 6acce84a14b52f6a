"""RenderError, and saying where in the pilot's files a render problem is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from jobbvinner_cli.errors import JvError


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class SourceSpan(NamedTuple):
    """Where a chunk of the assembled Markdown came from."""

    start_line: int  # 1-based line in the assembled markdown
    end_line: int
    path: str  # pilot-relative source file, e.g. "teams/froya/sluttrapport.md"
    source_start_line: int  # 1-based line in that file where the chunk starts


class RenderError(JvError):
    """Rendering failed. ``message`` is Norwegian; ``path``/``line`` point at the
    pilot source file and line when the problem could be traced to one (``path``
    is None and ``line`` is the line in the assembled Markdown when no span
    covers it)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message, path=path, line=line)


def find_line(lines: list[str], needle: str) -> int | None:
    for number, text in enumerate(lines, start=1):
        if needle in text:
            return number
    return None


def locate(md_line: int | None, spans: Sequence[SourceSpan]) -> tuple[str | None, int | None]:
    """Markdown line → (source file, line in it); (None, markdown line) if no span covers it."""
    if md_line is None:
        return None, None
    for span in spans:
        if span.start_line <= md_line <= span.end_line:
            return span.path, span.source_start_line + (md_line - span.start_line)
    return None, md_line


def place(path: str | None, line: int | None) -> str:
    if path is not None:
        return f"{path}:{line}" if line else path
    if line is not None:
        return f"linje {line} i den sammensatte rapporten"
    return ""


def with_place(text: str, path: str | None, line: int | None) -> str:
    """A located error already names its file through ``path``; an unlocated line goes in the text."""
    if path is None and line is not None:
        return f"{text} ({place(path, line)})"
    return text


def last_lines(text: str, count: int = 8) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return "\n".join(lines[-count:])

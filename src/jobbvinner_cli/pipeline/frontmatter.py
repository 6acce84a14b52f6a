"""Cutting a document into its YAML front matter and its Markdown body, with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^---[ \t]*$")
# The closing line (--- or ...), found by searching from the newline that starts it.
_CLOSE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|\Z)")


@dataclass(frozen=True)
class Split:
    """A document cut into its front matter text and body; lines are 1-based in the file."""

    front_text: str | None
    body: str
    body_line: int
    unclosed: bool = False


def split_front_matter(text: str) -> Split:
    first_end = text.find("\n")
    if not _FENCE.match(text if first_end < 0 else text[:first_end]):
        return Split(None, text, 1)
    close = _CLOSE.search(text, first_end) if first_end >= 0 else None
    if close is None:
        return Split(None, text, 1, unclosed=True)
    front = text[first_end + 1 : close.start()] if close.start() > first_end else ""
    body = text[close.end() + 1 :]
    return Split(front, body, text.count("\n", 0, close.start()) + 3)

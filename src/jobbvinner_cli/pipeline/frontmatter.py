"""Cutting a document into its YAML front matter and its Markdown body, with line numbers."""

from __future__ import annotations

import re
from typing import NamedTuple

_FENCE = re.compile(r"^---[ \t]*$")
# The closing line (--- or ...), found by searching from the newline that starts it.
_CLOSE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|\Z)")


class Split(NamedTuple):
    """A document cut into its front matter text and body; lines are 1-based in the file.
    (A NamedTuple: made for every document, and a frozen dataclass takes four times as
    long to make.)"""

    front_text: str | None
    body: str
    body_line: int
    unclosed: bool = False


def split_front_matter(text: str) -> Split:
    first_end = text.find("\n")
    if not _FENCE.match(text, 0, len(text) if first_end < 0 else first_end):  # the first line
        return Split(None, text, 1)
    close = _CLOSE.search(text, first_end) if first_end >= 0 else None
    if close is None:
        return Split(None, text, 1, unclosed=True)
    front = text[first_end + 1 : close.start()] if close.start() > first_end else ""
    body = text[close.end() + 1 :]
    return Split(front, body, text.count("\n", 0, close.start()) + 3)

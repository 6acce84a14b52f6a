"""Markdown that makes Pandoc's reader crawl: brackets nested in brackets.

Pandoc tries every way to read ``[`` as a link, image or span, and the time doubles with each
level of nesting: 8 levels take half a second, 14 take ten, 20 (40 bytes) never finish. A
plan never needs more than two or three (a link text in brackets). Counted per paragraph,
outside code, as Pandoc reads them.
"""

from __future__ import annotations

import re

MAX_BRACKET_DEPTH = 6  # the depth `jv check` refuses above
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


def deepest_brackets(text: str) -> tuple[int, int]:
    """(deepest nesting of «[», 1-based line where it was reached) in Markdown ``text``."""
    best = depth = 0
    best_line = 0
    fence = ""
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        if not stripped:
            depth = 0  # a blank line ends the paragraph, and Pandoc's search with it
            continue
        if "[" not in raw:
            continue
        line = _CODE_SPAN.sub("", raw.replace("\\\\", "").replace("\\[", "").replace("\\]", ""))
        for ch in line:
            if ch == "[":
                depth += 1
                if depth > best:
                    best, best_line = depth, number
            elif ch == "]" and depth:
                depth -= 1
    return best, best_line

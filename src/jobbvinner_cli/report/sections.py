"""Reading the sections of a Markdown document: by heading, with their first line."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*\})?\s*$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_GUIDANCE = re.compile(r"^>\s*\*\*Veiledning:?\*\*")


@dataclass(frozen=True)
class Section:
    title: str  # without its number: «Tiltak gjennomført i hele perioden»
    heading: str  # as written: «3. Tiltak gjennomført i hele perioden»
    text: str
    line: int  # 1-based line of the first text line in the body


def strip_number(heading: str) -> str:
    return _NUMBER.sub("", heading).strip()


def split_sections(body: str, level: int = 2) -> list[Section]:
    """The level-``level`` sections of a body; text before the first one is dropped."""
    out: list[Section] = []
    current: tuple[str, int] | None = None
    lines: list[str] = []
    in_fence = False
    for index, line in enumerate(body.split("\n"), 1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match and len(match.group(1)) == level:
            if current is not None:
                out.append(_make(current, lines))
            current = (match.group(2), index + 1)
            lines = []
        elif current is not None:
            lines.append(line)
    if current is not None:
        out.append(_make(current, lines))
    return out


def _make(current: tuple[str, int], lines: list[str]) -> Section:
    heading, line = current
    return Section(strip_number(heading), heading, "\n".join(lines).strip("\n"), line)


def without_guidance(text: str, *, keep_lines: bool = False) -> str:
    """The text with the template's «Veiledning» blockquotes removed.

    With ``keep_lines`` the removed lines become blank, so line numbers still match the file.
    """
    out: list[str] = []
    skipping = False
    for line in text.split("\n"):
        if _GUIDANCE.match(line) or (skipping and line.startswith(">")):
            skipping = True
            if keep_lines:
                out.append("")
            continue
        skipping = False
        out.append(line)
    joined = "\n".join(out)
    return joined if keep_lines else joined.strip("\n")


def bullets(text: str) -> list[str]:
    """The items of the bullet lists in ``text`` (continuation lines joined)."""
    items: list[str] = []
    for line in text.split("\n"):
        match = _BULLET.match(line)
        if match:
            items.append(match.group(1).strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def prose_before_list(text: str) -> str:
    """The paragraph(s) in ``text`` that are not list items."""
    return "\n".join(
        line for line in text.split("\n") if not _BULLET.match(line) and not line.startswith("  ")
    ).strip()


def demote_headings(text: str, by: int) -> str:
    """Push every heading down ``by`` levels so a team's text cannot break the report's outline."""
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and _HEADING.match(line):
            hashes = len(line) - len(line.lstrip("#"))
            line = "#" * min(6, hashes + by) + line[hashes:]
        out.append(line)
    return "\n".join(out)

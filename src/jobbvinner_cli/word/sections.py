"""Which part of a Word file is which section of the document type.

A section starts at a heading (any Word heading style), or at a bold or numbered
paragraph that reads like a section title, whose title matches one of the type's: the
same after numbering, case and punctuation are taken off, or close to it (difflib,
so small wording changes still match). A heading that matches nothing starts a part of
its own, kept under a clearly named heading in the document and reported.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from jobbvinner_cli.pipeline.document import normalised_title
from jobbvinner_cli.word.ast import Block, is_bold_only, text

HEADING_RATIO = 0.75  # a Word heading: its title may differ more
PARAGRAPH_RATIO = 0.88  # a bold or numbered paragraph: only when it clearly is the title
_PROMPT_PREFIX = re.compile(r"^\s*(?:veiledning\s*:?\s*|[•\-–*·]\s*)+", re.I)


@dataclass
class Part:
    """Consecutive top-level blocks of the Word file."""

    section: int | None  # index of the type's section; None: before the first section
    heading: str | None = None  # the title as written in Word (None: the preamble)
    ratio: float = 1.0  # how well ``heading`` matched
    level: int = 1
    blocks: list[tuple[Block, str | None]] = field(default_factory=list)

    @property
    def unplaced(self) -> bool:
        return self.section is None and self.heading is not None


def similarity(a: str, b: str) -> float:
    x, y = normalised_title(a), normalised_title(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    ratio = difflib.SequenceMatcher(None, x, y).ratio()
    # «Tiltak» for «Tiltak – hvilke er satt i verk», or a title cut short
    short, long = sorted((x, y), key=len)
    if len(short) >= 6 and long.startswith(short):
        # a long title with words added («… etter 2. samling») is that title
        ratio = max(ratio, 0.9 if len(short) >= 20 else 0.8)
    return ratio


def _candidate(block: Block) -> tuple[str, int | None] | None:
    """The title a block may be, with its heading level (None: not a Word heading)."""
    kind = block.get("t")
    if kind == "Header":
        return text(block["c"][2]), int(block["c"][0])
    if kind in ("Para", "Plain") and len(text(block["c"])) <= 160:
        inlines = block["c"]
        if is_bold_only(inlines) or re.match(r"^\d{1,2}[.)]\s", text(inlines)):
            return text(inlines), None
    if kind == "OrderedList" and len(block["c"][1]) == 1:
        item = block["c"][1][0]
        if len(item) == 1 and item[0].get("t") in ("Plain", "Para"):
            label = text(item[0]["c"])
            if len(label) <= 160:
                return label, None
    return None


def split(blocks: list[tuple[Block, str | None]], titles: list[str]) -> tuple[list[Part], set[int]]:
    """The Word file's blocks as parts; with the indices of the type's sections found."""
    parts = [Part(None)]
    used: set[int] = set()
    section_level: int | None = None
    for block, style in blocks:
        found = _candidate(block)
        if found is not None:
            label, level = found
            need = HEADING_RATIO if level is not None else PARAGRAPH_RATIO
            best, ratio = -1, 0.0
            for index, title in enumerate(titles):
                if index in used:
                    continue
                r = similarity(label, title)
                if r > ratio:
                    best, ratio = index, r
            if best >= 0 and ratio >= need:
                used.add(best)
                if level is not None and section_level is None:
                    section_level = level
                parts.append(Part(best, label, ratio, level or section_level or 1))
                continue
            if level is not None and (section_level is None or level <= section_level):
                if len(parts) == 1 and not parts[0].blocks and section_level is None:
                    # a heading on top that is no section: the title, typed as a heading
                    parts[0].blocks.append((block, style))
                    continue
                parts.append(Part(None, label, ratio, level))
                continue
        parts[-1].blocks.append((block, style))
    return parts, used


def is_prompt(label: str, prompts: list[str]) -> bool:
    """Whether ``label`` is one of the template's guidance lines left in place."""
    got = _PROMPT_PREFIX.sub("", label).strip().casefold()
    if not got:
        return False
    for prompt in prompts:
        want = _PROMPT_PREFIX.sub("", prompt).strip().casefold()
        if want and difflib.SequenceMatcher(None, got, want).ratio() >= 0.85:
            return True
    return False

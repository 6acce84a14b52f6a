"""The blocks of a document body, as `Body` (pipeline/body.py) and its line scanner
(pipeline/bodyfast.py) find them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

_ATTRIBUTES = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")


class Heading(NamedTuple):
    line: int  # file line
    level: int
    text: str  # as written, without closing #s or a trailing {attribute block}
    at: int  # 0-based body line of the heading
    end: int  # body line after the heading (a setext heading has two lines)


@dataclass
class Table:
    line: int  # file line of the header row
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (file line, cells)


class Item(NamedTuple):
    line: int  # file line of the item
    text: str  # the item's Markdown with its marker removed and continuation lines dedented


class Block(NamedTuple):
    kind: str  # paragraph, heading, list, table, code, quote, html, hr
    start: int  # 0-based body lines, end exclusive
    end: int
    items: Sequence[tuple[int, int]] = ()  # a list's top-level items
    table: Table | None = None


def heading_text(raw: str) -> str:
    """A heading's title: without closing #s or a trailing {attribute block}, its spaces
    collapsed."""
    text = raw.strip()
    if text.endswith(("#", "}")):  # mostly not: then there is nothing to take off
        if text.endswith("#"):
            text = _CLOSING_HASHES.sub("", text)
        if text.endswith("}"):
            text = _ATTRIBUTES.sub("", text)
        text = text.strip()
    return " ".join(text.split()) if "  " in text or "\t" in text else text

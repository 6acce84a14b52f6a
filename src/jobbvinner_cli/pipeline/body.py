"""The structure of a document body, found once by a Markdown parser (markdown-it-py).

Headings, the template's prompts («> **Veiledning:** …»), HTML comments, tables and lists,
each with its line. Code blocks are code: a heading-looking line inside one is not a
heading. Only the block structure is parsed (inline parsing is off), which keeps the check
of a large pilot fast.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PROMPT_START = re.compile(r"^ {0,3}>[ \t]*\*\*Veiledning:?\*\*")
_QUOTE_LINE = re.compile(r"^ {0,3}>")
_ATTRIBUTES = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]?")
# Tokens that are Markdown markup, not words, when counting words.
_MARKUP_TOKENS = ("|", "-", "–", "—", "*", "+", ">", "#", "##", "###", "####", "#####", "######")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"maxNesting": 40}).enable("table").disable("inline")


class Heading(NamedTuple):
    line: int  # file line
    level: int
    text: str  # as written, without closing #s or a trailing {attribute block}
    at: int  # 0-based body line of the heading
    end: int  # body line after the heading (a setext heading has two lines)


class Table(NamedTuple):
    line: int  # file line of the header row
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (file line, cells)


class Item(NamedTuple):
    line: int  # file line of the item
    text: str  # the item's Markdown with its marker removed and continuation lines dedented


@dataclass
class Block:
    kind: str  # paragraph, heading, list, table, code, quote, html, hr
    start: int  # 0-based body lines, end exclusive
    end: int
    items: list[tuple[int, int]] = field(default_factory=list)  # a list's top-level items
    table: Table | None = None


def _heading_text(raw: str) -> str:
    text = raw.strip()
    if text.endswith("#"):
        text = _CLOSING_HASHES.sub("", text)
    if text.endswith("}"):
        text = _ATTRIBUTES.sub("", text)
    text = text.strip()
    return " ".join(text.split()) if "  " in text or "\t" in text else text


class Body:
    """A document body: its text, the line it starts on in the file, and its blocks."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self.lines = text.split("\n")
        self.headings: list[Heading] = []
        self.prompts: list[tuple[int, int]] = []
        self.comments: list[tuple[int, int]] = []
        self.blocks: list[Block] = []
        self._skip: set[int] | None = None
        self._scan(_parser().parse(text))

    def line(self, index: int) -> int:
        """The file line of body line ``index``."""
        return self.first_line + index

    def _scan(self, tokens: list[Token]) -> None:
        blocks = self.blocks
        for i, token in enumerate(tokens):
            if token.level != 0 or token.map is None or token.type.endswith("_close"):
                if token.type == "list_item_open" and token.level == 1 and token.map:
                    blocks[-1].items.append((token.map[0], token.map[1]))
                continue
            start, end = token.map
            kind = token.type.removesuffix("_open")
            if kind == "heading":
                level = int(token.tag[1])
                self.headings.append(
                    Heading(
                        self.line(start), level, _heading_text(tokens[i + 1].content), start, end
                    )
                )
            elif kind == "blockquote":
                kind = "quote"
                if _PROMPT_START.match(self.lines[start]):
                    stop = start + 1
                    while stop < end and _QUOTE_LINE.match(self.lines[stop]):
                        stop += 1
                    self.prompts.append((start, stop))
            elif kind == "html_block":
                kind = "html"
                if token.content.lstrip().startswith("<!--"):
                    self.comments.append((start, end))
            elif kind in ("fence", "code_block"):
                kind = "code"
            elif kind in ("bullet_list", "ordered_list"):
                kind = "list"
            elif kind == "table":
                blocks.append(Block("table", start, end, table=self._table(tokens, i)))
                continue
            blocks.append(Block(kind, start, end))

    def _table(self, tokens: list[Token], start: int) -> Table:
        header: list[str] = []
        rows: list[tuple[int, list[str]]] = []
        header_line = 0
        cells: list[str] = []
        for token in tokens[start + 1 :]:
            if token.type == "table_close":
                break
            if token.type == "tr_open":
                cells = []
                row_line = self.line(token.map[0]) if token.map else 0
            elif token.type == "inline":
                cells.append(token.content.strip())
            elif token.type == "tr_close":
                if not header:
                    header, header_line = cells, row_line
                else:
                    rows.append((row_line, cells))
        return Table(header_line, header, rows)

    # -- what is skipped: the template's prompts and comments -----------------------------

    @property
    def skipped(self) -> set[int]:
        """Body lines that belong to a prompt or a comment."""
        if self._skip is None:
            self._skip = {i for a, b in (*self.prompts, *self.comments) for i in range(a, b)}
        return self._skip

    def has_text(self, start: int, end: int) -> bool:
        skipped, lines = self.skipped, self.lines
        return any(lines[i].strip() and i not in skipped for i in range(start, end))

    def prompt_in(self, start: int, end: int) -> int | None:
        """The body line of the first prompt in ``start:end``."""
        return next((a for a, _ in self.prompts if start <= a < end), None)

    def words(self) -> int:
        """Whitespace-separated words outside prompts and comments, markup tokens left out."""
        skipped = self.skipped
        text = (
            self.text
            if not skipped
            else "\n".join(line for i, line in enumerate(self.lines) if i not in skipped)
        )
        tokens = text.split()
        counts = Counter(tokens)
        return len(tokens) - sum(counts[t] for t in _MARKUP_TOKENS)

    # -- sections -------------------------------------------------------------------------

    def sections(self, level: int = 2) -> list[tuple[Heading, int]]:
        """The headings of ``level``, each with the body line its section ends at (the next
        heading of that level or higher)."""
        out: list[tuple[Heading, int]] = []
        stops = [h for h in self.headings if h.level <= level]
        for i, heading in enumerate(stops):
            if heading.level == level:
                end = stops[i + 1].at if i + 1 < len(stops) else len(self.lines)
                out.append((heading, end))
        return out

    def blocks_in(self, start: int, end: int) -> list[Block]:
        return [b for b in self.blocks if start <= b.start and b.end <= end]

    def table_in(self, start: int, end: int) -> Table | None:
        return next((b.table for b in self.blocks_in(start, end) if b.table is not None), None)

    def clean(self, start: int, end: int, *, comments: bool = True) -> str:
        """The Markdown of ``start:end`` without prompts and (unless ``comments`` is false)
        comments: blank lines instead, so line numbers still match."""
        skipped = self.skipped if comments else {i for a, b in self.prompts for i in range(a, b)}
        return "\n".join("" if i in skipped else self.lines[i] for i in range(start, end))

    def items_in(self, start: int, end: int) -> list[Item]:
        """The top-level items of the lists in ``start:end``."""
        items: list[Item] = []
        for block in self.blocks_in(start, end):
            for a, b in block.items:
                lines = self.lines[a:b]
                first = _LIST_MARKER.sub("", lines[0], count=1)
                indent = len(lines[0]) - len(_LIST_MARKER.sub("", lines[0], count=1).lstrip())
                rest = [
                    line[indent:] if line[:indent].isspace() else line.lstrip()
                    for line in lines[1:]
                ]
                text = "\n".join([first.strip(), *rest]).strip()
                if text:
                    items.append(Item(self.line(a), text))
        return items

    def prose_in(self, start: int, end: int) -> str:
        """The paragraphs of ``start:end`` that are not in a list, a prompt or a comment."""
        skipped = self.skipped
        parts = [
            "\n".join(self.lines[b.start : b.end])
            for b in self.blocks_in(start, end)
            if b.kind == "paragraph" and b.start not in skipped
        ]
        return "\n\n".join(p.strip() for p in parts if p.strip())


def demote_headings(body: Body, start: int, end: int, by: int) -> str:
    """The clean Markdown of ``start:end`` with every heading pushed down ``by`` levels (as an
    ATX heading), so a team's text cannot break the report's outline."""
    lines = body.clean(start, end).split("\n")
    for heading in body.headings:
        if not (start <= heading.at < end):
            continue
        at = heading.at - start
        level = min(6, heading.level + by)
        lines[at] = "#" * level + " " + heading.text
        for extra in range(at + 1, heading.end - start):  # a setext heading's underline
            lines[extra] = ""
    return "\n".join(lines)

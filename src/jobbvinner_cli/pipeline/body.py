"""The structure of a document body, found once by a CommonMark parser.

Headings, the template's prompts («> **Veiledning:** …»), HTML comments, tables and lists,
each with its line. Code blocks are code: a heading-looking line inside one is not a
heading.

The parser is pulldown-cmark (Rust, through pyromark), not markdown-it-py: both follow
CommonMark with GitHub's tables, but a check reads every document of a pilot, and
markdown-it-py takes about 0.35 ms for a typical document where pulldown-cmark takes
0.06 ms (measured on the example pilot's 88 documents): on a pilot of thousands of
documents that is most of the check's time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

import pyromark

from jobbvinner_cli.pipeline.blocks import Block, Heading, Item, Table, heading_text
from jobbvinner_cli.pipeline.bodyfast import simple_blocks

# the block types live in blocks.py (the line scanner makes them too); they are read from here
__all__ = ["Block", "Body", "Heading", "Item", "Table", "demote_headings"]

_PROMPT_START = re.compile(r"^ {0,3}>[ \t]*\*\*Veiledning:?\*\*")
_QUOTE_LINE = re.compile(r"^ {0,3}>")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]?")
# Tokens that are Markdown markup, not words, when counting words.
_MARKUP_TOKENS = ("|", "-", "–", "—", "*", "+", ">", "#", "##", "###", "####", "#####", "######")


_OPTIONS = pyromark.Options.ENABLE_TABLES
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
# Block events by what `Body` makes of them; anything else at the top is a paragraph.
_KINDS = {"BlockQuote": "quote", "CodeBlock": "code", "List": "list", "Table": "table"}


class Body:
    """A document body: its text, the line it starts on in the file, and its blocks."""

    headings: list[Heading]
    comments: list[tuple[int, int]]
    blocks: list[Block]

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self.lines = text.split("\n")
        self.prompts: list[tuple[int, int]] = []
        self._skip: set[int] | None = None
        simple = simple_blocks(text, self.lines, first_line)
        if simple is None:
            self.headings, self.comments, self.blocks = [], [], []
            self._scan()
        else:  # the common case: the blocks from a line scanner (pipeline/bodyfast.py)
            self.blocks, self.headings, quotes, self.comments = simple
            for start, end in quotes:
                self._prompt(start, end)

    def line(self, index: int) -> int:
        """The file line of body line ``index``."""
        return self.first_line + index

    def _scan(self) -> None:
        data = self.text.encode("utf-8")
        # pulldown-cmark reports byte offsets: each line's first byte finds a block's line
        # (the line lengths summed in C, not in a generator)
        starts = list(accumulate(map((1).__add__, map(len, data.split(b"\n"))), initial=0))

        def first(offset: int) -> int:
            return bisect_right(starts, offset) - 1

        def stop(end: int) -> int:  # the body line after a block ending at byte ``end``
            return bisect_right(starts, end - 1) if end > 0 else 0

        depth = 0
        block: Block | None = None
        items: list[tuple[int, int]] = []  # the top-level items of ``block``, if a list
        row: list[str] = []
        blocks = self.blocks
        for event, where in pyromark.events_with_range(self.text, options=_OPTIONS):
            if type(event) is str:  # Rule, SoftBreak, HardBreak
                if depth == 0 and event == "Rule":
                    blocks.append(Block("hr", first(where["start"]), stop(where["end"])))
                continue
            if "Text" in event:  # the most common event, and nothing to do
                continue
            tag = event.get("Start")  # type: ignore[union-attr]
            if tag is not None:
                name = tag if type(tag) is str else next(iter(tag))  # type: ignore[arg-type]
                if depth == 0:
                    level = int(tag["Heading"]["level"][1]) if name == "Heading" else 0  # type: ignore[index]
                    items = []
                    block = self._block(
                        name, level, first(where["start"]), stop(where["end"]), items
                    )
                    blocks.append(block)
                elif block is None:
                    pass
                elif depth == 1 and name == "Item":
                    items.append((first(where["start"]), stop(where["end"])))
                elif name == "TableHead" and block.table is not None:
                    row = block.table.header
                    block.table.line = self.line(first(where["start"]))
                elif name == "TableRow" and block.table is not None:
                    row = []
                    block.table.rows.append((self.line(first(where["start"])), row))
                elif name == "TableCell":
                    cell = data[where["start"] : where["end"]].decode("utf-8")
                    row.append(cell.strip().replace("\\|", "|"))
                depth += 1
            elif "End" in event:
                depth -= 1

    def _block(
        self, name: str, level: int, start: int, end: int, items: list[tuple[int, int]]
    ) -> Block:
        lines = self.lines
        if name == "Heading":
            text = lines[start]
            if _ATX.match(text):
                text = _ATX.sub("", text, count=1)
            elif end - start > 1:  # setext: the title's lines, then the underline
                text = " ".join(lines[start : end - 1])
            self.headings.append(Heading(self.line(start), level, heading_text(text), start, end))
            return Block("heading", start, end)
        if name == "BlockQuote":
            self._prompt(start, end)
        elif name == "HtmlBlock" and lines[start].lstrip().startswith("<!--"):
            self.comments.append((start, end))
        kind = "html" if name == "HtmlBlock" else _KINDS.get(name, "paragraph")
        table = Table(0, [], []) if kind == "table" else None
        return Block(kind, start, end, items if kind == "list" else (), table)

    def _prompt(self, start: int, end: int) -> None:
        """A block quote from ``start`` to ``end``: the template's prompt if it says so."""
        lines = self.lines
        if _PROMPT_START.match(lines[start]):
            last = start + 1
            while last < end and _QUOTE_LINE.match(lines[last]):
                last += 1
            self.prompts.append((start, last))

    # -- what is skipped: the template's prompts and comments -----------------------------

    @property
    def skipped(self) -> set[int]:
        """Body lines that belong to a prompt or a comment."""
        if self._skip is None:
            self._skip = {i for a, b in (*self.prompts, *self.comments) for i in range(a, b)}
        return self._skip

    def has_text(self, start: int, end: int) -> bool:
        lines = self.lines
        if not self.prompts and not self.comments and start >= 0 and end >= 0:
            return any(map(str.strip, lines[start:end]))  # mostly: no line to leave out
        skipped = self.skipped
        return any(lines[i].strip() and i not in skipped for i in range(start, end))

    def prompt_in(self, start: int, end: int) -> int | None:
        """The body line of the first prompt in ``start:end``."""
        if not self.prompts:  # mostly: a filled-in document has none
            return None
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
        section: Heading | None = None  # the heading of ``level`` whose end is not yet seen
        for heading in self.headings:
            if heading.level <= level:
                if section is not None:
                    out.append((section, heading.at))
                section = heading if heading.level == level else None
        if section is not None:
            out.append((section, len(self.lines)))
        return out

    def title_end(self) -> int:
        """The body line after the document's title (a level-1 heading with no text above
        it but prompts and comments), else 0."""
        heading = self.headings[0] if self.headings else None
        if heading is None or heading.level != 1 or self.has_text(0, heading.at):
            return 0
        return heading.end

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
        lines[at] = "#" * level + " " + heading.text if heading.text else ""  # an empty heading
        for extra in range(at + 1, heading.end - start):  # a setext heading's underline
            lines[extra] = ""
    return "\n".join(lines)

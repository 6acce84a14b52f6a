"""The block structure of a plain body, found line by line without the Markdown parser.

Most documents are headings, paragraphs, simple lists, the plan table, the template's
prompts and comments. For those the blocks can be told from each line's first characters,
and doing so costs a tenth of walking pulldown-cmark's events in Python (which is most of
the check's time per document). Anything this scanner is not sure of (indentation, code,
setext headings, rules, HTML other than a comment, link definitions, escapes in a table,
a list's nesting, lazy lines after a quote ...) makes it give up, and `Body` asks
pulldown-cmark as before: the blocks are the same either way (tests/pipeline/test_bodyfast.py
compares the two on generated documents).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from jobbvinner_cli.pipeline.blocks import Block, Heading, Table, heading_text

_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_ORDERED = re.compile(r"(\d{1,9})([.)])(?:[ \t]|$)")
_ORDERED_ITEM = re.compile(r"\d{1,9}([.)]) (?! )")
# a table's delimiter row, its cells (stripped) joined with "|"
_DELIMITER_CELLS = re.compile(r":?-+:?(?:\|:?-+:?)*")
# a carriage return ends a line for pulldown-cmark too, and vertical tabs and form feeds
# may count as blanks: the scanner leaves such bodies to it (see simple_blocks)
# at the start of a line, these may begin something other than a paragraph
_NOT_PLAIN = frozenset(" \t><|[`~=-:")
# A NamedTuple's own __new__ is a Python function: tuple.__new__ makes the same tuple (all
# fields given) in a third of the time, for the tens of thousands of blocks of a pilot.
_new = tuple.__new__


class _Unsure(Exception):
    """The body has something the scanner does not read; pulldown-cmark will."""


def _blank(line: str) -> bool:
    return not line or not line.strip(" \t")


def _plain(line: str) -> bool:
    """Whether a non-blank line can only be paragraph text (or a paragraph's next line)."""
    first = line[0]
    if first in _NOT_PLAIN:
        return False
    if first == "#":
        return _ATX.match(line) is None
    if first in "*+_":
        if first != "_" and line[1:2] in ("", " ", "\t"):  # a list item
            return False
        return first == "+" or line.strip(first + " \t") != ""  # else a rule
    if first.isdigit():
        return _ORDERED.match(line) is None
    return True


def _item(line: str) -> tuple[str, int] | None:
    """A list item with plain text: its kind (the bullet or the number's delimiter) and
    where its text starts."""
    first = line[0]
    if first in "-*+":
        if line[1:2] == " " and len(line) > 2 and _plain(line[2:]):
            return first, 2
        return None
    match = _ORDERED_ITEM.match(line) if first.isdigit() else None
    if match is not None and len(line) > match.end() and _plain(line[match.end() :]):
        return "1" + match.group(1), match.end()
    return None


def _cells(line: str) -> list[str]:
    """The cells of a table row the caller has seen starts with a pipe, and has nothing
    that could hide one."""
    text = line.rstrip(" \t")
    if len(text) == 1:  # a lone pipe is no row
        raise _Unsure
    parts = text.split("|")  # the first is empty (the line starts with a pipe)
    return list(map(str.strip, parts[1:-1] if text[-1] == "|" else parts[1:]))


class Scanned(NamedTuple):
    """What the scanner found in a body: its top-level blocks and headings, and the lines
    (start, end) of its block quotes and of its HTML comments."""

    blocks: list[Block]
    headings: list[Heading]
    quotes: list[tuple[int, int]]
    comments: list[tuple[int, int]]


def simple_blocks(text: str, lines: list[str], first_line: int) -> Scanned | None:
    """The blocks of a body of ``lines`` (``text`` split at its newlines) whose first line
    is ``first_line`` in the file, or None when the scanner is unsure."""
    if "\r" in text or "\x0b" in text or "\x0c" in text:
        return None
    scanner = _Scanner(lines, first_line)
    try:
        blocks = scanner.blocks()
    except _Unsure:
        return None
    return _new(Scanned, (blocks, scanner.headings, scanner.quotes, scanner.comments))


class _Scanner:
    def __init__(self, lines: list[str], first_line: int) -> None:
        self.lines = lines
        self.first = first_line
        self.out: list[Block] = []
        self.headings: list[Heading] = []
        self.quotes: list[tuple[int, int]] = []
        self.comments: list[tuple[int, int]] = []

    def blocks(self) -> list[Block]:
        lines, count, at = self.lines, len(self.lines), 0
        out, headings, first = self.out, self.headings, self.first
        while at < count:
            line = lines[at]
            if not line or not line.strip(" \t"):
                at += 1
                continue
            lead = line[0]
            if lead == "#":
                # _ATX without the pattern: 1 to 6 #s, then a blank or the line's end
                rest = line.lstrip("#")
                level = len(line) - len(rest)
                if level > 6 or (rest and rest[0] not in " \t"):
                    at = self._paragraph(at)  # not a heading: text (_plain says so)
                    continue
                text = heading_text(rest)  # strip() takes the spaces after the #s
                headings.append(_new(Heading, (first + at, level, text, at, at + 1)))
                out.append(_new(Block, ("heading", at, at + 1, (), None)))
                at += 1
            elif lead.isalpha():  # a letter starts nothing but a paragraph
                following = lines[at + 1] if at + 1 < count else ""
                if following and following.strip(" \t"):
                    at = self._paragraph(at)
                else:  # mostly: a paragraph of one line, and a blank line (or the end)
                    out.append(_new(Block, ("paragraph", at, at + 1, (), None)))
                    at += 2
            elif lead == ">":
                at = self._quote(at)
            elif line.startswith("<!--"):
                at = self._comment(at)
            elif line[0] == "|":
                at = self._table(at)
            elif _item(line) is not None:
                at = self._list(at)
            elif _plain(line):
                at = self._paragraph(at)
            else:
                raise _Unsure
        return self.out

    def _interrupts(self, line: str) -> bool:
        """Whether a line ends a paragraph before it (and starts a block of its own)."""
        if line[0] == "#":
            return _ATX.match(line) is not None
        if line[0] in "-*+":
            return _item(line) is not None
        return line[0] == ">" or line.startswith("<!--")

    def _paragraph(self, at: int) -> int:
        lines, start, count = self.lines, at, len(self.lines)
        at += 1
        while at < count:
            line = lines[at]
            if not line or not line.strip(" \t"):  # _blank, without the call
                break
            if line[0].isalpha():  # text, and it interrupts nothing
                at += 1
                continue
            if self._interrupts(line):
                break
            if not _plain(line):
                raise _Unsure
            at += 1
        self.out.append(_new(Block, ("paragraph", start, at, (), None)))
        return at

    def _quote(self, at: int) -> int:
        lines, start = self.lines, at
        while at < len(lines) and lines[at][:1] == ">":
            content = lines[at][1:]
            content = content[1:] if content[:1] == " " else content
            if not _blank(content) and not _plain(content):
                raise _Unsure
            at += 1
        self.quotes.append((start, at))
        # a text line right after it would be a lazy line of the quote's paragraph
        if at < len(lines) and not _blank(lines[at]):
            line = lines[at]
            if not (line[0] == "#" and _ATX.match(line)) and not line.startswith("<!--"):
                raise _Unsure
        self.out.append(Block("quote", start, at))
        return at

    def _comment(self, at: int) -> int:
        lines, start = self.lines, at
        first = lines[at]
        if first.startswith(("<!-->", "<!--->")):
            raise _Unsure
        if "-->" not in first[4:]:
            at += 1
            while at < len(lines) and "-->" not in lines[at]:
                at += 1
            if at == len(lines):  # never closed: runs to the end
                raise _Unsure
        self.comments.append((start, at + 1))
        self.out.append(Block("html", start, at + 1))
        return at + 1

    def _table(self, at: int) -> int:
        lines, start = self.lines, at
        count = len(lines)
        if at + 1 >= count or lines[at + 1][:1] != "|":
            raise _Unsure
        last = at + 2  # the table's rows: the lines that start with a pipe
        while last < count and lines[last][:1] == "|":
            last += 1
        if last < count and not _blank(lines[last]):
            raise _Unsure
        # in a table row, escapes, code, links and HTML can hide a pipe: looked for in all
        # rows at once, a character at a time (4 searches of a string are faster than one
        # search for a character class)
        text = "\n".join(lines[at:last])
        if "\\" in text or "`" in text or "[" in text or "<" in text:
            raise _Unsure
        header = _cells(lines[at])
        delimiter = _cells(lines[at + 1])
        if len(header) != len(delimiter) or not _DELIMITER_CELLS.fullmatch("|".join(delimiter)):
            raise _Unsure
        width = len(header)
        rows: list[tuple[int, list[str]]] = []
        first = self.first
        for row in range(at + 2, last):
            cells = _cells(lines[row])
            if len(cells) != width:
                cells = cells[:width] + [""] * (width - len(cells))
            rows.append((first + row, cells))
        at = last
        self.out.append(Block("table", start, at, table=Table(self.first + start, header, rows)))
        return at

    def _list(self, at: int) -> int:
        lines, start, count = self.lines, at, len(self.lines)
        found = _item(lines[at])
        assert found is not None
        kind = found[0]
        items: list[tuple[int, int]] = []
        item = at
        at += 1
        while True:
            line = lines[at] if at < count else ""
            if at < count and not _blank(line):
                other = _item(line)
                if other is not None and other[0] == kind:  # the next item
                    items.append((item, at))
                    item = at
                elif other is not None or (line[0] == "#" and _ATX.match(line)):
                    break  # a new list or a heading: this one ends here
                elif not _plain(line):
                    raise _Unsure
                # else a lazy line of the item's text
                at += 1
                continue
            # blank lines: they belong to the list if it goes on, and to its end if not
            after = at
            while after < count and _blank(lines[after]):
                after += 1
            if after < count:
                other = _item(lines[after])
                if other is not None and other[0] == kind:
                    items.append((item, after))
                    item, at = after, after + 1
                    continue
                if lines[after][0] in " \t":
                    raise _Unsure
            elif lines[-1] == "":  # the "line" after the last line end has no text
                after -= 1
            at = after
            break
        items.append((item, at))
        self.out.append(Block("list", start, at, items))
        return at

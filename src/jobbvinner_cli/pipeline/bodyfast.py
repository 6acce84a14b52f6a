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

from jobbvinner_cli.pipeline.blocks import Block, Heading, Table, heading_text

_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_ORDERED = re.compile(r"(\d{1,9})([.)])(?:[ \t]|$)")
_ORDERED_ITEM = re.compile(r"\d{1,9}([.)]) (?! )")
_DELIMITER_CELL = re.compile(r":?-+:?")
# a carriage return ends a line for pulldown-cmark too, and vertical tabs and form feeds
# may count as blanks: the scanner leaves such bodies to it
_ODD = ("\r", "\x0b", "\x0c")
# at the start of a line, these may begin something other than a paragraph
_NOT_PLAIN = frozenset(" \t><|[`~=-:")
# in a table row, escapes, code, links and HTML can hide a pipe
_TABLE_ODD = re.compile(r"[\\`\[<]")


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
    text = line.rstrip(" \t")[1:]
    if not text or _TABLE_ODD.search(text) is not None:  # a lone pipe is no row
        raise _Unsure
    if text.endswith("|"):
        text = text[:-1]
    return [cell.strip() for cell in text.split("|")]


def simple_blocks(
    text: str, lines: list[str], first_line: int
) -> tuple[list[Block], list[Heading]] | None:
    """The top-level blocks and the headings of a body of ``lines`` whose first line is
    ``first_line`` in the file, or None when the scanner is unsure."""
    if any(odd in text for odd in _ODD):
        return None
    scanner = _Scanner(lines, first_line)
    try:
        return scanner.blocks(), scanner.headings
    except _Unsure:
        return None


class _Scanner:
    def __init__(self, lines: list[str], first_line: int) -> None:
        self.lines = lines
        self.first = first_line
        self.out: list[Block] = []
        self.headings: list[Heading] = []

    def blocks(self) -> list[Block]:
        lines, count, at = self.lines, len(self.lines), 0
        while at < count:
            line = lines[at]
            if not line or not line.strip(" \t"):
                at += 1
            elif line[0].isalpha():  # a letter starts nothing but a paragraph
                at = self._paragraph(at)
            elif line[0] == "#" and _ATX.match(line):
                level = len(line) - len(line.lstrip("#"))
                text = heading_text(line[level:])  # its #s gone, strip() takes the spaces
                self.headings.append(Heading(self.first + at, level, text, at, at + 1))
                self.out.append(Block("heading", at, at + 1))
                at += 1
            elif line[0] == ">":
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
        lines, start = self.lines, at
        at += 1
        while at < len(lines):
            line = lines[at]
            if _blank(line) or self._interrupts(line):
                break
            if not _plain(line):
                raise _Unsure
            at += 1
        self.out.append(Block("paragraph", start, at))
        return at

    def _quote(self, at: int) -> int:
        lines, start = self.lines, at
        while at < len(lines) and lines[at][:1] == ">":
            content = lines[at][1:]
            content = content[1:] if content[:1] == " " else content
            if not _blank(content) and not _plain(content):
                raise _Unsure
            at += 1
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
        self.out.append(Block("html", start, at + 1))
        return at + 1

    def _table(self, at: int) -> int:
        lines, start = self.lines, at
        if at + 1 >= len(lines) or lines[at + 1][:1] != "|":
            raise _Unsure
        header = _cells(lines[at])
        delimiter = _cells(lines[at + 1])
        if len(header) != len(delimiter) or not all(
            _DELIMITER_CELL.fullmatch(cell) for cell in delimiter
        ):
            raise _Unsure
        width = len(header)
        rows: list[tuple[int, list[str]]] = []
        at += 2
        while at < len(lines) and lines[at][:1] == "|":
            cells = _cells(lines[at])[:width]
            rows.append((self.first + at, cells + [""] * (width - len(cells))))
            at += 1
        if at < len(lines) and not _blank(lines[at]):
            raise _Unsure
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

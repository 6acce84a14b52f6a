"""Pandoc tables built from data, with column widths that follow their content.

Every generated report table is a grid table: its cells may hold paragraphs and lists
(nested ones too), and pandoc takes the relative column widths from the source, the same in
PDF (Typst), DOCX and HTML. A column of short values (numbers, dates, names) is made as
wide as its longest word, the text columns share the rest of the page by how much they
hold. Long words are hyphenated by the outputs; the source lines are made wide enough
that no word has to be split in the Markdown.
"""

from __future__ import annotations

import math
import re
import textwrap

from jobbvinner_cli.pipeline.cells import escape_start


def escape_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def pipe_table(headers: list[str], rows: list[list[str]], caption: str | None = None) -> str:
    lines = [
        "| " + " | ".join(escape_cell(h) for h in headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(escape_cell(c) for c in row) + " |" for row in rows]
    if caption:
        lines += ["", f": {caption}"]
    return "\n".join(lines)


def plain(text: str) -> str:
    """Text (a name, a date, a goal) as a cell: one line, and «1. samling» stays text."""
    return escape_start(" ".join(text.split()))


_UNESCAPED = re.compile(r"(?<!\\)([+|])")
_PREFIX = re.compile(r"^([ \t]*)((?:-|\d{1,9}\.)[ \t]+)?")
#: The whitespace textwrap turns into spaces (it keeps a line's other characters as they are).
_WRAP_SPACE = re.compile(r"[\t\n\x0b\x0c\r]")

#: Characters of 9.5 pt table text across the PDF's text width (16 cm), padding included.
PAGE = 90
#: What a cell's padding and rule take, in characters.
PAD = 3
#: A column whose longest line is this short gets all of it before text columns share.
_SHORT = 24
#: A text column never asks for more than this many characters of the page.
_MAX_NATURAL = 60
#: A word longer than this is hyphenated rather than given a column of its own width.
_MAX_MINIMUM = 18
#: The widest source line written; a longer word is split in the source.
_MAX_SOURCE = 600


def _escaped(line: str) -> str:
    return _UNESCAPED.sub(r"\\\1", line) if "+" in line or "|" in line else line


def _lines(cell: str) -> list[str]:
    return [_escaped(line.rstrip()) for line in cell.split("\n")]


def _split(headers: list[str], rows: list[list[str]]) -> dict[str, list[str]]:
    """Each cell's escaped lines, made once for measuring and for writing the table."""
    return {cell: _lines(cell) for row in (headers, *rows) for cell in row}


def _measure(lines: list[str]) -> tuple[int, int]:
    """(longest line, longest word with the indent of its line) of a cell's Markdown."""
    natural = word = 0
    for line in lines:
        prefix = _PREFIX.match(line)
        indent = prefix.end() if prefix else 0
        natural = max(natural, len(line))
        longest = max(map(len, line[indent:].split()), default=None)
        if longest is not None:
            word = max(word, indent + longest)
    return natural, word


def column_widths(
    headers: list[str], rows: list[list[str]], split: dict[str, list[str]] | None = None
) -> list[int]:
    """The source width of each column, in characters.

    When the table's content fits across the page, each column is as wide as its longest
    line. Otherwise short columns (numbers, dates, names) keep their width, and the text
    columns share the rest by how much they hold, none narrower than its longest word (up
    to ``_MAX_MINIMUM``). Pandoc takes the proportions from the source, so the source is
    then scaled up until every word fits its column without being split.
    """
    split = split if split is not None else _split(headers, rows)
    columns = list(zip(*[headers, *rows], strict=True))
    measured = [[_measure(split[cell]) for cell in column] for column in columns]
    natural = [max(1, min(_MAX_NATURAL, max(n for n, _ in m))) for m in measured]
    words = [max(1, max(w for _, w in m)) + 2 for m in measured]  # bold headers are wider
    room = PAGE - PAD * len(columns)
    if sum(natural) <= room:
        return [max(n, w) for n, w in zip(natural, words, strict=True)]
    minimum = [min(w, _MAX_MINIMUM, n) for w, n in zip(words, natural, strict=True)]
    share = [
        float(max(n, w) if n <= _SHORT else m)
        for n, w, m in zip(natural, words, minimum, strict=True)
    ]
    if sum(share) > room:  # even that does not fit: every column shares from its minimum
        share = [float(m) for m in minimum]
    # The rest goes to the columns by how much text they hold, none past its longest line.
    volume = [sum(len(cell) for cell in column) + 1 for column in columns]
    while (extra := room - sum(share)) > 0.5:
        open_ = [i for i, s in enumerate(share) if s < natural[i]]
        if not open_:
            break
        total = sum(volume[i] for i in open_)
        for i in open_:
            share[i] = min(float(natural[i]), share[i] + extra * volume[i] / total)
    scale = max(1.0, *((w + PAD) / (s + PAD) for w, s in zip(words, share, strict=True)))
    scale = min(scale, _MAX_SOURCE / sum(s + PAD for s in share))
    return [max(1, math.ceil((s + PAD) * scale) - PAD) for s in share]


def _cell_lines(lines: list[str], width: int) -> list[str]:
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        if len(line) <= width and not _WRAP_SPACE.search(line):
            out.append(line)  # what textwrap gives a line that fits, without its cost
            continue
        prefix = _PREFIX.match(line)
        head = prefix.group(0) if prefix else ""
        hang = " " * len(head)
        wrapped = textwrap.wrap(
            line[len(head) :],
            width=max(width - len(head), 1),
            break_long_words=True,
            break_on_hyphens=False,
        ) or [""]
        # a continuation line starting «15.» or «-» would start a list: keep it text
        out += [head + wrapped[0]] + [hang + escape_start(w) for w in wrapped[1:]]
    while out and out[-1] == "":
        out.pop()
    return out or [""]


def grid_table(headers: list[str], rows: list[list[str]], caption: str | None = None) -> str:
    """A table of Markdown cells: paragraphs and lists («- item», «1. item», indented
    for nested items). Plain text goes in through :func:`plain`."""
    split = _split(headers, rows)
    widths = column_widths(headers, rows, split)

    def border(char: str) -> str:
        return "+" + "+".join(char * (w + 2) for w in widths) + "+"

    def render_row(cells: list[str]) -> list[str]:
        columns = [_cell_lines(split[c], w) for c, w in zip(cells, widths, strict=True)]
        height = max(len(c) for c in columns)
        return [
            "| "
            + " | ".join(
                (col[i] if i < len(col) else "").ljust(w)
                for col, w in zip(columns, widths, strict=True)
            )
            + " |"
            for i in range(height)
        ]

    out = [border("-"), *render_row(headers), border("=")]
    for row in rows:
        out += render_row(row)
        out.append(border("-"))
    if caption:
        out += ["", f": {caption}"]
    return "\n".join(out)


def data_table(headers: list[str], rows: list[list[str]], caption: str | None = None) -> str:
    """A table of plain-text cells."""
    return grid_table([plain(h) for h in headers], [[plain(c) for c in r] for r in rows], caption)

"""Pandoc tables built from data: pipe tables for short cells, grid tables for lists."""

from __future__ import annotations

import textwrap


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


def _cell_lines(cell: str, width: int) -> list[str]:
    out: list[str] = []
    for paragraph in cell.split("\n"):
        if not paragraph.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        bullet = paragraph.startswith("- ")
        text = paragraph[2:] if bullet else paragraph
        wrapped = textwrap.wrap(
            text.replace("+", "\\+").replace("|", "\\|"),
            width=width - (2 if bullet else 0),
            break_long_words=True,
            break_on_hyphens=False,
        ) or [""]
        if bullet:
            out += ["- " + wrapped[0]] + ["  " + w for w in wrapped[1:]]
        else:
            out += wrapped
    return out or [""]


_MAX_WORD = 30


def _longest_word(cell: str) -> int:
    escaped = cell.replace("+", "\\+").replace("|", "\\|")
    return max((len(word) for word in escaped.split()), default=0) + 2  # room for «- »


def grid_table(
    headers: list[str], rows: list[list[str]], widths: list[int], caption: str | None = None
) -> str:
    """A grid table whose cells may hold bullet lists («- item» per line).

    A column is widened to its longest word (up to ``_MAX_WORD``), so a long name is not
    split; only something longer, such as a web address, is still broken.
    """
    widths = [
        max([width, *(min(_longest_word(row[i]), _MAX_WORD) for row in [headers, *rows])])
        for i, width in enumerate(widths)
    ]

    def border(char: str) -> str:
        return "+" + "+".join(char * (w + 2) for w in widths) + "+"

    def render_row(cells: list[str]) -> list[str]:
        columns = [_cell_lines(c, w) for c, w in zip(cells, widths, strict=True)]
        # A list must be separated from the text before it by a blank line inside the cell.
        height = max(len(c) for c in columns)
        lines = []
        for i in range(height):
            parts = [
                (col[i] if i < len(col) else "").ljust(w)
                for col, w in zip(columns, widths, strict=True)
            ]
            lines.append("| " + " | ".join(parts) + " |")
        return lines

    out = [border("-")]
    out += render_row(headers)
    out.append(border("="))
    for row in rows:
        out += render_row(row)
        out.append(border("-"))
    if caption:
        out += ["", f": {caption}"]
    return "\n".join(out)

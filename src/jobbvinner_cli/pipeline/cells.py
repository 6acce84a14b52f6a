"""What a document section gives a cell of the report's tables: its lists and its prose.

The final report's results table ("Tabell 5") and the table of further tasks show the
sluttrapport sections with a report role (tiltak, resultater, videre oppgaver). Teams write
them in every form Word pastes: Markdown lists (bulleted, numbered, nested), lines that
start with a Word bullet ("•", "o", "▪" pasted as text) and plain paragraphs. All of it is
kept, in order, as Markdown a table cell can hold: one line per paragraph and per list
item, nested items indented under their parent.

A table cell cannot hold a table, a code block, raw HTML, a rule or an image; what a
section has of those is listed in :attr:`Cell.left_out`, so `jv check` (JV211) and the
build both say so instead of dropping it silently. The structure comes from the one parse
in :mod:`jobbvinner_cli.pipeline.body`; an item's own blocks are parsed the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobbvinner_cli.pipeline.body import Body

# Bullets Word writes when a list is pasted as text, with the level Word gives them.
_WORD_BULLETS = {
    "•": 0,
    "●": 0,
    "\uf0b7": 0,  # Symbol-font bullet
    "–": 0,
    "◦": 1,
    "○": 1,
    "o": 1,  # Courier New "o", Word's second level; only before a tab
    "▪": 2,
    "■": 2,
    "\uf0a7": 2,  # Wingdings square
    "§": 2,
}
_WORD_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<mark>[•●\uf0b7–◦○▪■\uf0a7§])[ \t]+|o\t+)(?P<text>\S.*)$"
)
_ORDERED = re.compile(r"^[ \t]*(\d{1,9})[.)]")
_QUOTE_MARK = re.compile(r"^ {0,3}> ?")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# Text at the start of a cell line that pandoc would read as a list marker or heading.
_LEADING_MARKER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+*#>])(?=\s|$)")

#: What a table cell cannot show, by the kind of block (Norwegian, for messages).
LEFT_OUT_KINDS = {
    "table": "en tabell",
    "code": "en kodeblokk",
    "html": "HTML",
    "hr": "en skillelinje",
    "image": "et bilde",
}


@dataclass
class Cell:
    markdown: str = ""
    left_out: list[tuple[int, str]] = field(default_factory=list)  # (file line, kind)


def escape_start(text: str) -> str:
    """``text`` with a leading «15.», «1)», «-», «+», «#» or «>» escaped, so that pandoc
    keeps «15. oktober» or «1. samling» at the start of a cell as text."""

    def escape(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return f"{match.group(1)}\\{match.group(2)}"
        return "\\" + match.group(3)

    return _LEADING_MARKER.sub(escape, text, count=1)


def section_cell(body: Body, start: int, end: int) -> Cell:
    """The lists and prose of body lines ``start:end`` as cell Markdown."""
    cell = Cell()
    lines: list[str] = []
    _read(body, start, end, "", lines, cell)
    cell.markdown = "\n".join(lines).strip("\n")
    return cell


# Markup without which a section has nothing a cell cannot show (a table's «|», a fence,
# HTML's «<», a rule, an image), so the check can skip the full reading of most sections.
_MAYBE_LEFT_OUT = re.compile(r"[|<`~]|!\[|^ {0,3}([-*_])[ \t]*\1[ \t]*\1|^(?: {4}|\t)", re.M)


def left_out(body: Body, start: int, end: int) -> list[tuple[int, str]]:
    """What ``section_cell`` would leave out of body lines ``start:end``."""
    plain = all(b.kind in ("paragraph", "list", "heading") for b in body.blocks_in(start, end))
    if plain and not _MAYBE_LEFT_OUT.search(body.clean(start, end)):
        return []
    return section_cell(body, start, end).left_out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _part(lines: list[str]) -> None:
    """Start a new paragraph or list: a blank line after what came before."""
    if lines and lines[-1].strip():
        lines.append("")


def _read(body: Body, start: int, end: int, indent: str, lines: list[str], cell: Cell) -> None:
    skipped = body.skipped
    for block in body.blocks_in(start, end):
        if block.start in skipped:
            continue  # the template's prompts and comments
        text = "\n".join(body.lines[block.start : block.end])
        if block.kind == "paragraph":
            _paragraph(body, block.start, text, indent, lines, cell)
        elif block.kind == "heading":
            title = next((h.text for h in body.headings if h.at == block.start), "")
            if title:
                _part(lines)
                lines.append(f"{indent}**{title}**")
        elif block.kind == "list":
            _list(body, block.start, block.end, indent, lines, cell)
        elif block.kind == "quote":
            inner = "\n".join(_QUOTE_MARK.sub("", line, count=1) for line in text.split("\n"))
            _read(Body(inner, body.line(block.start)), 0, block.end - block.start, indent,
                  lines, cell)  # fmt: skip
        else:
            cell.left_out.append((body.line(block.start), block.kind))


def _paragraph(body: Body, at: int, text: str, indent: str, lines: list[str], cell: Cell) -> None:
    if _IMAGE.search(text):
        cell.left_out.append((body.line(at), "image"))
        text = _IMAGE.sub("", text)
    rows = text.split("\n")
    bullets = [_WORD_BULLET.match(row) for row in rows]
    if not any(bullets):
        if text.strip():
            _part(lines)
            lines.append(indent + escape_start(_one_line(text)))
        return
    # Lines starting with a Word bullet start an item; other lines continue the one before.
    first = next(i for i, m in enumerate(bullets) if m)
    if first:
        _part(lines)
        lines.append(indent + escape_start(_one_line(" ".join(rows[:first]))))
    _part(lines)
    items: list[tuple[int, str]] = []
    for row, match in zip(rows[first:], bullets[first:], strict=True):
        if match is None:
            level, words = items[-1]
            items[-1] = (level, f"{words} {row.strip()}")
            continue
        mark = match.group("mark") or "o"
        spaces = match.group("indent").replace("\t", "    ")
        items.append((max(_WORD_BULLETS[mark], len(spaces) // 2), match.group("text")))
    depth = -1
    for level, words in items:
        depth = min(level, depth + 1)  # a level cannot be skipped
        lines.append(indent + "  " * depth + "- " + escape_start(_one_line(words)))


def _plain_line(text: str) -> bool:
    """An item of one line that starts with a letter: Markdown reads it as one paragraph
    (no block starts with a letter, a table or setext heading needs a second line), so it
    is the item's text, unless it holds an image or starts like a Word bullet («o »)."""
    return (
        "\n" not in text
        and text[:1].isalpha()
        and not _IMAGE.search(text)
        and not _WORD_BULLET.match(text)
    )


def _list(body: Body, start: int, end: int, indent: str, lines: list[str], cell: Cell) -> None:
    _part(lines)
    ordered = _ORDERED.match(body.lines[start])
    number = int(ordered.group(1)) if ordered else 0
    for item in body.items_in(start, end):
        marker = f"{number}. " if ordered else "- "
        number += 1
        if _plain_line(item.text):  # what parsing it would give, without the parse
            lines.append(indent + marker + escape_start(_one_line(item.text)))
            continue
        inner = Body(item.text, item.line)
        blocks = [b for b in inner.blocks if b.start not in inner.skipped]
        if (
            blocks
            and blocks[0].kind == "paragraph"
            and not _IMAGE.search("\n".join(inner.lines[blocks[0].start : blocks[0].end]))
            and not any(
                _WORD_BULLET.match(row) for row in inner.lines[blocks[0].start : blocks[0].end]
            )
        ):
            head = "\n".join(inner.lines[blocks[0].start : blocks[0].end])
            rest = blocks[0].end
        else:
            head, rest = "", 0
        lines.append(indent + marker + escape_start(_one_line(head)))
        before = len(lines)
        _read(inner, rest, len(inner.lines), indent + " " * len(marker), lines, cell)
        # A nested list follows its parent item directly (a tight list).
        if len(lines) > before and not lines[before].strip():
            nested = lines[before + 1].lstrip()
            if nested.startswith("- ") or _ORDERED.match(nested):
                del lines[before]
    return

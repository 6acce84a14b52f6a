"""Word's lists as Markdown lists: tight, nested where Word indents them.

Pandoc's DOCX reader gives each run of paragraphs with one list numbering a list of its
own, with the items' paragraph styles as divs. A nested bullet written with the style
«List Bullet 2» (as python-docx and many Word templates do it, rather than a second
level of the same numbering) arrives as a separate list between two halves of its
parent: it is put back inside the item above it, and the halves joined.
"""

from __future__ import annotations

import re

from jobbvinner_cli.word.ast import Block, style_of

_LEVEL = re.compile(r"\b(\d)$")
_LISTS = ("BulletList", "OrderedList")


def _items(block: Block) -> list[list[Block]]:
    items: list[list[Block]] = block["c"] if block["t"] == "BulletList" else block["c"][1]
    return items


def _with_items(block: Block, items: list[list[Block]]) -> Block:
    if block["t"] == "BulletList":
        return {"t": "BulletList", "c": items}
    return {"t": "OrderedList", "c": [block["c"][0], items]}


def _unwrap(blocks: list[Block]) -> tuple[list[Block], int]:
    """Blocks with their style divs taken off; the list level their style names."""
    out: list[Block] = []
    level = 1
    for block in blocks:
        if block.get("t") == "Div":
            style = style_of(block) or ""
            found = _LEVEL.search(style)
            if found and style.lower().startswith("list"):
                level = max(level, int(found.group(1)))
            inner, inner_level = _unwrap(block["c"][1])
            level = max(level, inner_level)
            out += inner
        else:
            out.append(block)
    return out, level


def _tidy_item(item: list[Block]) -> tuple[list[Block], int]:
    blocks, level = _unwrap(item)
    blocks = tidy(blocks)
    if blocks and blocks[0].get("t") == "Para":  # Word's paragraphs: a tight list
        blocks[0] = {"t": "Plain", "c": blocks[0]["c"]}
    return blocks, level


def tidy(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every list tight and Word's style-indented lists nested."""
    out: list[Block] = []
    levels: list[int] = []  # the level of each list in ``out`` (0: not a list)
    for block in blocks:
        if block.get("t") not in _LISTS:
            out.append(block)
            levels.append(0)
            continue
        tidied = [_tidy_item(item) for item in _items(block)]
        level = min((lv for _, lv in tidied), default=1)
        items = [b for b, _ in tidied]
        prev = out[-1] if out and levels[-1] else None
        if prev is not None and level > levels[-1] and _items(prev):
            _nest(_items(prev)[-1], _with_items(block, items), level - levels[-1])
            continue
        if prev is not None and level == levels[-1] and prev["t"] == block["t"]:
            out[-1] = _with_items(prev, [*_items(prev), *items])
            continue
        out.append(_with_items(block, items))
        levels.append(level)
    return out


def _nest(item: list[Block], child: Block, depth: int) -> None:
    """Put ``child`` ``depth`` levels below ``item``."""
    last = item[-1] if item else None
    if depth > 1 and last is not None and last.get("t") in _LISTS and _items(last):
        _nest(_items(last)[-1], child, depth - 1)
        return
    if last is not None and last.get("t") == child["t"]:
        item[-1] = _with_items(last, [*_items(last), *_items(child)])
    else:
        item.append(child)

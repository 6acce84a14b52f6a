"""Bullets typed or pasted as characters («• …»), which Word keeps as plain paragraphs."""

from __future__ import annotations

from typing import Any

from jobbvinner_cli.word import ast

# Word's Symbol and Wingdings bullets arrive as private-use characters (U+F0B7, U+F0A7)
_BULLET_CHARS = {"•": 1, "·": 1, "\uf0b7": 1, "-": 1, "–": 1, "▪": 2, "◦": 2, "\uf0a7": 2, "o": 2}
_ALONE = {"o", "-", "–"}  # a bullet only as a word of its own («- tekst», not «-tekst»)


def _bullet_level(block: ast.Block) -> tuple[int, list[Any]] | None:
    """A paragraph typed as a bullet («• text», as pasted from Word): its level and the
    inlines without the bullet."""
    if block.get("t") not in ("Para", "Plain") or not block["c"]:
        return None
    first = block["c"][0]
    if first.get("t") != "Str":
        return None
    word = first["c"]
    mark = word[:1]
    if mark not in _BULLET_CHARS or (mark in _ALONE and word != mark):
        return None
    rest = [{"t": "Str", "c": word[1:]}] if word[1:] else []
    inlines = rest + block["c"][1:]
    while inlines and inlines[0].get("t") in ("Space", "SoftBreak"):
        inlines = inlines[1:]
    return (_BULLET_CHARS[mark], inlines) if inlines else None


def typed_bullets(
    blocks: list[tuple[ast.Block, str | None]],
) -> list[tuple[ast.Block, str | None]]:
    """Runs of «• …» paragraphs as one bullet list (a «◦ …» one nested in the item above)."""
    out: list[tuple[ast.Block, str | None]] = []
    items: list[list[Any]] = []

    def flush() -> None:
        if items:
            out.append(({"t": "BulletList", "c": list(items)}, None))
            items.clear()

    for block, style in blocks:
        found = _bullet_level(block)
        if found is None:
            flush()
            out.append((block, style))
            continue
        level, inlines = found
        plain = {"t": "Plain", "c": inlines}
        if level == 2 and items:
            last = items[-1]
            if last and last[-1].get("t") == "BulletList":
                last[-1]["c"].append([plain])
            else:
                last.append({"t": "BulletList", "c": [[plain]]})
        else:
            items.append([plain])
    flush()
    return out

"""Small helpers for Pandoc's JSON AST (blocks and inlines as dicts)."""

from __future__ import annotations

from typing import Any

Block = dict[str, Any]


def text(node: Any) -> str:
    """The plain text of an AST node or list of nodes, spaces collapsed."""
    out: list[str] = []

    def walk(n: Any) -> None:
        if isinstance(n, list):
            for x in n:
                walk(x)
        elif isinstance(n, dict):
            t = n.get("t")
            if t == "Str":
                out.append(n["c"])
            elif t in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif t in ("Code", "Math"):
                out.append(n["c"][-1])
            elif t in ("Image", "Note"):
                return
            elif "c" in n:
                walk(n["c"])

    walk(node)
    return " ".join("".join(out).split())


def style_of(div: Block) -> str | None:
    for key, value in div["c"][0][2]:
        if key == "custom-style":
            return str(value)
    return None


def flatten(blocks: list[Block]) -> list[tuple[Block, str | None]]:
    """Top-level blocks with the Word paragraph style pandoc's ``+styles`` wrapped them in
    (the divs themselves dropped)."""
    out: list[tuple[Block, str | None]] = []
    for block in blocks:
        if block.get("t") == "Div":
            style = style_of(block)
            for inner, inner_style in flatten(block["c"][1]):
                out.append((inner, inner_style or style))
        else:
            out.append((block, None))
    return out


def is_bold_only(inlines: list[Any]) -> bool:
    parts = [i for i in inlines if i.get("t") not in ("Space", "SoftBreak")]
    return bool(parts) and all(i.get("t") == "Strong" for i in parts)


def para(s: str) -> Block:
    return {"t": "Para", "c": [{"t": "Str", "c": s}]}


def walk_inlines(node: Any, fn: Any) -> Any:
    """``node`` with every inline list passed through ``fn`` (which returns a new list)."""
    if isinstance(node, list):
        if node and all(isinstance(x, dict) and x.get("t") in INLINE for x in node):
            node = fn(node)
        return [walk_inlines(x, fn) for x in node]
    if isinstance(node, dict) and "c" in node:
        return {**node, "c": walk_inlines(node["c"], fn)}
    return node


INLINE = {
    "Str", "Emph", "Underline", "Strong", "Strikeout", "Superscript", "Subscript",
    "SmallCaps", "Quoted", "Cite", "Code", "Space", "SoftBreak", "LineBreak", "Math",
    "RawInline", "Link", "Image", "Note", "Span",
}  # fmt: skip

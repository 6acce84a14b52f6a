"""How deep YAML's flow collections («[…]», «{…}») nest: libyaml recurses on each level,
so jv refuses deep nesting before handing the text over."""

from __future__ import annotations


def flow_depth(text: str, limit: int | None = None) -> tuple[int, int | None]:
    """(deepest nesting, 1-based line where it first went deeper than ``limit``)."""
    depth = best = 0
    line = 1
    too_deep: int | None = None
    quote = ""
    prev = "\n"
    in_comment = False
    for ch in text:
        if ch == "\n":
            line += 1
        if in_comment:
            if ch == "\n":
                in_comment = False
        elif quote:
            if ch == quote:
                quote = ""
        elif ch in "[{":
            depth += 1
            best = max(best, depth)
            if limit is not None and depth > limit and too_deep is None:
                too_deep = line
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch in "\"'" and prev in " \t\n[{,:-":
            quote = ch
        elif ch == "#" and prev in " \t\n":
            in_comment = True
        elif ch == "\n":
            quote = ""
        prev = ch
    return best, too_deep

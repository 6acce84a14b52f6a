"""Counted nouns in Norwegian: «1 medlem», «2 medlemmer». Every message with a count uses it."""

from __future__ import annotations


def plural(n: int, one: str, many: str) -> str:
    """``n`` and the noun in the form that agrees with it (1 is singular, 0 and 2+ plural)."""
    return f"{n} {one if n == 1 else many}"

"""References to gatherings in rules: «1», «N», «N+1», «siste», «siste-1»."""

from __future__ import annotations

import re

_REF = re.compile(r"^\s*(?P<base>\d+|N|siste)\s*(?:(?P<sign>[+-])\s*(?P<k>\d+))?\s*$")


class RefError(ValueError):
    pass


def validate_ref(ref: str) -> str:
    if not _REF.match(ref):
        raise RefError(
            f"«{ref}» er ikke en gyldig samlingsreferanse. Bruk et tall (1), N, N+1, siste eller siste-1."
        )
    return ref.strip()


def uses_number(ref: str) -> bool:
    match = _REF.match(ref)
    return bool(match and match.group("base") == "N")


def resolve_ref(ref: str, *, nr: int | None, count: int) -> int:
    """The 1-based gathering number ``ref`` points at, for document number ``nr``."""
    match = _REF.match(ref)
    if not match:
        raise RefError(f"«{ref}» er ikke en gyldig samlingsreferanse.")
    base = match.group("base")
    if base == "N":
        if nr is None:
            raise RefError(f"«{ref}» bruker N, men dokumentet har ikke nummer.")
        value = nr
    elif base == "siste":
        value = count
    else:
        value = int(base)
    k = int(match.group("k") or 0)
    return value + k if match.group("sign") == "+" else value - k

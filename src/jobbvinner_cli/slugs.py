"""Team slugs: safe, readable folder names made from municipality names."""

from __future__ import annotations

import re

from jobbvinner_cli.errors import Hint, UsageError

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MAX_LEN = 60
# Windows reserves these device names, in any case and with any extension
_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?", re.I)


def windows_problem(name: str) -> str | None:
    """Why Windows cannot hold a file or folder called ``name``, or None."""
    if _RESERVED.fullmatch(name):
        return f"«{name}» er et navn Windows reserverer for en enhet"
    if name.endswith((".", " ")):
        return f"«{name}» slutter med punktum eller mellomrom, som Windows fjerner"
    return None


def slug_for(kommune: str) -> str:
    """«Frøya» → froya, «Aure/Hemne» → aure-hemne; refuses names that look like paths."""
    name = kommune.strip()
    if not name:
        raise UsageError("Kommunenavnet er tomt. Skriv navnet på kommunen.")
    if ".." in name or name.startswith(("/", "\\", "~", ".")) or "\\" in name:
        raise UsageError(
            f"«{kommune}» ser ut som en filsti, ikke et kommunenavn. "
            "Skriv bare navnet på kommunen, for eksempel «Frøya»."
        )
    if any(ord(ch) < 32 for ch in name):
        raise UsageError("Kommunenavnet inneholder kontrolltegn. Skriv det på nytt.")
    from slugify import slugify  # only new teams need it; the check does not

    slug = slugify(name, max_length=_MAX_LEN, word_boundary=True)
    if slug and windows_problem(slug):
        raise UsageError(
            f"«{kommune}» gir mappenavnet «{slug}», som Windows reserverer, så piloten kunne "
            "ikke hentes ned på en Windows-maskin.",
            hint=Hint.NAME_SLUG,
        )
    if not slug:
        raise UsageError(
            f"«{kommune}» gir ikke et brukbart mappenavn. Bruk bokstaver i navnet.",
            hint=Hint.NAME_SLUG,
        )
    return slug


def check_slug(slug: str) -> str:
    """Accept only slugs of the form jv makes (lowercase letters, digits and hyphens)."""
    if not SLUG_RE.match(slug) or len(slug) > _MAX_LEN:
        raise UsageError(
            f"«{slug}» er ikke et gyldig teamnavn. Bruk mappenavnet under teams/, "
            "med små bokstaver, tall og bindestrek (for eksempel «aure-hemne»)."
        )
    if windows_problem(slug):
        raise UsageError(
            f"«{slug}» er et navn Windows reserverer for en enhet, og kan ikke være et "
            "teamnavn: piloten kunne ikke hentes ned på en Windows-maskin. Velg et annet, for "
            f"eksempel «{slug}-kommune»."
        )
    return slug

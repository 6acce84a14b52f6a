"""Which document a Word file is: from jv's mark in its properties, its header fields and
its title, unless the command line says."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobbvinner_cli.errors import Hint, UsageError
from jobbvinner_cli.pipeline.repo import PilotRepo
from jobbvinner_cli.word.render import KEYWORD_PREFIX

_NR = re.compile(r"(\d{1,2})")


@dataclass(frozen=True)
class Identity:
    type_name: str
    nr: int | None
    team: str | None


def from_keywords(keywords: str) -> tuple[str | None, int | None, str | None]:
    for word in keywords.replace(",", " ").split():
        if word.startswith(KEYWORD_PREFIX):
            kind, _, rest = word[len(KEYWORD_PREFIX) :].partition(":")
            nr, _, team = rest.partition(":")
            return kind or None, int(nr) if nr.isdigit() else None, team or None
    return None, None, None


def from_title(repo: PilotRepo, title: str) -> tuple[str | None, int | None]:
    """«Statusrapport 2 – Frøya» -> (statusrapport, 2)."""
    lowered = title.casefold().strip()
    best: tuple[str | None, int | None] = (None, None)
    longest = 0
    for name, doctype in repo.doctypes.items():
        label = doctype.title.casefold()
        if lowered.startswith(label) and len(label) > longest:
            number = _NR.match(lowered[len(label) :].strip())
            best = (name, int(number.group(1)) if number and doctype.numbered else None)
            longest = len(label)
    return best


def team_for(repo: PilotRepo, kommune: str) -> str | None:
    wanted = " ".join(kommune.split()).casefold()
    if not wanted:
        return None
    for slug in repo.team_slugs():
        try:
            if repo.team(slug).kommune.casefold() == wanted:
                return slug
        except Exception:
            continue
    return wanted if wanted in repo.team_slugs() else None


def resolve(
    repo: PilotRepo,
    *,
    given: Identity,
    keywords: str,
    title: str,
    kommune: str,
    display: str,
) -> Identity:
    k_type, k_nr, k_team = from_keywords(keywords)
    t_type, t_nr = from_title(repo, title)
    type_name = given.type_name or k_type or t_type
    if not type_name:
        raise UsageError(
            f"Ser ikke hvilken dokumenttype {display} er (tittelen «{title}» sier det ikke). "
            "Oppgi dokumenttypen (og nummer og team) på kommandolinjen; se «jv import --help»."
        )
    doctype = repo.doctype(type_name)
    found_nr = k_nr if k_type == type_name else (t_nr if t_type == type_name else None)
    nr = given.nr if given.nr is not None else found_nr
    if doctype.numbered and nr is None:
        raise UsageError(
            f"{doctype.title} har nummer; Word-filen sier ikke hvilket.", hint=Hint.NAME_NR
        )
    if not doctype.numbered:
        nr = None
    team = given.team or k_team or team_for(repo, kommune)
    if doctype.scope == "pilot":
        team = None
    elif team is None:
        raise UsageError(
            f"Ser ikke hvilket team {display} er fra (feltet «Deltakende team» er tomt eller "
            "ukjent).",
            hint=Hint.NAME_TEAM,
        )
    for what, a, b in (("type", given.type_name, k_type or t_type), ("nummer", given.nr, found_nr),
                       ("team", given.team, k_team or team_for(repo, kommune))):  # fmt: skip
        if a not in (None, "") and b is not None and str(a) != str(b):
            raise UsageError(
                f"Word-filen {display} sier {what} «{b}», men kommandoen sier «{a}». Sjekk at "
                "det er riktig fil."
            )
    return Identity(type_name, nr, team)

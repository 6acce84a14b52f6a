"""`jv kursbevis`: one course certificate per participant, and one PDF of them all.

As the Orkdal steering group decided, every participant gets a certificate; for one who
attended fewer than half of the gatherings held, it names the gatherings attended.
A member with no attendance recorded gets none, and is named, so no one gets a
certificate by mistake.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.dates import format_date, format_span
from jobbvinner_cli.model.gatheringdata import GatheringData
from jobbvinner_cli.model.pilot import Gathering, GatheringStatus, Pilot

WORK = (
    "Arbeidet har bestått i å kartlegge behovet for sykepleiere og helsefagarbeidere i "
    "kommunen, lage en hovedplan med effektmål og tiltak, gjennomføre tiltakene mellom "
    "samlingene med fremdriftsplaner og statusrapporter, og dele erfaringer med de andre "
    "kommunene på samlingene, med faglige innlegg og gruppearbeid."
)


@dataclass(frozen=True)
class Participant:
    slug: str
    name: str
    kommune: str
    attended: list[int]


@dataclass
class Certificates:
    people: list[Participant]
    without_attendance: list[tuple[str, str]]  # (team slug, name)


def held(pilot: Pilot) -> list[Gathering]:
    return [g for g in pilot.samlinger if g.status is not GatheringStatus.CANCELLED]


def participants(ctx: CheckContext, data: GatheringData, team: str | None) -> Certificates:
    people: list[Participant] = []
    missing: list[tuple[str, str]] = []
    for slug, info in sorted(ctx.teams.items()):
        if info.team is None or (team is not None and slug != team):
            continue
        for member in info.team.medlemmer:
            attended = data.attended(slug, member.navn)
            if attended:
                people.append(Participant(slug, member.navn, info.team.kommune, attended))
            else:
                missing.append((slug, member.navn))
    return Certificates(people, missing)


def _when(g: Gathering) -> str:
    return format_span(g.dato, g.til) if g.dato is not None else "dato ikke fastsatt"


def _period(pilot: Pilot) -> str:
    days = [g.dato for g in held(pilot) if g.dato is not None]
    start = pilot.periode.fra or (min(days) if days else None)
    end = pilot.periode.til or (max(days) if days else None)
    if start is None or end is None:
        return ""
    return f"fra {format_date(start)} til {format_date(end)}"


def certificate_data(pilot: Pilot, people: list[Participant], today: dt.date) -> str:
    """The JSON the Typst template reads (sys.inputs.data)."""
    gatherings = held(pilot)
    period = _period(pilot)
    rows = []
    for person in people:
        intro = (
            f"{person.name} har deltatt i utviklingsverkstedet «{pilot.navn}»"
            + (f" {period}" if period else "")
            + f", i kommuneteamet for {person.kommune} i KS' program Jobbvinner for å "
            "rekruttere og beholde sykepleiere og helsefagarbeidere."
        )
        attended_line = None
        if 2 * len(person.attended) < len(gatherings):
            names = [f"{nr}. samling ({_when(pilot.gathering(nr))})" for nr in person.attended]
            attended_line = f"{person.name} deltok på {_join(names)}."
        rows.append(
            {
                "name": person.name,
                "kommune": person.kommune,
                "intro": intro,
                "attended": attended_line,
            }
        )
    place = next((g.sted.split(",")[-1].strip() for g in reversed(gatherings) if g.sted), "")
    data = {
        "program": "KS Jobbvinner",
        "pilot": pilot.navn,
        "leader": pilot.prosjektleder.navn,
        "work": WORK,
        "place_date": f"{place + ', ' if place else ''}{format_date(today)}",
        "gatherings": [
            {"nr": str(g.nr), "date": _when(g), "theme": g.tema or ""} for g in gatherings
        ],
        "people": rows,
    }
    return json.dumps(data, ensure_ascii=False)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


def render(data: str, workdir: Path) -> bytes:
    """The certificates as one PDF (Typst, its own fonts only)."""
    import typst

    template = workdir / "kursbevis.typ"
    template.write_bytes(resources.files(__package__).joinpath("kursbevis.typ").read_bytes())
    pdf = typst.compile(
        str(template),
        root=str(workdir),
        format="pdf",
        sys_inputs={"data": data},
        ignore_system_fonts=True,
    )
    assert isinstance(pdf, bytes)
    return pdf

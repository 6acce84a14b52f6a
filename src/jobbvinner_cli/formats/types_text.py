"""`jv types`: the gatherings as they go, and each type's documents with period and due date."""

from __future__ import annotations

from jobbvinner_cli.dates import format_date, pages_text
from jobbvinner_cli.model import gatherings
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.pilot import Gathering, GatheringStatus, Pilot
from jobbvinner_cli.model.schedule import (
    ScheduleError,
    exemption,
    missing_reason,
    planned_numbers,
    slot,
)
from jobbvinner_cli.model.team import Team

Line = tuple[str, str]  # text, Rich style ("" for none)

_STATUS = {
    GatheringStatus.PLANNED: "planlagt",
    GatheringStatus.HELD: "gjennomført",
    GatheringStatus.DIGITAL: "digital",
}


def _when(gathering: Gathering) -> str:
    if gathering.dato is None:
        return "dato ikke fastsatt"
    if gathering.til and gathering.til != gathering.dato:
        return f"{format_date(gathering.dato)} – {format_date(gathering.til)}"
    return format_date(gathering.dato)


def gathering_lines(pilot: Pilot) -> list[Line]:
    lines: list[Line] = [("Samlinger", "bold")]
    for nr in range(1, gatherings.count(pilot) + 1):
        planned = pilot.gathering(nr)
        place = (
            f", {planned.vertskommune or planned.sted}"
            if planned.vertskommune or planned.sted
            else ""
        )
        if planned.cancelled:
            lines.append((f"    {nr}. samling: {gatherings.replaced_text(pilot, nr)}", ""))
            continue
        lines.append(
            (f"    {nr}. samling: {_when(planned)}{place} ({_STATUS[planned.status]})", "")
        )
    spans = ", ".join(f"{a}.–{b}." for a, b in gatherings.periods(pilot))
    lines.append((f"    Perioder: {spans or 'ingen ennå'}", ""))
    return lines


def _document_line(doctype: DocumentType, pilot: Pilot, nr: int | None, team: Team | None) -> str:
    title = doctype.display_title(nr)
    try:
        where = slot(doctype, pilot, nr, team)
    except ScheduleError as exc:
        reason = missing_reason(doctype, pilot, nr) if nr is not None else None
        return f"{title}: ikke i planen: {reason}" if reason else f"{title}: {exc}"
    span = (
        f"{where.gathering_from}.–{where.gathering_to}. samling"
        if where.gathering_from != where.gathering_to
        else f"{where.gathering_from}. samling"
    )
    if where.due is None:
        due = f"frist ikke fastsatt (samling {where.anchor} har ingen dato ennå)"
    else:
        due = f"frist {format_date(where.due)}"
        if where.due_source == "team":
            due += " (teamets egen frist)"
        elif where.due_source == "pilot":
            due += " (frister.unntak)"
    text = f"{title}: {span}, {due}"
    excuse = exemption(pilot, team, where.doc_id)
    if excuse is not None:
        who = "" if team is not None else " for alle team"
        text += f"; fritatt{who}" + (f": {excuse}" if excuse else "")
    elif team is not None and team.withdrawn_before(where.due) and team.trukket is not None:
        text += f"; skyldes ikke (teamet trakk seg {format_date(team.trukket.dato)})"
    return text


def team_lines(slug: str, team: Team) -> list[Line]:
    lines: list[Line] = [(f"Team: {team.kommune} (teams/{slug})", "bold")]
    if team.withdrawn and team.trukket is not None:
        why = f": {team.trukket.grunn}" if team.trukket.grunn else ""
        lines.append((f"    Trakk seg {format_date(team.trukket.dato)}{why}.", ""))
    for doc_id, day in team.frister.items():
        lines.append((f"    Egen frist: {doc_id} {format_date(day)}", ""))
    for doc_id, reason in team.fritak.items():
        lines.append((f"    Fritatt: {doc_id}" + (f" ({reason})" if reason else ""), ""))
    return lines


def types_lines(
    pilot: Pilot,
    doctypes: dict[str, DocumentType],
    team: Team | None = None,
    slug: str = "",
) -> list[Line]:
    """Every line of `jv types` (with ``team``: that team's own deadlines)."""
    lines = gathering_lines(pilot) if pilot.samlinger else []
    if team is not None:
        lines += team_lines(slug, team)
    for name, doctype in doctypes.items():
        if team is not None and doctype.scope != "team":
            continue
        variant = doctype.variant_name(pilot.variant_for(name))
        pages = f"maks {pages_text(doctype.max_pages)}" if doctype.max_pages else "ingen sidegrense"
        lines.append((f"{name} – {doctype.title} ({variant}, {pages})", "bold"))
        wanted: list[int | None] = (
            list(planned_numbers(doctype, pilot)) if doctype.numbered else [None]
        )
        for number in wanted:
            lines.append((f"    {_document_line(doctype, pilot, number, team)}", ""))
        if team is None:
            for heading in doctype.headings(variant):
                lines.append((f"    ## {heading}", ""))
    return lines

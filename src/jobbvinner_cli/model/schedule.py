"""When a document is due and which period it covers, from the gatherings and the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobbvinner_cli.errors import Hint
from jobbvinner_cli.model.doctype import DeadlineRule, DocumentType
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.refs import resolve_ref
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.words import plural


class ScheduleError(ValueError):
    """The pilot's gatherings do not support this document (e.g. a number out of range).

    ``hint`` is the remedy, when it is to ask for the document differently.
    """

    def __init__(self, message: str, *, hint: Hint | None = None) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Slot:
    """One document a team (or the pilot) owes: type, number, period and due date."""

    doctype: DocumentType
    nr: int | None
    start: dt.date
    end: dt.date
    due: dt.date
    gathering_from: int
    gathering_to: int

    @property
    def doc_id(self) -> str:
        return self.doctype.doc_id(self.nr)


def _gathering_no(pilot: Pilot, ref: str, nr: int | None) -> int:
    count = len(pilot.samlinger)
    value = resolve_ref(ref, nr=nr, count=count)
    if not 1 <= value <= count:
        raise ScheduleError(
            f"regelen «{ref}» peker på samling {value}, men piloten har "
            f"{plural(count, 'samling', 'samlinger')}"
        )
    return value


def _date_of(pilot: Pilot, number: int) -> dt.date:
    day = pilot.gathering(number).dato
    if day is None:
        raise ScheduleError(
            f"samling {number} har ingen dato ennå; fyll inn «dato:» for samling {number} i pilot.yaml"
        )
    return day


def rule_for(doctype: DocumentType, pilot: Pilot) -> DeadlineRule:
    override = pilot.frister.regler.get(doctype.name)
    if override is not None:
        return DeadlineRule(override.samling, override.dager)
    return doctype.deadline


def numbers(doctype: DocumentType, pilot: Pilot) -> range:
    """The valid numbers of a numbered type: pilot.yaml «antall» or the type's rule."""
    if not doctype.numbered:
        return range(0)
    if doctype.name in pilot.antall:
        return range(1, max(pilot.antall[doctype.name], 0) + 1)
    return doctype.numbers(len(pilot.samlinger))


def check_number(doctype: DocumentType, pilot: Pilot, nr: int | None) -> None:
    count = len(pilot.samlinger)
    if not doctype.numbered:
        if nr is not None:
            raise ScheduleError(f"{doctype.title.lower()} har ikke nummer", hint=Hint.DROP_NR)
        return
    valid = numbers(doctype, pilot)
    if nr is None:
        raise ScheduleError(f"{doctype.title.lower()} trenger et nummer", hint=Hint.NAME_NR)
    if nr not in valid:
        if not valid:
            raise ScheduleError(
                f"piloten har {plural(count, 'samling', 'samlinger')}, og det gir ingen {doctype.title.lower()}er"
            )
        raise ScheduleError(
            f"{doctype.title} {nr} finnes ikke: med {plural(count, 'samling', 'samlinger')} går "
            f"{doctype.title.lower()}ene fra 1 til {valid[-1]}"
        )


def slot(doctype: DocumentType, pilot: Pilot, nr: int | None, team: Team | None = None) -> Slot:
    if not pilot.samlinger:
        raise ScheduleError(
            "pilot.yaml har ingen samlinger; frister og perioder kan ikke regnes ut"
        )
    check_number(doctype, pilot, nr)
    g_from = _gathering_no(pilot, doctype.period_from, nr)
    g_to = _gathering_no(pilot, doctype.period_to, nr)
    start = _date_of(pilot, g_from)
    end = _date_of(pilot, g_to)
    doc_id = doctype.doc_id(nr)
    due: dt.date
    if team is not None and doc_id in team.frister:
        due = team.frister[doc_id]
    elif doc_id in pilot.frister.unntak:
        due = pilot.frister.unntak[doc_id]
    else:
        rule = rule_for(doctype, pilot)
        anchor_no = _gathering_no(pilot, rule.gathering, nr)
        anchor = pilot.gathering(anchor_no)
        base = (anchor.end if rule.days >= 0 else anchor.dato) or _date_of(pilot, anchor_no)
        due = base + dt.timedelta(days=rule.days)
    return Slot(doctype, nr, start, end, due, g_from, g_to)


def slots_for_team(
    doctypes: list[DocumentType], pilot: Pilot, team: Team | None = None
) -> list[Slot]:
    """Every document of the team scope, in due order; owed or not (see ``Team.owes``)."""
    result: list[Slot] = []
    for doctype in doctypes:
        if doctype.scope != "team":
            continue
        wanted: list[int | None] = list(numbers(doctype, pilot)) if doctype.numbered else [None]
        for nr in wanted:
            try:
                result.append(slot(doctype, pilot, nr, team))
            except ScheduleError:
                continue
    result.sort(key=lambda s: (s.due, s.doctype.name, s.nr or 0))
    return result


def hours_period(doctype: DocumentType, pilot: Pilot, nr: int | None) -> int | None:
    """The period (1-based, gathering N to N+1) whose hours this document reports."""
    if doctype.hours_period is None or not pilot.samlinger:
        return None
    return resolve_ref(doctype.hours_period, nr=nr, count=len(pilot.samlinger))

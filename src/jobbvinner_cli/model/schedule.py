"""When a document is due and which period it covers, from the gatherings and the rules.

Gatherings are counted as planned (model/gatherings.py says which one takes
place at each place): a document whose period would start at a cancelled
gathering that nobody replaced does not exist, and a period ends at the next
gathering that takes place. A due date the rules put on a weekend or public
holiday moves to the workday before (pilot.yaml «frister.fridag»). A date that
is not known yet (a gathering without «dato») leaves the due date open: the
document stays in the schedule, «frist ikke fastsatt».
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from jobbvinner_cli.errors import Hint
from jobbvinner_cli.model import gatherings
from jobbvinner_cli.model.doctype import DeadlineRule, DocumentType
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.refs import resolve_ref
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.model.workdays import DayOff
from jobbvinner_cli.words import plural


class ScheduleError(ValueError):
    """The pilot's gatherings do not support this document (e.g. a number out of range).

    ``hint`` is the remedy, when it is to ask for the document differently.
    """

    def __init__(self, message: str, *, hint: Hint | None = None) -> None:
        super().__init__(message)
        self.hint = hint


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class Slot(NamedTuple):
    """One document a team (or the pilot) owes: type, number, period and due date.

    ``start``, ``end`` and ``due`` are None while a gathering they count from has no date.
    """

    doctype: DocumentType
    nr: int | None
    start: dt.date | None
    end: dt.date | None
    due: dt.date | None
    gathering_from: int
    gathering_to: int
    # where the due date comes from: «regel», «pilot» (frister.unntak) or «team»
    due_source: str = "regel"
    # the gathering the rule counts the due date from (None: the date is set by hand)
    anchor: int | None = None

    @property
    def doc_id(self) -> str:
        return self.doctype.doc_id(self.nr)

    def sort_key(self, order: dict[str, int]) -> tuple[dt.date, int, int, int]:
        """Due order; undated documents last, in the order of their gatherings."""
        if self.due is not None:
            return (self.due, 0, order.get(self.doctype.name, 0), self.nr or 0)
        return (dt.date.max, self.gathering_from, order.get(self.doctype.name, 0), self.nr or 0)


_DAY_OFF = DayOff()


def _place(pilot: Pilot, ref: str, nr: int | None) -> int:
    total = gatherings.count(pilot)
    value = resolve_ref(ref, nr=nr, count=total)
    if not 1 <= value <= total:
        raise ScheduleError(
            f"regelen «{ref}» peker på samling {value}, men piloten har "
            f"{plural(total, 'samling', 'samlinger')}"
        )
    return value


def rule_for(doctype: DocumentType, pilot: Pilot) -> DeadlineRule:
    """pilot.yaml's rule for the type, else the rule of the pilot's variant of the type."""
    override = pilot.frister.regler.get(doctype.name)
    if override is not None:
        return DeadlineRule(override.samling, override.dager)
    return doctype.deadline_for(pilot.variant_for(doctype.name))


def _period(doctype: DocumentType, pilot: Pilot, nr: int | None) -> tuple[int, int] | None:
    """The places the document's period runs between; None when it would start at a
    cancelled gathering nobody replaced (or nothing takes place after it)."""
    start = gatherings.held(pilot, _place(pilot, doctype.period_from, nr))
    if start is None:
        return None
    wanted_end = _place(pilot, doctype.period_to, nr)
    if wanted_end > start.nr:
        end = gatherings.held_from(pilot, wanted_end)
        return (start.nr, end.nr) if end is not None else None
    end = gatherings.held_before(pilot, wanted_end)
    return (start.nr, end.nr) if end is not None else None


def _replaced(doctype: DocumentType, pilot: Pilot, nr: int | None) -> bool:
    """A document replaced at the last gathering (the statusrapport by the sluttrapport)."""
    if doctype.replaced_at_last is None or doctype.name in pilot.antall:
        return False
    period = _period(doctype, pilot, nr)
    last = gatherings.last_held(pilot)
    return period is not None and last is not None and period[1] == last.nr


def planned_numbers(doctype: DocumentType, pilot: Pilot) -> range:
    """The numbers the plan can have: pilot.yaml «antall», else the type's rule."""
    if not doctype.numbered:
        return range(0)
    if doctype.name in pilot.antall:
        return range(1, max(pilot.antall[doctype.name], 0) + 1)
    return doctype.numbers(gatherings.count(pilot))


def numbers(doctype: DocumentType, pilot: Pilot) -> list[int]:
    """The numbers of a numbered type the pilot expects, as the gatherings really go."""
    result: list[int] = []
    for nr in planned_numbers(doctype, pilot):
        try:
            if _period(doctype, pilot, nr) is not None and not _replaced(doctype, pilot, nr):
                result.append(nr)
        except ValueError:  # a rule pointing outside the gatherings: not a document
            continue
    return result


def missing_reason(doctype: DocumentType, pilot: Pilot, nr: int) -> str | None:
    """Why a planned number is not expected (a cancelled gathering, replaced at the end)."""
    try:
        if _period(doctype, pilot, nr) is None:
            place = _place(pilot, doctype.period_from, nr)
            return (
                f"{doctype.title} {nr} skulle gjelde fra samling {place}, men samling {place} "
                "er avlyst"
            )
    except ValueError:
        return None
    if _replaced(doctype, pilot, nr):
        return (
            f"{doctype.title} {nr} skulle dekke perioden frem til siste samling, og der "
            f"erstattes den av {doctype.replaced_at_last}"
        )
    return None


def check_number(doctype: DocumentType, pilot: Pilot, nr: int | None) -> None:
    total = gatherings.count(pilot)
    if not doctype.numbered:
        if nr is not None:
            raise ScheduleError(f"{doctype.title.lower()} har ikke nummer", hint=Hint.DROP_NR)
        return
    if nr is None:
        raise ScheduleError(f"{doctype.title.lower()} trenger et nummer", hint=Hint.NAME_NR)
    valid = numbers(doctype, pilot)
    if nr in valid:
        return
    if nr in planned_numbers(doctype, pilot):
        reason = missing_reason(doctype, pilot, nr)
        if reason is not None:
            raise ScheduleError(reason)
    if not valid:
        raise ScheduleError(
            f"piloten har {plural(total, 'samling', 'samlinger')}, og det gir ingen "
            f"{doctype.title.lower()}er"
        )
    listed = ", ".join(str(n) for n in valid)
    raise ScheduleError(
        f"{doctype.title} {nr} finnes ikke: med {plural(total, 'samling', 'samlinger')} er "
        f"{doctype.title.lower()}ene nummer {listed}"
    )


def _rule_due(
    doctype: DocumentType, pilot: Pilot, nr: int | None
) -> tuple[dt.date | None, int | None]:
    """The due date by the rule (None while its gathering has no date), and that gathering."""
    rule = rule_for(doctype, pilot)
    wanted = _place(pilot, rule.gathering, nr)
    # Before a gathering: the next one that takes place; after one: the last that did.
    if rule.days < 0:
        anchor = gatherings.held_from(pilot, wanted) or gatherings.held_before(pilot, wanted)
        base = anchor.start if anchor is not None else None
    else:
        anchor = gatherings.held_before(pilot, wanted) or gatherings.held_from(pilot, wanted)
        base = anchor.end if anchor is not None else None
    place = anchor.nr if anchor is not None else None
    if base is None:
        return None, place
    return _DAY_OFF.moved(base + dt.timedelta(days=rule.days), pilot.frister.fridag), place


def slot(doctype: DocumentType, pilot: Pilot, nr: int | None, team: Team | None = None) -> Slot:
    if not pilot.samlinger:
        raise ScheduleError(
            "pilot.yaml har ingen samlinger; frister og perioder kan ikke regnes ut"
        )
    check_number(doctype, pilot, nr)
    period = _period(doctype, pilot, nr)
    if period is None:  # pragma: no cover - check_number refuses these
        raise ScheduleError(f"{doctype.display_title(nr)} har ingen periode")
    g_from, g_to = period
    start = pilot.held(g_from)
    end = pilot.held(g_to)
    doc_id = doctype.doc_id(nr)
    due: dt.date | None
    anchor: int | None = None
    if team is not None and doc_id in team.frister:
        due, source = team.frister[doc_id], "team"
    elif doc_id in pilot.frister.unntak:
        due, source = pilot.frister.unntak[doc_id], "pilot"
    else:
        (due, anchor), source = _rule_due(doctype, pilot, nr), "regel"
    return Slot(
        doctype,
        nr,
        start.dato if start else None,
        end.end if end else None,
        due,
        g_from,
        g_to,
        source,
        anchor,
    )


def wanted_numbers(doctype: DocumentType, pilot: Pilot) -> list[int | None]:
    """Each document of the type the pilot expects: its numbers, or [None] when unnumbered."""
    return list(numbers(doctype, pilot)) if doctype.numbered else [None]


def slots_for_team(
    doctypes: list[DocumentType], pilot: Pilot, team: Team | None = None
) -> list[Slot]:
    """Every document of the team scope, in due order; owed or not (see ``Team.owes``)."""
    result: list[Slot] = []
    order = {t.name: i for i, t in enumerate(doctypes)}
    for doctype in doctypes:
        if doctype.scope != "team":
            continue
        for nr in wanted_numbers(doctype, pilot):
            try:
                result.append(slot(doctype, pilot, nr, team))
            except ValueError:
                continue
    result.sort(key=lambda s: s.sort_key(order))
    return result


def exemption(pilot: Pilot, team: Team | None, doc_id: str) -> str | None:
    """Why the document is excused (pilot-wide or for the team), or None; «» when no reason
    is given."""
    if team is not None and doc_id in team.fritak:
        return team.fritak[doc_id]
    if doc_id in pilot.frister.fritak:
        return pilot.frister.fritak[doc_id]
    return None


def hours_period(doctype: DocumentType, pilot: Pilot, nr: int | None) -> int | None:
    """The period (1-based, gathering N to N+1) whose hours this document reports."""
    if doctype.hours_period is None or not pilot.samlinger:
        return None
    place = resolve_ref(doctype.hours_period, nr=nr, count=gatherings.count(pilot))
    # a period starting at a cancelled gathering is part of the one before it
    found = gatherings.held_before(pilot, min(place, gatherings.count(pilot)))
    return found.nr if found is not None else None

"""`jv calendar`: the gatherings and deadlines as an iCalendar file (RFC 5545).

Every event has a UID that depends only on what it is (gathering 3, statusrapport 2 of a
team), never on its date, so a calendar imported again updates its events instead of
duplicating them. SEQUENCE and DTSTAMP are carried over from the previous file: an event
that did not change keeps both, one that changed gets the next SEQUENCE. Without a previous
file every event starts at SEQUENCE 0.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.check.deadlines import Entry
from jobbvinner_cli.dates import format_date_or_open
from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.model.delivery import State
from jobbvinner_cli.model.pilot import EVENT_LABELS, Gathering, GatheringStatus, Pilot
from jobbvinner_cli.slugs import slug_for

PRODID = "-//KS Jobbvinner//jv//NO"
OSLO = "Europe/Oslo"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: [start, end] inclusive."""

    uid: str
    summary: str
    start: dt.date
    end: dt.date
    description: str = ""
    location: str = ""
    cancelled: bool = False
    categories: tuple[str, ...] = ()
    start_time: dt.time | None = None  # Oslo time; None: an all-day event
    end_time: dt.time | None = None

    def fingerprint(self) -> str:
        """What decides whether the event changed (the SEQUENCE goes up when it does)."""
        text = "\x1f".join(
            [
                self.summary,
                self.start.isoformat(),
                self.end.isoformat(),
                self.description,
                self.location,
                str(self.cancelled),
                ",".join(self.categories),
                str(self.start_time),
                str(self.end_time),
            ]
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Calendar:
    name: str
    events: list[CalendarEvent]
    undated: list[Gathering]  # gatherings with no date: not in the calendar, said aloud


def _domain(pilot: Pilot) -> str:
    try:
        name = slug_for(pilot.navn)
    except UsageError:
        name = "pilot"
    return f"{name}.jobbvinner.ks.no"


def gathering_event(pilot: Pilot, gathering: Gathering) -> CalendarEvent | None:
    if gathering.dato is None:
        return None
    cancelled = gathering.status is GatheringStatus.CANCELLED
    title = f"{gathering.nr}. samling"
    if gathering.status is GatheringStatus.DIGITAL:
        title += " (digital)"
    if gathering.tema:
        title += f": {gathering.tema}"
    if cancelled:
        title = f"AVLYST: {title}"
    lines = [pilot.navn]
    if gathering.vertskommune:
        lines.append(f"Vertskommune: {gathering.vertskommune}")
    if gathering.tema:
        lines.append(f"Tema: {gathering.tema}")
    if gathering.innledere:
        lines.append("Innledere: " + "; ".join(gathering.innledere))
    if cancelled:
        lines.append("Samlingen er avlyst.")
    return CalendarEvent(
        # the replacement of a cancelled gathering is an event of its own
        uid=f"samling-{gathering.nr}{'-erstatning' if gathering.erstatter else ''}@{_domain(pilot)}",
        summary=title,
        start=gathering.dato,
        end=gathering.end or gathering.dato,
        description="\n".join(lines),
        location=gathering.sted,
        cancelled=cancelled,
        categories=("Samling",),
        start_time=gathering.fra_kl,
        end_time=gathering.til_kl,
    )


def event_events(pilot: Pilot) -> list[CalendarEvent]:
    """The pilot's events (workshops, steering group meetings, milestones, presentations).

    Their UID is their place in pilot.yaml's list with their kind: a date moved keeps the
    event, and one added at the end changes no other."""
    found: list[CalendarEvent] = []
    counts: dict[str, int] = {}
    for event in pilot.hendelser:
        kind = event.type.value
        counts[kind] = counts.get(kind, 0) + 1
        title = EVENT_LABELS[event.type] + (f": {event.tittel}" if event.tittel else "")
        lines = [pilot.navn]
        if event.kommune:
            lines.append(f"Kommune: {event.kommune}")
        if event.deltakere is not None:
            lines.append(f"Deltakere: {event.deltakere}")
        if event.beskrivelse:
            lines.append(event.beskrivelse)
        found.append(
            CalendarEvent(
                uid=f"hendelse-{slug_text(kind)}-{counts[kind]}@{_domain(pilot)}",
                summary=title,
                start=event.dato,
                end=event.dato,
                description="\n".join(lines),
                location=event.sted,
                categories=(EVENT_LABELS[event.type],),
            )
        )
    return found


_ASCII = {ord("æ"): "ae", ord("ø"): "o", ord("å"): "a"}


def slug_text(text: str) -> str:
    return text.translate(_ASCII)


def _deadline_text(entry: Entry, pilot: Pilot) -> tuple[str, str]:
    slot = entry.slot
    title = slot.doctype.title + (f" {slot.nr}" if slot.nr is not None else "")
    period = f"Perioden {format_date_or_open(slot.start)} – {format_date_or_open(slot.end)}."
    if slot.start == slot.end:
        period = ""
    sent = f"Sendes til {pilot.recipient} innen {format_date_or_open(slot.due)}."
    return title, " ".join(p for p in (sent, period) if p)


def deadline_events(
    pilot: Pilot, ctx: CheckContext, entries: dict[str, list[Entry]], team: str | None
) -> list[CalendarEvent]:
    """Deadlines owed by the teams. For one team: its own. For the pilot: each deadline
    once with the teams it concerns; a team with a date of its own gets its own event."""
    domain = _domain(pilot)
    kommune = {slug: info.team.kommune for slug, info in ctx.teams.items() if info.team}
    groups: dict[tuple[str, dt.date], list[Entry]] = {}
    slugs_of: dict[tuple[str, dt.date], list[str]] = {}
    for slug in sorted(entries) if team is None else [team]:
        for entry in entries.get(slug, []):
            due = entry.slot.due
            if entry.state in (State.NOT_OWED, State.EXCUSED) or due is None:
                continue  # not owed, or no date yet: nothing to put in a calendar
            key = (entry.slot.doc_id, due)
            groups.setdefault(key, []).append(entry)
            slugs_of.setdefault(key, []).append(slug)
    events: list[CalendarEvent] = []
    pilot_wide = ctx.slots.get(None, {})
    for (doc_id, due), group in groups.items():
        title, text = _deadline_text(group[0], pilot)
        names = [kommune.get(s, s) for s in slugs_of[(doc_id, due)]]
        common = pilot_wide.get(doc_id)
        if team is not None:
            uid = f"frist-{doc_id}-{team}@{domain}"
            summary = f"Frist: {title} ({names[0]})"
        elif common is not None and common.due == due:
            uid = f"frist-{doc_id}@{domain}"
            summary = f"Frist: {title}"
            text += "\nGjelder: " + ", ".join(names) + "."
        else:  # teams with a deadline of their own
            uid = f"frist-{doc_id}-{'-'.join(slugs_of[(doc_id, due)])}@{domain}"
            summary = f"Frist: {title} ({', '.join(names)})"
            text += "\nGjelder: " + ", ".join(names) + " (egen frist)."
        events.append(CalendarEvent(uid, summary, due, due, text, categories=("Frist",)))
    return events


def build_calendar(
    ctx: CheckContext, entries: dict[str, list[Entry]], team: str | None = None
) -> Calendar:
    pilot = ctx.pilot
    assert pilot is not None  # the caller refuses a pilot whose pilot.yaml cannot be read
    events: list[CalendarEvent] = []
    undated: list[Gathering] = []
    for gathering in pilot.samlinger:
        event = gathering_event(pilot, gathering)
        if event is None:
            if gathering.status is not GatheringStatus.CANCELLED:  # a cancelled one needs none
                undated.append(gathering)
        else:
            events.append(event)
    events.extend(event_events(pilot))
    events.extend(deadline_events(pilot, ctx, entries, team))
    events.sort(key=lambda e: (e.start, e.uid))
    name = pilot.navn
    if team is not None:
        info = ctx.teams.get(team)
        name += f" – {info.team.kommune if info and info.team else team}"
    return Calendar(name, events, undated)


@dataclass(frozen=True)
class Previous:
    sequence: int
    stamp: dt.datetime
    fingerprint: str


def previous_events(ics: bytes) -> dict[str, Previous]:
    """SEQUENCE, DTSTAMP and fingerprint of each event of an earlier file (unreadable: none)."""
    from icalendar import Calendar as ICalendar

    try:
        parsed = ICalendar.from_ical(ics)
    except ValueError:
        return {}
    result: dict[str, Previous] = {}
    for component in parsed.walk("VEVENT"):
        uid = str(component.get("UID", ""))
        stamp = component.get("DTSTAMP")
        if not uid or stamp is None:
            continue
        result[uid] = Previous(
            int(component.get("SEQUENCE", 0)),
            stamp.dt,
            str(component.get("X-JV-FINGERPRINT", "")),
        )
    return result


def to_ical(calendar: Calendar, now: dt.datetime, previous: dict[str, Previous]) -> bytes:
    from icalendar import Calendar as ICalendar
    from icalendar import Event

    cal = ICalendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar.name)
    cal.add("x-wr-timezone", OSLO)
    for item in calendar.events:
        event = Event()
        fingerprint = item.fingerprint()
        before = previous.get(item.uid)
        if before is not None and before.fingerprint == fingerprint:
            sequence, stamp = before.sequence, before.stamp
        else:
            sequence = before.sequence + 1 if before is not None else 0
            stamp = now
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", item.summary)
        start, end = _span(item)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("transp", "TRANSPARENT")
        if item.description:
            event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        if item.categories:
            event.add("categories", list(item.categories))
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        event.add("x-jv-fingerprint", fingerprint)
        cal.add_component(event)
    if any(item.start_time is not None for item in calendar.events):
        cal.add_missing_timezones()  # the VTIMEZONE of Europe/Oslo, for clients that need it
    return bytes(cal.to_ical())


def _span(item: CalendarEvent) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """DTSTART and DTEND: Oslo times where given, else all day (DTEND the day after the
    last day, RFC 5545 3.6.1)."""
    if item.start_time is None:
        return item.start, item.end + dt.timedelta(days=1)
    from zoneinfo import ZoneInfo

    oslo = ZoneInfo(OSLO)
    start = dt.datetime.combine(item.start, item.start_time, tzinfo=oslo)
    end_time = item.end_time or dt.time(16, 0)
    end = dt.datetime.combine(item.end, end_time, tzinfo=oslo)
    if end <= start:  # an end before the start is a slip: an hour's event, not a negative one
        end = start + dt.timedelta(hours=1)
    return start, end


def undated_notes(gatherings: Iterable[Gathering]) -> list[str]:
    return [
        f"Samling {g.nr} har ingen dato ennå og er ikke med i kalenderen; fyll inn «dato:» "
        f"for samling {g.nr} i pilot.yaml."
        for g in gatherings
    ]

"""Each team's documents against their deadlines: shared by `jv check` and `jv status`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.check.diagnostics import Sink
from jobbvinner_cli.check.document import DocFacts
from jobbvinner_cli.check.limits import DUE_SOON_DAYS
from jobbvinner_cli.dates import format_date
from jobbvinner_cli.model.schedule import Slot
from jobbvinner_cli.repo import TEAMS_DIR


class State(str, Enum):
    DELIVERED = "delivered"
    LATE = "late"
    MISSING = "missing"  # due, and no file
    OVERDUE = "overdue"  # due, the file is there but not delivered
    DRAFT = "draft"  # not due yet, being written
    NOT_DUE = "not_due"  # not due yet, not begun
    NOT_OWED = "not_owed"  # withdrawn before the deadline, or excused
    UNKNOWN = "unknown"  # the file's status cannot be read

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS = {
    State.DELIVERED: "levert",
    State.LATE: "levert for sent",
    State.MISSING: "mangler (forfalt)",
    State.OVERDUE: "ikke levert (forfalt)",
    State.DRAFT: "utkast",
    State.NOT_DUE: "ikke forfalt",
    State.NOT_OWED: "ikke påkrevd",
    State.UNKNOWN: "ukjent (feil i filen)",
}


@dataclass
class Entry:
    slot: Slot
    path: str
    state: State
    facts: DocFacts | None
    delivered_on: dt.date | None = None

    @property
    def days_late(self) -> int | None:
        if self.state is State.LATE and self.delivered_on is not None:
            return (self.delivered_on - self.slot.due).days
        return None


def team_entries(
    ctx: CheckContext,
    slug: str,
    facts: dict[str, DocFacts],
    delivered_on: Callable[[DocFacts], dt.date | None],
) -> list[Entry]:
    """The team's documents in due order, each with its state on ``ctx.today``."""
    info = ctx.teams.get(slug)
    team = info.team if info is not None else None
    if team is None:
        return []
    slots = ctx.slots.get(slug) or {
        doc_id: s for doc_id, s in ctx.slots.get(None, {}).items() if s.doctype.scope == "team"
    }
    today = ctx.today
    entries: list[Entry] = []
    order = {name: i for i, name in enumerate(ctx.doctypes)}
    for where in sorted(slots.values(), key=lambda s: (s.due, order[s.doctype.name], s.nr or 0)):
        doc = facts.get(where.doc_id)
        path = (
            doc.task.rel
            if doc is not None
            else f"{TEAMS_DIR}/{slug}/{where.doctype.filename(where.nr)}"
        )
        if not team.owes(where.doc_id, where.due):
            entries.append(Entry(where, path, State.NOT_OWED, doc))
            continue
        if doc is None:
            state = State.MISSING if where.due <= today else State.NOT_DUE
            entries.append(Entry(where, path, state, None))
            continue
        if not doc.status_known:
            entries.append(Entry(where, path, State.UNKNOWN, doc))
            continue
        when = delivered_on(doc) if doc.delivered else None
        if doc.delivered and (when is None or when <= today):
            late = when is not None and when > where.due
            entries.append(Entry(where, path, State.LATE if late else State.DELIVERED, doc, when))
            continue
        # not delivered, or delivered after ``today`` (seen as of an earlier date)
        state = State.OVERDUE if where.due <= today else State.DRAFT
        entries.append(Entry(where, path, state, doc))
    return entries


def _when(due: dt.date, today: dt.date) -> str:
    days = (today - due).days
    if days == 0:
        return "fristen er i dag"
    if days == 1:
        return f"fristen var i går, {format_date(due)}"
    return f"fristen var {format_date(due)}, for {days} dager siden"


def report_deadlines(ctx: CheckContext, slug: str, entries: list[Entry], sink: Sink) -> None:
    today = ctx.today
    for entry in entries:
        where = entry.slot
        title = where.doctype.display_title(where.nr)
        sink.document = where.doctype.name
        if entry.state is State.MISSING:
            nr = f" --nr {where.nr}" if where.nr is not None else ""
            sink.add(
                "JV301",
                None,
                f"{title} mangler: {_when(where.due, today)}. Lag den med «jv scaffold "
                f"{where.doctype.name} --team {slug}{nr}», skriv den og lever den.",
                path=entry.path,
            )
        elif entry.state is State.OVERDUE:
            assert entry.facts is not None
            sink.add(
                "JV302",
                entry.facts.status_line,
                f"{title} er ikke levert: {_when(where.due, today)}. Er den levert, skriv "
                "«status: levert» og «levert: ÅÅÅÅ-MM-DD».",
                path=entry.path,
            )
        elif entry.state is State.LATE:
            assert entry.facts is not None and entry.delivered_on is not None
            days = (entry.delivered_on - where.due).days
            source = "" if entry.facts.levert is not None else " (datoen er fra git-historikken)"
            sink.add(
                "JV303",
                entry.facts.levert_line,
                f"{title} ble levert {format_date(entry.delivered_on)}{source}, "
                f"{days} {'dag' if days == 1 else 'dager'} etter fristen {format_date(where.due)}.",
                path=entry.path,
            )
        elif entry.state in (State.DRAFT, State.NOT_DUE):
            days = (where.due - today).days
            if days <= DUE_SOON_DAYS:
                line = entry.facts.status_line if entry.facts is not None else None
                sink.add(
                    "JV304",
                    line,
                    f"{title} har frist {format_date(where.due)}, om {days} "
                    f"{'dag' if days == 1 else 'dager'}"
                    + (" (ikke påbegynt)." if entry.state is State.NOT_DUE else "."),
                    path=entry.path,
                )
        if (
            entry.state is State.DELIVERED
            and entry.delivered_on is None
            and entry.facts is not None
            and not entry.facts.levert_invalid
        ):
            sink.add(
                "JV305",
                entry.facts.levert_line,
                f"{title} har status levert, men ingen leveringsdato, og git-historikken sier "
                "ikke når den ble levert. Skriv «levert: ÅÅÅÅ-MM-DD», så jv kan se om fristen "
                "ble holdt.",
                path=entry.path,
            )
    sink.document = None

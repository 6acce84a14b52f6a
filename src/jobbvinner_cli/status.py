"""`jv status`: the project leader's overview of every team's documents, deadlines and hours.

The states come from the same reading of the documents and the same deadline
rules as `jv check` (check/deadlines.py), so the two never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.check.deadlines import Entry
from jobbvinner_cli.check.engine import CheckOptions, CheckResult, run_check
from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.model import gatherings
from jobbvinner_cli.model.delivery import State
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.pilot import Event, Pilot
from jobbvinner_cli.model.register import Measure
from jobbvinner_cli.model.schedule import Slot
from jobbvinner_cli.pipeline.hours import team_hours


@dataclass
class Column:
    doc_id: str
    doctype: DocumentType
    nr: int | None
    due: dt.date | None  # the pilot-wide due date (None: not fixed yet); a team may have its own
    short: str
    excused: str | None = None  # pilot.yaml frister.fritak: no team owes it, and why


@dataclass
class Row:
    slug: str
    kommune: str
    withdrawn: dt.date | None
    readable: bool
    cells: dict[str, Entry] = field(default_factory=dict)
    next_due: Entry | None = None
    hours: dict[int, float] = field(default_factory=dict)
    members: int = 0
    attendance: dict[int, int] = field(default_factory=dict)  # gathering -> members present

    @property
    def status(self) -> str:
        return "trukket" if self.withdrawn else "aktiv"


@dataclass
class StatusTable:
    today: dt.date
    columns: list[Column]
    rows: list[Row]
    periods: list[tuple[int, int]]  # (from gathering, to gathering), as they took place
    attendance_recorded: list[int] = field(default_factory=list)  # gatherings with a list
    by_measures: bool = False  # a pilot run by a plan of goals and measures
    measures: list[Measure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def abbreviations(names: list[str]) -> dict[str, str]:
    """The shortest prefix of each type name that no other type name shares: H, F, St, Sl."""
    result: dict[str, str] = {}
    for name in names:
        others = [n for n in names if n != name]
        size = 1
        while size < len(name) and any(o.startswith(name[:size]) for o in others):
            size += 1
        result[name] = name[:size].capitalize()
    return result


def checked_pilot(
    pilot: Path | None, today: dt.date, *, keep_documents: bool = False
) -> tuple[CheckResult, CheckContext]:
    """The check of the pilot on ``today``; refused (exit 2) when pilot.yaml cannot be read."""
    report = run_check(CheckOptions(pilot=pilot, today=today, keep_documents=keep_documents))
    ctx = report.ctx
    if report.fatal or ctx is None:
        problems = "; ".join(
            f"{d.path}:{d.line}: {d.message}" if d.line else f"{d.path}: {d.message}"
            for d in report.diagnostics
        )
        raise UsageError(f"pilot.yaml kan ikke leses: {problems}")
    return report, ctx


def build_status(pilot: Path | None, today: dt.date) -> StatusTable:
    report, ctx = checked_pilot(pilot, today)
    type_order = {name: i for i, name in enumerate(ctx.doctypes)}
    team_slots = sorted(
        (s for s in ctx.slots.get(None, {}).values() if s.doctype.scope == "team"),
        key=lambda s: s.sort_key(type_order),
    )
    short = abbreviations(list(ctx.doctypes))
    pilot_model = ctx.pilot
    columns = [_column(s, short, pilot_model) for s in team_slots]
    periods = gatherings.periods(pilot_model) if pilot_model is not None else []
    rows: list[Row] = []
    for slug in sorted(ctx.teams):
        info = ctx.teams[slug]
        team = info.team
        withdrawn = (
            team.trukket.dato if team is not None and team.withdrawn and team.trukket else None
        )
        row = Row(slug, team.kommune if team else slug, withdrawn, team is not None)
        for entry in report.entries.get(slug, []):
            row.cells[entry.slot.doc_id] = entry
            if (
                row.next_due is None
                and entry.state in (State.DRAFT, State.NOT_DUE)
                and entry.slot.due is not None
                and entry.slot.due > today
            ):
                row.next_due = entry
        if pilot_model is not None:
            row.hours = team_hours(pilot_model, ctx.doctypes, report.facts.get(slug, {}), today)
        row.members = len(team.medlemmer) if team is not None else 0
        for nr, people in report.gatherings.attendance.items():
            row.attendance[nr] = sum(1 for p in people if p.slug == slug)
        rows.append(row)
    recorded = sorted(report.gatherings.attendance)
    table = StatusTable(today, columns, rows, periods, recorded)
    if pilot_model is not None:
        table.by_measures = pilot_model.by_measures
        table.events = sorted(pilot_model.hendelser, key=lambda e: e.dato)
    if report.register is not None:
        table.measures = list(report.register.tiltak)
    return table


def _column(where: Slot, short: dict[str, str], pilot: Pilot | None) -> Column:
    name = short[where.doctype.name] + (str(where.nr) if where.nr is not None else "")
    excused = pilot.frister.fritak.get(where.doc_id) if pilot is not None else None
    return Column(where.doc_id, where.doctype, where.nr, where.due, name, excused)

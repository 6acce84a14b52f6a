"""`jv status`: the project leader's overview of every team's documents, deadlines and hours.

The states come from the same reading of the documents and the same deadline
rules as `jv check` (check/deadlines.py), so the two never disagree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobbvinner_cli.check.deadlines import Entry, State
from jobbvinner_cli.check.engine import CheckOptions, run_check
from jobbvinner_cli.dates import format_short
from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.schedule import Slot, hours_period

SYMBOLS = {
    State.DELIVERED: ("✓", "green"),
    State.LATE: ("✓!", "yellow"),
    State.MISSING: ("✗", "bold red"),
    State.OVERDUE: ("u!", "bold red"),
    State.DRAFT: ("u", "cyan"),
    State.NOT_DUE: ("·", "dim"),
    State.NOT_OWED: ("–", "dim"),
    State.UNKNOWN: ("?", "magenta"),
}


@dataclass
class Column:
    doc_id: str
    doctype: DocumentType
    nr: int | None
    due: dt.date  # the pilot-wide due date; a team may have its own
    short: str


@dataclass
class Row:
    slug: str
    kommune: str
    withdrawn: dt.date | None
    readable: bool
    cells: dict[str, Entry] = field(default_factory=dict)
    next_due: Entry | None = None
    hours: dict[int, float] = field(default_factory=dict)

    @property
    def status(self) -> str:
        return "trukket" if self.withdrawn else "aktiv"


@dataclass
class StatusTable:
    today: dt.date
    columns: list[Column]
    rows: list[Row]
    periods: int


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


def build_status(pilot: Path | None, today: dt.date) -> StatusTable:
    report = run_check(CheckOptions(pilot=pilot, today=today))
    ctx = report.ctx
    if report.fatal or ctx is None:
        problems = "; ".join(
            f"{d.path}:{d.line}: {d.message}" if d.line else f"{d.path}: {d.message}"
            for d in report.diagnostics
        )
        raise UsageError(f"pilot.yaml kan ikke leses: {problems}")
    type_order = {name: i for i, name in enumerate(ctx.doctypes)}
    team_slots = sorted(
        (s for s in ctx.slots.get(None, {}).values() if s.doctype.scope == "team"),
        key=lambda s: (s.due, type_order[s.doctype.name], s.nr or 0),
    )
    short = abbreviations(list(ctx.doctypes))
    columns = [_column(s, short) for s in team_slots]
    pilot_model = ctx.pilot
    periods = max(len(pilot_model.samlinger) - 1, 0) if pilot_model is not None else 0
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
                and entry.slot.due > today
            ):
                row.next_due = entry
        if pilot_model is not None:
            for facts in report.facts.get(slug, {}).values():
                doctype = ctx.doctypes.get(facts.task.type_name)
                reported = facts.delivered and (facts.levert is None or facts.levert <= today)
                if doctype is None or facts.timer is None or not reported:
                    continue
                period = hours_period(doctype, pilot_model, facts.task.nr)
                if period is not None:
                    row.hours[period] = row.hours.get(period, 0) + facts.timer
        rows.append(row)
    return StatusTable(today, columns, rows, periods)


def _column(where: Slot, short: dict[str, str]) -> Column:
    name = short[where.doctype.name] + (str(where.nr) if where.nr is not None else "")
    return Column(where.doc_id, where.doctype, where.nr, where.due, name)


def _hours(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _cell_label(row: Row, column: Column) -> str:
    entry = row.cells.get(column.doc_id)
    if entry is None:
        return "ukjent (team.yaml kan ikke leses)" if not row.readable else ""
    label = entry.state.label
    if entry.state is State.LATE and entry.days_late is not None:
        label += f" ({entry.days_late} d)"
    return label


def _next(row: Row) -> str:
    if row.next_due is None:
        return ""
    return f"{row.next_due.slot.doc_id} {row.next_due.slot.due.isoformat()}"


def as_json(table: StatusTable) -> dict[str, Any]:
    return {
        "today": table.today.isoformat(),
        "documents": [
            {"document": c.doc_id, "type": c.doctype.name, "nr": c.nr, "due": c.due.isoformat()}
            for c in table.columns
        ],
        "teams": [
            {
                "team": row.slug,
                "kommune": row.kommune,
                "status": row.status,
                "withdrawn": row.withdrawn.isoformat() if row.withdrawn else None,
                "documents": [
                    {
                        "document": e.slot.doc_id,
                        "path": e.path,
                        "due": e.slot.due.isoformat(),
                        "state": e.state.value,
                        "label": e.state.label,
                        "delivered": e.delivered_on.isoformat() if e.delivered_on else None,
                        "days_late": e.days_late,
                    }
                    for e in row.cells.values()
                ],
                "next_deadline": (
                    {
                        "document": row.next_due.slot.doc_id,
                        "due": row.next_due.slot.due.isoformat(),
                    }
                    if row.next_due
                    else None
                ),
                "hours": {str(p): row.hours[p] for p in sorted(row.hours)},
            }
            for row in table.rows
        ],
    }


def _flat_rows(table: StatusTable) -> tuple[list[str], list[list[str]]]:
    header = ["team", "kommune", "status", *(c.doc_id for c in table.columns), "neste frist"]
    header += [f"timer periode {p}" for p in range(1, table.periods + 1)]
    rows = []
    for row in table.rows:
        values = [row.slug, row.kommune, row.status]
        values += [_cell_label(row, c) for c in table.columns]
        values.append(_next(row))
        values += [_hours(row.hours.get(p)) for p in range(1, table.periods + 1)]
        rows.append(values)
    return header, rows


def as_csv(table: StatusTable) -> str:
    header, rows = _flat_rows(table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def as_markdown(table: StatusTable) -> str:
    header, rows = _flat_rows(table)

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [
        f"Status per {table.today.isoformat()}",
        "",
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(cell(v) for v in values) + " |" for values in rows]
    return "\n".join(lines) + "\n"


def render_text(table: StatusTable) -> None:
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    # a pipe or file gets the whole table; a terminal gets its own width
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
    if not table.rows:
        console.print("Piloten har ingen team ennå. Lag et med «jv new-team KOMMUNE».")
        return
    if not table.columns:
        console.print(
            "Ingen frister kan regnes ut ennå: fyll inn datoene for samlingene i pilot.yaml."
        )
    shorts = {c.doc_id: c.short for c in table.columns}
    grid = Table(
        title=f"Status per {format_short(table.today)}",
        title_justify="left",
        box=box.SIMPLE,
        pad_edge=False,
    )
    grid.add_column("Team", no_wrap=True, max_width=24)
    for column in table.columns:
        grid.add_column(column.short, justify="center", no_wrap=True, min_width=2)
    grid.add_column("Neste frist", no_wrap=True)
    for row in table.rows:
        name = row.kommune + (" (trukket)" if row.withdrawn else "")
        cells = []
        for column in table.columns:
            entry = row.cells.get(column.doc_id)
            if entry is None:
                cells.append("?" if not row.readable else "")
                continue
            symbol, style = SYMBOLS[entry.state]
            cells.append(f"[{style}]{symbol}[/]")
        upcoming = "–"
        if row.next_due is not None:
            where = row.next_due.slot
            upcoming = f"{shorts.get(where.doc_id, where.doc_id)} {format_short(where.due)}"
        grid.add_row(escape(name), *cells, upcoming)
    console.print(grid)
    legend = "  ".join(
        f"[{style}]{symbol}[/] {state.label}" for state, (symbol, style) in SYMBOLS.items()
    )
    console.print(legend)
    names = ", ".join(
        f"{short} = {doctype.title.lower()}"
        for short, doctype in {
            c.short.rstrip("0123456789"): c.doctype for c in table.columns
        }.items()
    )
    if names:
        console.print(f"Kolonner: {names} (med nummer).")
    withdrawn = [r for r in table.rows if r.withdrawn]
    for row in withdrawn:
        assert row.withdrawn is not None
        console.print(
            f"{escape(row.kommune)} trakk seg {format_short(row.withdrawn)} og skylder ingenting "
            "med frist etter det."
        )
    if table.periods:
        hours = Table(
            title="Timer per periode",
            caption="Fra statusrapportene og sluttrapporten som er levert.",
            caption_justify="left",
            title_justify="left",
            box=box.SIMPLE,
            pad_edge=False,
        )
        hours.add_column("Team", no_wrap=True)
        for period in range(1, table.periods + 1):
            hours.add_column(f"{period}.–{period + 1}.", justify="right")
        hours.add_column("Sum", justify="right")
        for row in table.rows:
            values = [_hours(row.hours.get(p)) or "–" for p in range(1, table.periods + 1)]
            hours.add_row(escape(row.kommune), *values, _hours(sum(row.hours.values())) or "–")
        console.print()
        console.print(hours)


def render_status(table: StatusTable, fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(as_json(table), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        sys.stdout.write(as_csv(table))
    elif fmt == "md":
        sys.stdout.write(as_markdown(table))
    else:
        render_text(table)

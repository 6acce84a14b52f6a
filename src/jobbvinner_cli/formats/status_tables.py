"""`jv status --format json|csv|md`: the status table for scripts and spreadsheets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import TYPE_CHECKING, Any

from jobbvinner_cli.formats.controls import printable
from jobbvinner_cli.model.delivery import State

if TYPE_CHECKING:
    from jobbvinner_cli.status import Column, Row, StatusTable


def hours_text(value: float | None, decimal: str = ".") -> str:
    """8.0 → «8», 7.5 → «7.5» (or «7,5»), nothing → «»."""
    if value is None:
        return ""
    text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace(".", decimal)


def cell_label(row: Row, column: Column) -> str:
    entry = row.cells.get(column.doc_id)
    if entry is None:
        return "ukjent (team.yaml kan ikke leses)" if not row.readable else ""
    label = entry.state.label
    if entry.state is State.LATE and entry.days_late is not None:
        label += f" ({entry.days_late} d)"
    elif entry.state is State.EXCUSED and entry.excuse:
        label += f" ({entry.excuse})"
    elif entry.delivered_later is not None:
        label += f" (levert senere, {entry.delivered_later.isoformat()})"
    return label


def next_deadline(row: Row) -> str:
    if row.next_due is None:
        return ""
    return f"{row.next_due.slot.doc_id} {_iso(row.next_due.slot.due)}"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def as_json(table: StatusTable) -> dict[str, Any]:
    return {
        "measures": [
            {
                "id": m.id,
                "name": m.navn,
                "goals": m.mål,
                "status": m.status.value,
                "start": m.start.isoformat() if m.start else None,
                "results": len(m.resultater),
            }
            for m in table.measures
        ],
        "events": [
            {"date": e.dato.isoformat(), "type": e.type.value, "title": e.label}
            for e in table.events
        ],
        "today": table.today.isoformat(),
        "documents": [
            {"document": c.doc_id, "type": c.doctype.name, "nr": c.nr, "due": _iso(c.due)}
            for c in table.columns
        ],
        "teams": [
            {
                "team": row.slug,
                "kommune": row.kommune,
                "status": row.status,
                "withdrawn": row.withdrawn.isoformat() if row.withdrawn else None,
                "members": row.members,
                "attendance": {str(nr): n for nr, n in sorted(row.attendance.items())},
                "documents": [
                    {
                        "document": e.slot.doc_id,
                        "path": e.path,
                        "due": _iso(e.slot.due),
                        "state": e.state.value,
                        "label": e.state.label,
                        "delivered": e.delivered_on.isoformat() if e.delivered_on else None,
                        "days_late": e.days_late,
                        "excused": e.excuse,
                        "delivered_later": _iso(e.delivered_later),
                    }
                    for e in row.cells.values()
                ],
                "next_deadline": (
                    {
                        "document": row.next_due.slot.doc_id,
                        "due": _iso(row.next_due.slot.due),
                    }
                    if row.next_due
                    else None
                ),
                "hours": {str(p): row.hours[p] for p in sorted(row.hours)},
            }
            for row in table.rows
        ],
    }


def render_json(table: StatusTable) -> str:
    return json.dumps(as_json(table), ensure_ascii=False, indent=2)


def header_of(table: StatusTable) -> list[str]:
    header = ["team", "kommune", "status", *(c.doc_id for c in table.columns), "neste frist"]
    return header + [f"timer periode {a}" for a, _ in table.periods]


def _flat_rows(table: StatusTable, decimal: str = ".") -> tuple[list[str], list[list[str]]]:
    rows = []
    for row in table.rows:
        values = [row.slug, row.kommune, row.status]
        values += [cell_label(row, c) for c in table.columns]
        values.append(next_deadline(row))
        values += [hours_text(row.hours.get(a), decimal) for a, _ in table.periods]
        rows.append(values)
    return header_of(table), rows


def measure_table(table: StatusTable) -> tuple[list[str], list[list[object]]]:
    """The measures of a pilot run by goals and measures, with the results known by today."""
    header = ["tiltak", "navn", "mål", "status", "startet", "slutt", "resultater"]
    header.append("siste resultat")
    rows: list[list[object]] = []
    for m in table.measures:
        known = [r for r in m.resultater if r.dato is None or r.dato <= table.today]
        dated = [r.dato for r in known if r.dato is not None]
        last = max(dated) if dated else None
        rows.append([m.id, m.navn, ", ".join(m.mål), m.status.label, m.start, m.slutt])
        rows[-1] += [len(known), last]
    return header, rows


def event_table(table: StatusTable) -> tuple[list[str], list[list[object]]]:
    rows: list[list[object]] = [[e.dato, e.type.value, e.label] for e in table.events]
    return ["dato", "type", "hendelse"], rows


def _text(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


BOM = "\ufeff"


def as_csv(table: StatusTable, sep: str = ";") -> str:
    """CSV as Excel reads it: with a BOM so it sees UTF-8 (æøå), and where the separator is
    the semicolon of Norwegian Excel, a decimal comma in the hours."""
    header, rows = _flat_rows(table, "," if sep == ";" else ".")
    if table.by_measures:  # its teams owe no documents: the measures are its status
        measures, values = measure_table(table)
        header, rows = measures, [[_text(v) for v in row] for row in values]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[printable(v) if isinstance(v, str) else v for v in row] for row in rows])
    return BOM + buffer.getvalue()


def as_markdown(table: StatusTable) -> str:
    header, rows = _flat_rows(table)

    def cell(text: str) -> str:
        return printable(text).replace("|", "\\|")

    lines = [
        f"Status per {table.today.isoformat()}",
        "",
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(cell(v) for v in values) + " |" for values in rows]
    return "\n".join(lines) + "\n"

"""`jv status --format json|csv|md`: the status table for scripts and spreadsheets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import TYPE_CHECKING, Any

from jobbvinner_cli.model.delivery import State

if TYPE_CHECKING:
    from jobbvinner_cli.status import Column, Row, StatusTable


def hours_text(value: float | None) -> str:
    """8.0 → «8», 7.5 → «7.5», nothing → «»."""
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
    elif entry.state is State.EXCUSED and entry.excuse:
        label += f" ({entry.excuse})"
    elif entry.delivered_later is not None:
        label += f" (levert senere, {entry.delivered_later.isoformat()})"
    return label


def _next(row: Row) -> str:
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


def _flat_rows(table: StatusTable) -> tuple[list[str], list[list[str]]]:
    header = ["team", "kommune", "status", *(c.doc_id for c in table.columns), "neste frist"]
    header += [f"timer periode {a}" for a, _ in table.periods]
    rows = []
    for row in table.rows:
        values = [row.slug, row.kommune, row.status]
        values += [_cell_label(row, c) for c in table.columns]
        values.append(_next(row))
        values += [hours_text(row.hours.get(a)) for a, _ in table.periods]
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

"""`jv status --format xlsx`: the status table as an Excel workbook.

A sheet «Status»: a row per team, a column per document with its state (coloured
as in the terminal), the next deadline and the hours per period as numbers, with the
header row and the team column frozen and a filter on the header. openpyxl is imported
here only: it takes a tenth of a second, which no other command should pay.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from jobbvinner_cli.formats.status_tables import (
    cell_label,
    event_table,
    header_of,
    measure_table,
    next_deadline,
)
from jobbvinner_cli.model.delivery import State

if TYPE_CHECKING:
    from jobbvinner_cli.status import StatusTable

# fill colours by state: green delivered, amber late or a draft, red overdue, grey not owed
FILLS = {
    State.DELIVERED: "C6EFCE",
    State.LATE: "FFEB9C",
    State.MISSING: "FFC7CE",
    State.OVERDUE: "FFC7CE",
    State.DRAFT: "FFF2CC",
    State.NOT_DUE: "FFFFFF",
    State.NOT_OWED: "EDEDED",
    State.UNKNOWN: "FFC7CE",
}
HEADER_FILL = "1F4E78"


def as_xlsx(table: StatusTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "Status"
    sheet.append(header_of(table))
    first_doc = 4  # team, kommune, status, then the documents
    for row in table.rows:
        values: list[object] = [row.slug, row.kommune, row.status]
        values += [cell_label(row, c) for c in table.columns]
        values.append(next_deadline(row))
        values += [row.hours.get(a) for a, _ in table.periods]
        sheet.append(values)
        line = sheet.max_row
        for offset, column in enumerate(table.columns):
            entry = row.cells.get(column.doc_id)
            if entry is not None:
                fill = PatternFill("solid", fgColor=FILLS[entry.state])
                sheet.cell(line, first_doc + offset).fill = fill
    _finish(sheet)
    # a pilot run by goals and measures: its measures first, then its events
    if table.measures:
        header, rows = measure_table(table)
        _add_sheet(book, "Tiltak", header, rows, index=0 if table.by_measures else None)
    if table.events:
        header, rows = event_table(table)
        _add_sheet(book, "Hendelser", header, rows)
    book.active = 0
    book.properties.title = f"Status per {table.today.isoformat()}"
    book.properties.creator = "jv"
    book.properties.language = "nb-NO"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _add_sheet(
    book: Any, title: str, header: list[str], rows: list[list[object]], index: int | None = None
) -> None:
    sheet = book.create_sheet(title, index)
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    _finish(sheet)


def _finish(sheet: Any) -> None:
    """The header styled and frozen with the first column, a filter, widths, and printing:
    landscape, every column on one page's width, the header row on every page."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.auto_filter.ref = sheet.dimensions
    for index, column in enumerate(sheet.iter_cols(), 1):
        longest = max(len(str(c.value)) for c in column if c.value is not None)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 8), 40)
        for cell in column[1:]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD.MM.YYYY"

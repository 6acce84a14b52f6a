"""Norwegian wording of dates («4. juni 2019»), month names and spans, and page counts."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip


def format_date(day: dt.date) -> str:
    """«4. juni 2019», as Norwegian reports write dates."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def format_date_or_open(day: dt.date | None) -> str:
    """«4. juni 2019», or «ikke fastsatt» for a date not known yet."""
    return format_date(day) if day is not None else "ikke fastsatt"


def format_short(day: dt.date) -> str:
    """«04.06.2019», as the seeds' deadlines are written."""
    return day.strftime("%d.%m.%Y")


def month_columns(start: dt.date, end: dt.date, min_days: int = 7) -> list[tuple[int, int]]:
    """(year, month) for each month in which the period start..end has at least ``min_days`` days.

    A plan made on 27 February for a period ending 14 June gets the columns
    March to June: the last two days of February are not worth a column, the
    first two weeks of June are.
    """
    months: list[tuple[int, int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        first = dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        days = (min(last, end) - max(first, start)).days + 1
        if days >= min_days:
            months.append((year, month))
        year, month = nxt.year, nxt.month
    if not months and start <= end:
        months.append((start.year, start.month))
    return months


def month_name(month: int, *, capital: bool = False) -> str:
    name = MONTHS[month - 1]
    return name.capitalize() if capital else name


def pages_text(pages: int) -> str:
    """«1 side», «3 sider»."""
    return f"{pages} {'side' if pages == 1 else 'sider'}"


def format_span(start: dt.date, end: dt.date | None) -> str:
    """«10. november 2017», «13.–14. november 2018», «30. mai – 1. juni 2018»."""
    if end is None or end == start:
        return format_date(start)
    if (end.year, end.month) == (start.year, start.month):
        return f"{start.day}.–{format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"

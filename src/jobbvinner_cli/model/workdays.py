"""Weekends and Norwegian public holidays: due dates move off them, and check warns of them."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
from pathlib import Path
from typing import Any

from jobbvinner_cli.dates import format_date

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


@functools.cache
def _norway() -> Any:
    """The holidays package's ``Norway``, without importing every other country.

    ``import holidays.countries.norway`` first runs holidays/countries/__init__.py, which
    imports the modules of some 250 countries (about 0.08 s, a tenth of a large check).
    The Norwegian module needs only the package's base modules, so it is loaded from its
    file; if that ever fails (a new layout of the package), the normal import is used.
    """
    try:
        import holidays

        path = Path(holidays.__file__).with_name("countries") / "norway.py"
        spec = importlib.util.spec_from_file_location("_jv_holidays_norway", path)
        if spec is None or spec.loader is None:
            raise ImportError(path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.Norway
    except Exception:
        from holidays.countries.norway import Norway

        return Norway


@functools.cache
def _year(year: int) -> dict[dt.date, str]:
    return dict(_norway()(years=[year], language="no").items())


def holiday_names(years: list[int]) -> dict[dt.date, str]:
    """Norwegian public holidays in ``years``, named in Norwegian (the holidays package)."""
    names: dict[dt.date, str] = {}
    for year in years:
        names.update(_year(year))
    return names


class DayOff:
    """Weekends and Norwegian public holidays."""

    def __init__(
        self, names: dict[dt.date, str] | None = None, years: list[int] | None = None
    ) -> None:
        self._names = dict(names or {})
        self._years = set(years or [])

    def _load(self, year: int) -> None:
        if year not in self._years:
            self._years.add(year)
            self._names.update(holiday_names([year]))

    def why(self, day: dt.date) -> str | None:
        self._load(day.year)
        if day in self._names:
            return f"{WEEKDAYS[day.weekday()]} {format_date(day)} er en helligdag ({self._names[day].lower()})"
        if day.weekday() >= 5:
            return f"{format_date(day)} er en {WEEKDAYS[day.weekday()]}"
        return None

    def workday_before(self, day: dt.date) -> dt.date:
        for back in range(1, 15):
            candidate = day - dt.timedelta(days=back)
            self._load(candidate.year)
            if candidate.weekday() < 5 and candidate not in self._names:
                return candidate
        return day  # pragma: no cover - there is always a workday within two weeks

    def is_off(self, day: dt.date) -> bool:
        self._load(day.year)
        return day.weekday() >= 5 or day in self._names

    def workday_after(self, day: dt.date) -> dt.date:
        for ahead in range(1, 15):
            candidate = day + dt.timedelta(days=ahead)
            if not self.is_off(candidate):
                return candidate
        return day  # pragma: no cover - there is always a workday within two weeks

    def moved(self, day: dt.date, how: str) -> dt.date:
        """``day``, or the workday before («forrige») or after («neste») when it is a day off;
        «behold» keeps it."""
        if how == "behold" or not self.is_off(day):
            return day
        return self.workday_before(day) if how == "forrige" else self.workday_after(day)

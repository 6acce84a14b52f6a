"""Weekends and Norwegian public holidays: due dates move off them, and check warns of them."""

from __future__ import annotations

import datetime as dt
import functools

from jobbvinner_cli.dates import format_date

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def _easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * j) // 433
    month = (h + j - 7 * m + 90) // 25
    return dt.date(year, month, (h + j - 7 * m + 33 * month + 19) % 32)


@functools.cache
def _year(year: int) -> dict[dt.date, str]:
    """Norway's public holidays («helligdager»): computed here, without the holidays
    package, so that working out due dates imports nothing (a one-file check stays fast)."""
    easter = _easter(year)
    moving = {
        -3: "Skjærtorsdag",
        -2: "Langfredag",
        0: "Første påskedag",
        1: "Andre påskedag",
        39: "Kristi himmelfartsdag",
        49: "Første pinsedag",
        50: "Andre pinsedag",
    }
    days = {easter + dt.timedelta(days=n): name for n, name in moving.items()}
    days[dt.date(year, 1, 1)] = "Første nyttårsdag"
    days[dt.date(year, 5, 1)] = "Arbeidernes dag"
    days[dt.date(year, 5, 17)] = "Grunnlovsdag"
    days[dt.date(year, 12, 25)] = "Første juledag"
    days[dt.date(year, 12, 26)] = "Andre juledag"
    return days


def holiday_names(years: list[int]) -> dict[dt.date, str]:
    """Norwegian public holidays in ``years``, named in Norwegian."""
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

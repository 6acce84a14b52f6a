"""Dates written ÅÅÅÅ-MM-DD are not phone numbers, and need no phone-number look-up.

Nearly every plan has such dates; phonenumbers costs about 0.03 s to load, so the
personal-data check skips it for a body whose only runs of digits are such dates. That
is the same verdict only if phonenumbers finds no number in those dates: tested here.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pilotkit import Pilot

from jobbvinner_cli.check.personal import norwegian_numbers

HP = "teams/froya/hovedplan.md"


@pytest.mark.parametrize("century", [1900, 2000])
def test_phonenumbers_finds_no_number_in_a_date(century: int) -> None:
    dates = [
        dt.date(year, month, day).isoformat()
        for year in range(century, century + 100)
        for month in range(1, 13)
        for day in (1, 10, 20, 28)
    ]
    # one date a text, as the check shows phonenumbers a few characters around each
    assert [d for d in dates if norwegian_numbers(f"frist: {d}.")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Ring 912 34 567 innen 2018-06-04.",
        "2018-06-04: ring 91234567.",
        "Møte 2018-06-04 (tlf. 412 34 567).",
        # a five-digit number is no run of digits, but is seen beside the date
        "Frist 2018-06-04, 02800.",
    ],
)
def test_a_number_beside_a_date_is_still_found(pilot: Pilot, text: str) -> None:
    pilot.edit(HP, "## 4. Tiltak\n\n", f"## 4. Tiltak\n\n{text}\n\n")
    assert pilot.found() == {("JV502", HP, pilot.line_of(HP, text), "warning")}


def test_dates_alone_are_not_phone_numbers(pilot: Pilot) -> None:
    text = "Fra 2018-06-04 til 2018-11-14, og igjen 2019-02-27 – 2019-06-04."
    pilot.edit(HP, "## 4. Tiltak\n\n", f"## 4. Tiltak\n\n{text}\n\n")
    assert pilot.found() == set()


@pytest.mark.parametrize("written", ["21.09.2017", "31.05.2019", "22.05.2019", "21-09-2017"])
def test_a_date_written_day_first_is_not_a_phone_number(pilot: Pilot, written: str) -> None:
    # phonenumbers alone takes each of these for a valid Oslo or Trondheim number
    text = f"Samlingen {written} ble holdt i Orkanger."
    pilot.edit(HP, "## 4. Tiltak\n\n", f"## 4. Tiltak\n\n{text}\n\n")
    assert pilot.found() == set()


@pytest.mark.parametrize("written", ["21 09 20 17", "21.09.20.17", "32.09.2017"])
def test_a_number_shaped_like_no_date_is_still_a_phone_number(pilot: Pilot, written: str) -> None:
    text = f"Ring sentralbordet på {written}."
    pilot.edit(HP, "## 4. Tiltak\n\n", f"## 4. Tiltak\n\n{text}\n\n")
    assert pilot.found() == {("JV502", HP, pilot.line_of(HP, text), "warning")}

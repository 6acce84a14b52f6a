"""`jv status`: the hours a team reported, per period.

Documents reporting on the same period add up; a draft, and a document delivered after
--today, are not counted. In the clean pilot every report says «timer: 8»: statusrapport 1
and 2 report periods 1 and 2, the sluttrapport period 3 (`timer_for_periode: siste-1`).
Here Frøya also writes a statusrapport 3, which reports period 3 as well.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from pilotkit import Pilot, fill_body, fill_fields

from tests.clikit import excel_csv, jv

SR3 = "teams/froya/statusrapport-3.md"
DUE_SR3 = "2018-11-03"  # 10 days before gathering 4


def status(pilot: Pilot, today: str, fmt: str) -> str:
    result = jv("status", "--pilot", str(pilot.root), "--today", today, "--format", fmt)
    assert result.exit_code == 0, result.output
    return result.stdout


def hours(pilot: Pilot, today: str = "2018-12-31") -> dict[str, dict[str, Any]]:
    data = json.loads(status(pilot, today, "json"))
    return {team["team"]: team["hours"] for team in data["teams"]}


def write_sr3(
    pilot: Pilot, timer: str, status_: str = "levert", levert: str = "2018-11-02"
) -> None:
    """Frøya's statusrapport 3 (scaffolded by jv, then filled in as a team would)."""
    pilot.edit("pilot.yaml", "  statusrapport: 2", "  statusrapport: 3")
    result = jv(
        "scaffold", "statusrapport", "--team", "froya", "--nr", "3", "--pilot", str(pilot.root)
    )
    assert result.exit_code == 0, result.output
    text = fill_body(fill_fields(pilot.read(SR3), levert), "Frøya")
    text = re.sub(r"^timer:.*$", f"timer: {timer}", text, count=1, flags=re.M)
    text = re.sub(r"^status:.*$", f"status: {status_}", text, count=1, flags=re.M)
    pilot.write(SR3, text)


def test_one_document_per_period(pilot: Pilot) -> None:
    assert hours(pilot) == {team: {"1": 8, "2": 8, "3": 8} for team in ("froya", "hitra", "skaun")}


def test_documents_on_the_same_period_add_up(pilot: Pilot) -> None:
    write_sr3(pilot, "5")
    found = hours(pilot)
    assert found["froya"] == {"1": 8, "2": 8, "3": 13}
    assert found["hitra"] == found["skaun"] == {"1": 8, "2": 8, "3": 8}


def test_hours_may_be_fractions(pilot: Pilot) -> None:
    write_sr3(pilot, "2.5")
    assert hours(pilot)["froya"]["3"] == 10.5
    rows = {row["team"]: row for row in excel_csv(status(pilot, "2018-12-31", "csv"))}
    assert rows["froya"]["timer periode 3"] == "10,5"  # decimal comma, as Excel in Norwegian


def test_a_draft_is_not_counted(pilot: Pilot) -> None:
    write_sr3(pilot, "5", status_="utkast", levert="")
    assert hours(pilot)["froya"] == {"1": 8, "2": 8, "3": 8}


def test_a_draft_alone_leaves_its_period_empty(pilot: Pilot) -> None:
    pilot.edit("teams/froya/statusrapport-2.md", "status: levert", "status: utkast")
    assert hours(pilot)["froya"] == {"1": 8, "3": 8}


@pytest.mark.parametrize(
    ("today", "period_3"),
    [
        ("2018-11-01", None),  # neither statusrapport 3 nor the sluttrapport is delivered yet
        ("2018-11-02", 8),  # the sluttrapport is (delivered on its deadline, 2018-11-02)
        ("2018-11-09", 8),  # statusrapport 3 is delivered on 2018-11-10
        ("2018-11-10", 13),  # both are
    ],
)
def test_a_document_delivered_after_today_is_not_counted(
    pilot: Pilot, today: str, period_3: int | None
) -> None:
    write_sr3(pilot, "5", levert="2018-11-10")
    expected = {"1": 8, "2": 8} if period_3 is None else {"1": 8, "2": 8, "3": period_3}
    assert hours(pilot, today)["froya"] == expected


def test_every_format_shows_the_sums(pilot: Pilot) -> None:
    write_sr3(pilot, "5")
    rows = {row["team"]: row for row in excel_csv(status(pilot, "2018-12-31", "csv"))}
    assert [rows["froya"][f"timer periode {p}"] for p in (1, 2, 3)] == ["8", "8", "13"]
    markdown = status(pilot, "2018-12-31", "md")
    froya = next(line for line in markdown.splitlines() if line.startswith("| froya |"))
    assert froya.endswith("| 8 | 8 | 13 |")
    text = status(pilot, "2018-12-31", "text")
    hours_table = text[text.index("Timer per periode") :]
    froya_row = next(line for line in hours_table.splitlines() if "Frøya" in line)
    assert froya_row.split() == ["Frøya", "8", "8", "13", "29"]  # … and the sum

"""`jv status`: teams x documents with states, next deadline and hours, in four formats."""

from __future__ import annotations

import json
from typing import Any

from pilotkit import Pilot
from tests.clikit import excel_csv, run_jv


def status(pilot: Pilot, today: str, fmt: str = "json") -> tuple[int, str]:
    result = run_jv(["status", "--pilot", str(pilot.root), "--today", today, "--format", fmt])
    return result.exit_code, result.stdout


def states(pilot: Pilot, today: str) -> dict[str, dict[str, Any]]:
    code, out = status(pilot, today)
    assert code == 0
    data = json.loads(out)
    return {team["team"]: team for team in data["teams"]}


def test_everything_delivered(pilot: Pilot) -> None:
    teams = states(pilot, "2018-12-31")
    assert set(teams) == {"froya", "hitra", "skaun"}
    froya = teams["froya"]
    assert {d["state"] for d in froya["documents"]} == {"delivered"}
    assert [d["document"] for d in froya["documents"]] == [
        "hovedplan",
        "fremdriftsplan-1",
        "statusrapport-1",
        "fremdriftsplan-2",
        "statusrapport-2",
        "fremdriftsplan-3",
        "sluttrapport",
    ]
    assert froya["next_deadline"] is None
    assert froya["hours"] == {"1": 8.0, "2": 8.0, "3": 8.0}


def test_every_state(pilot: Pilot) -> None:
    team = "teams/hitra/team.yaml"
    pilot.edit(
        team, "status: aktiv", 'status: trukket\ntrukket: {dato: 2018-04-01, grunn: "Sammenslåing"}'
    )
    pilot.path("teams/froya/statusrapport-2.md").unlink()  # missing, due 2018-06-04
    pilot.edit(
        "teams/froya/fremdriftsplan-2.md", "levert: 2018-03-21", "levert: 2018-03-26"
    )  # late
    pilot.edit(
        "teams/skaun/statusrapport-2.md", "status: levert", "status: utkast"
    )  # overdue draft
    pilot.edit("teams/skaun/statusrapport-2.md", "levert: 2018-06-04", "levert:")
    teams = states(pilot, "2018-06-10")
    froya = {d["document"]: d for d in teams["froya"]["documents"]}
    skaun = {d["document"]: d for d in teams["skaun"]["documents"]}
    hitra = {d["document"]: d for d in teams["hitra"]["documents"]}
    assert froya["statusrapport-2"]["state"] == "missing"
    assert froya["fremdriftsplan-2"]["state"] == "late"
    assert froya["fremdriftsplan-2"]["days_late"] == 5
    # delivered later, on its due date: as it stood on 2018-06-10, not due yet (not a draft)
    assert froya["fremdriftsplan-3"]["state"] == "not_due"
    assert froya["fremdriftsplan-3"]["delivered_later"] == "2018-07-06"
    assert skaun["statusrapport-2"]["state"] == "overdue"
    assert hitra["statusrapport-2"]["state"] == "not_owed"
    assert hitra["fremdriftsplan-2"]["state"] == "delivered"  # due before the withdrawal
    assert teams["froya"]["next_deadline"] == {"document": "fremdriftsplan-3", "due": "2018-07-06"}
    assert teams["hitra"]["next_deadline"] is None
    assert teams["hitra"]["status"] == "trukket"
    assert teams["froya"]["hours"] == {"1": 8.0}  # statusrapport-2 is missing
    pilot.path("teams/froya/fremdriftsplan-3.md").unlink()
    froya = {d["document"]: d for d in states(pilot, "2018-06-10")["froya"]["documents"]}
    assert froya["fremdriftsplan-3"]["state"] == "not_due"
    assert froya["fremdriftsplan-3"]["delivered_later"] is None


def test_csv_and_markdown(pilot: Pilot) -> None:
    pilot.path("teams/froya/statusrapport-2.md").unlink()
    code, out = status(pilot, "2018-12-31", "csv")
    assert code == 0
    rows = excel_csv(out)
    froya = next(r for r in rows if r["team"] == "froya")
    assert froya["statusrapport-2"] == "mangler (forfalt)"
    assert froya["hovedplan"] == "levert"
    assert froya["timer periode 1"] == "8"
    code, md = status(pilot, "2018-12-31", "md")
    assert code == 0
    lines = md.splitlines()
    assert lines[0] == "Status per 2018-12-31"
    assert lines[2].startswith("| team | kommune | status | ")
    assert any(line.startswith("| froya | Frøya | aktiv |") for line in lines)


def test_text_table(pilot: Pilot) -> None:
    code, out = status(pilot, "2018-06-10", "text")
    assert code == 0
    assert "Status per 10.06.2018" in out
    assert "Frøya" in out and "Neste frist" in out and "F3 06.07.2018" in out
    assert "Timer per periode" in out


def test_bad_options(pilot: Pilot) -> None:
    assert status(pilot, "2018-06-10", "xml")[0] == 2
    assert status(pilot, "10.06.2018")[0] == 2

"""Deadlines against --today: missing, not delivered, late, due soon, withdrawn, overrides, git."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from pilotkit import Pilot

HP = "teams/froya/hovedplan.md"
SR2 = "teams/froya/statusrapport-2.md"  # due 2018-06-04 (ten days before gathering 3)
FP3 = "teams/froya/fremdriftsplan-3.md"  # due 2018-07-06 (22 days after gathering 3)


def test_missing_document_that_is_due(pilot: Pilot) -> None:
    pilot.path(SR2).unlink()
    _, diagnostics, _ = pilot.check()
    assert [
        (d["code"], d["path"], d["line"], d["severity"], d["document"]) for d in diagnostics
    ] == [("JV301", SR2, None, "error", "statusrapport")]
    assert "jv scaffold statusrapport --team froya --nr 2" in diagnostics[0]["message"]


def test_due_today_counts_as_due(pilot: Pilot) -> None:
    pilot.path(SR2).unlink()
    _, diagnostics, _ = pilot.check(today="2018-06-04")
    assert [(d["code"], d["path"]) for d in diagnostics] == [("JV301", SR2)]
    assert "fristen er i dag" in diagnostics[0]["message"]


def test_document_not_delivered(pilot: Pilot) -> None:
    pilot.edit(SR2, "status: levert", "status: utkast")
    pilot.edit(SR2, "levert: 2018-06-04", "levert:")
    assert pilot.found() == {("JV302", SR2, pilot.line_of(SR2, "status:"), "error")}


def test_late_delivery_says_how_late(pilot: Pilot) -> None:
    pilot.edit(SR2, "levert: 2018-06-04", "levert: 2018-06-11")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV303", pilot.line_of(SR2, "levert:"), "warning")
    ]
    assert "7 dager etter fristen" in diagnostics[0]["message"]


def test_due_within_two_weeks_is_info(pilot: Pilot) -> None:
    pilot.edit(FP3, "status: levert", "status: utkast")
    pilot.edit(FP3, "levert: 2018-07-06", "levert:")
    # seen from 2018-06-28, no team had delivered its fremdriftsplan 3 (due 2018-07-06) yet
    assert pilot.found(today="2018-06-28") == {
        (
            "JV304",
            f"teams/{team}/fremdriftsplan-3.md",
            pilot.line_of(f"teams/{team}/fremdriftsplan-3.md", "status:"),
            "info",
        )
        for team in ("froya", "hitra", "skaun")
    }
    assert pilot.found(today="2018-06-20") == set()


def test_not_yet_begun_and_due_soon(pilot: Pilot) -> None:
    pilot.path(FP3).unlink()
    assert pilot.found() == {("JV301", FP3, None, "error")}
    found = {d for d in pilot.found(today="2018-06-25") if d[1] == FP3}
    assert found == {("JV304", FP3, None, "info")}
    assert {d for d in pilot.found(today="2018-06-01") if d[1] == FP3} == set()


def test_delivered_without_a_date_outside_git(pilot: Pilot) -> None:
    pilot.edit(SR2, "levert: 2018-06-04", "levert:")
    assert pilot.found() == {("JV305", SR2, pilot.line_of(SR2, "levert:"), "warning")}


def test_delivery_date_that_contradicts_the_status(pilot: Pilot) -> None:
    pilot.edit(FP3, "status: levert", "status: utkast")
    assert pilot.found(today="2018-06-20") == {
        ("JV306", FP3, pilot.line_of(FP3, "levert:"), "warning")
    }


def test_delivery_date_in_the_future(pilot: Pilot) -> None:
    pilot.edit(SR2, "levert: 2018-06-04", "levert: 2099-06-04")
    found = pilot.found()
    assert ("JV306", SR2, pilot.line_of(SR2, "levert:"), "warning") in found


def test_looking_back_in_time_sees_later_deliveries_as_not_yet_delivered(pilot: Pilot) -> None:
    # on 2018-06-10 everything due so far is delivered; what is due later is simply not due
    assert pilot.found(today="2018-06-10") == set()


def test_withdrawn_team_owes_nothing_after_withdrawal(pilot: Pilot) -> None:
    team = "teams/froya/team.yaml"
    pilot.edit(
        team, "status: aktiv", 'status: trukket\ntrukket: {dato: 2018-04-01, grunn: "Sammenslåing"}'
    )
    for doc in ("statusrapport-2", "fremdriftsplan-3", "sluttrapport"):
        pilot.path(f"teams/froya/{doc}.md").unlink()
    assert pilot.found() == set()
    # what was due before the withdrawal is still owed
    pilot.path("teams/froya/fremdriftsplan-2.md").unlink()
    assert pilot.found() == {("JV301", "teams/froya/fremdriftsplan-2.md", None, "error")}


def test_team_deadline_override_is_honoured(pilot: Pilot) -> None:
    team = "teams/froya/team.yaml"
    pilot.edit(team, "frister: {}", "frister:\n  statusrapport-2: 2018-06-20")
    pilot.edit(SR2, "status: levert", "status: utkast")
    pilot.edit(SR2, "levert: 2018-06-04", "levert:")
    found = pilot.found(today="2018-06-10")
    # not overdue with the team's own deadline; its front matter still has the old one
    assert found == {
        ("JV304", SR2, pilot.line_of(SR2, "status:"), "info"),
        ("JV403", SR2, pilot.line_of(SR2, "frist:"), "warning"),
    }


def test_excused_document_is_not_owed(pilot: Pilot) -> None:
    team = "teams/froya/team.yaml"
    pilot.edit(team, "fritak: []", "fritak: [statusrapport-2]")
    pilot.path(SR2).unlink()
    assert pilot.found() == set()


def test_pilot_exception_for_one_document_is_honoured(pilot: Pilot) -> None:
    # statusrapport-1 would be due on Saturday 2018-02-17; pilot.yaml moves it to the 16th
    sr1 = "teams/froya/statusrapport-1.md"
    pilot.edit(sr1, "levert: 2018-02-16", "levert: 2018-02-17")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["path"]) for d in diagnostics] == [("JV303", sr1)]
    assert "16. februar 2018" in diagnostics[0]["message"]


def _git(root: object, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Kari",
        "GIT_AUTHOR_EMAIL": "kari@example.no",
        "GIT_COMMITTER_NAME": "Kari",
        "GIT_COMMITTER_EMAIL": "kari@example.no",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00"
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_delivery_date_from_git_history(pilot: Pilot) -> None:
    pilot.edit(SR2, "status: levert", "status: utkast")
    pilot.edit(SR2, "levert: 2018-06-04", "levert:")
    _git(pilot.root, "init", "-q")
    _git(pilot.root, "add", "-A")
    _git(pilot.root, "commit", "-q", "-m", "utkast", date="2018-05-20")
    pilot.edit(SR2, "status: utkast", "status: levert")
    _git(pilot.root, "commit", "-q", "-am", "levert", date="2018-06-09")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["path"], d["line"]) for d in diagnostics] == [
        ("JV303", SR2, pilot.line_of(SR2, "levert:"))
    ]
    assert "5 dager etter fristen" in diagnostics[0]["message"]
    assert "git-historikken" in diagnostics[0]["message"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_uncommitted_delivery_has_no_date(pilot: Pilot) -> None:
    pilot.edit(SR2, "levert: 2018-06-04", "levert:")
    _git(pilot.root, "init", "-q")
    assert pilot.found() == {("JV305", SR2, pilot.line_of(SR2, "levert:"), "warning")}

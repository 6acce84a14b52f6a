"""`jv check FILE...`: only those files are reported on, with what a full check says of them."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from pilotkit import Pilot
from tests.clikit import EXAMPLE, TODAY, copy_example, jv

HP = "teams/froya/hovedplan.md"
SR1 = "teams/froya/statusrapport-1.md"
TEAM = "teams/froya/team.yaml"


def _diagnostics(root: Path, *args: str, today: str = TODAY) -> list[dict[str, Any]]:
    result = jv("check", "--pilot", str(root), "--today", today, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["diagnostics"]  # type: ignore[no-any-return]


def _files(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.suffix in (".md", ".yaml")
    )


def test_each_team_file_of_the_example_as_in_a_full_check() -> None:
    full = _diagnostics(EXAMPLE)
    # pilot.yaml has no findings: the default due dates avoid weekends and holidays
    assert {d["path"].split("/")[0] for d in full} == {"teams"}
    files = [f for f in _files(EXAMPLE) if f.startswith("teams/")]
    files += ["pilot.yaml", "prosjektplan.md", "rapport/01-oppsummering.md"]
    files += ["oppmote/samling-1.csv", "evaluering/samling-1.csv"]
    for rel in files:
        alone = _diagnostics(EXAMPLE, str(EXAMPLE / rel))
        assert alone == [d for d in full if d["path"] == rel], rel


def test_a_broken_team_as_in_a_full_check(pilot: Pilot) -> None:
    pilot.edit(SR1, 'effektmål: "Alle', 'effektmål: "Flere lærlinger. Alle')
    pilot.edit(HP, "status: levert", "status: utkast")
    pilot.edit(TEAM, "referansegruppe: hitra", "referansegruppe: narvik")
    pilot.path("teams/froya/notater.txt").write_text("x", encoding="utf-8")
    full = _diagnostics(pilot.root, today="2018-12-31")
    paths = {d["path"] for d in full}
    assert {HP, SR1, TEAM, "teams/froya/notater.txt"} <= paths
    for rel in sorted(paths):
        assert _diagnostics(pilot.root, str(pilot.path(rel)), today="2018-12-31") == [
            d for d in full if d["path"] == rel
        ], rel
    folder = _diagnostics(pilot.root, str(pilot.path("teams/froya")), today="2018-12-31")
    assert folder == [d for d in full if d["path"].startswith("teams/froya/")]


def test_files_of_two_teams_and_the_summary_counts_them() -> None:
    files = [str(EXAMPLE / "teams/rennebu/hovedplan.md"), str(EXAMPLE / "teams/hitra/team.yaml")]
    result = jv("check", "--pilot", str(EXAMPLE), "--today", TODAY, "--format", "json", *files)
    data = json.loads(result.stdout)
    assert [(d["code"], d["path"]) for d in data["diagnostics"]] == [
        ("JV303", "teams/rennebu/hovedplan.md")
    ]
    assert data["summary"]["files"] == 2


def test_the_pilot_is_found_from_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    result = jv("check", "--today", TODAY, str(EXAMPLE / "teams/rennebu/hovedplan.md"))
    assert result.exit_code == 0
    assert "teams/rennebu/hovedplan.md\n    11  advarsel JV303" in result.stdout
    assert "i 1 fil." in result.stdout
    monkeypatch.chdir(EXAMPLE / "teams")
    result = jv(
        "check", "--today", TODAY, "--format", "json", os.path.join("rennebu", "hovedplan.md")
    )
    assert [d["path"] for d in json.loads(result.stdout)["diagnostics"]] == [
        "teams/rennebu/hovedplan.md"
    ]


def test_a_file_outside_the_pilot_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "notat.md"
    other.write_text("# Notat\n", encoding="utf-8")
    result = jv("check", "--pilot", str(EXAMPLE), str(other))
    assert result.exit_code == 2
    assert f"«{other}» ligger ikke i piloten" in result.output


def test_a_missing_file_is_refused() -> None:
    result = jv("check", "--pilot", str(EXAMPLE), str(EXAMPLE / "teams/froya/finnes-ikke.md"))
    assert result.exit_code == 2
    assert "Fant ikke «" in result.output
    assert "finnes-ikke.md»" in result.output


def test_an_attendance_file_as_in_a_full_check(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    attendance = pilot / "oppmote" / "samling-1.csv"
    attendance.write_text(
        attendance.read_text(encoding="utf-8") + "Ukjent Person;Atlantis\n", encoding="utf-8"
    )
    full = [d for d in _diagnostics(pilot) if d["path"] == "oppmote/samling-1.csv"]
    assert full, "an attendee from an unknown municipality is found"
    assert _diagnostics(pilot, str(attendance)) == full

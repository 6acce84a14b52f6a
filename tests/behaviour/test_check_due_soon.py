"""JV304: a document not yet delivered is flagged from 14 days before its deadline, not 15.

Frøya's fremdriftsplan 3 in the clean pilot is due 2018-07-06 (22 days after gathering 3).
"""

from __future__ import annotations

import datetime as dt

import pytest
from pilotkit import Pilot

FP3 = "teams/froya/fremdriftsplan-3.md"
DUE = dt.date(2018, 7, 6)


def before(days: int, due: dt.date = DUE) -> str:
    return (due - dt.timedelta(days=days)).isoformat()


def froya_fp3(pilot: Pilot, today: str) -> list[tuple[str, int | None, str, str]]:
    _, diagnostics, _ = pilot.check(today=today)
    return [
        (d["code"], d["line"], d["severity"], d["message"]) for d in diagnostics if d["path"] == FP3
    ]


@pytest.fixture
def draft(pilot: Pilot) -> Pilot:
    """Frøya's fremdriftsplan 3 as a draft: written, not delivered."""
    pilot.edit(FP3, "status: levert", "status: utkast")
    pilot.edit(FP3, "levert: 2018-07-06", "levert:")
    return pilot


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (15, []),
        (14, [("JV304", "info", "Fremdriftsplan 3 har frist 6. juli 2018, om 14 dager.")]),
        (2, [("JV304", "info", "Fremdriftsplan 3 har frist 6. juli 2018, om 2 dager.")]),
        (1, [("JV304", "info", "Fremdriftsplan 3 har frist 6. juli 2018, om 1 dag.")]),
    ],
)
def test_a_draft_is_due_soon_from_14_days_before(
    draft: Pilot, days: int, expected: list[tuple[str, str, str]]
) -> None:
    line = draft.line_of(FP3, "status:")
    found = froya_fp3(draft, before(days))
    assert found == [(code, line, severity, message) for code, severity, message in expected]


def test_on_the_deadline_a_draft_is_overdue_not_due_soon(draft: Pilot) -> None:
    found = froya_fp3(draft, before(0))
    assert [(code, severity) for code, _line, severity, _message in found] == [("JV302", "error")]
    assert "fristen er i dag" in found[0][3]


@pytest.mark.parametrize(("days", "count"), [(15, 0), (14, 1)])
def test_a_document_not_begun_is_due_soon_from_14_days_before(
    pilot: Pilot, days: int, count: int
) -> None:
    pilot.path(FP3).unlink()
    found = froya_fp3(pilot, before(days))
    assert (
        found
        == [
            (
                "JV304",
                None,
                "info",
                "Fremdriftsplan 3 har frist 6. juli 2018, om 14 dager (ikke påbegynt).",
            )
        ][:count]
    )


@pytest.mark.parametrize(("days", "count"), [(15, 0), (14, 1)])
def test_the_boundary_follows_the_teams_own_deadline(draft: Pilot, days: int, count: int) -> None:
    own = dt.date(2018, 7, 20)
    draft.edit("teams/froya/team.yaml", "frister: {}", f"frister:\n  fremdriftsplan-3: {own}")
    draft.edit(FP3, f"frist: {DUE}", f"frist: {own}")
    found = froya_fp3(draft, before(days, own))
    assert [(code, message) for code, _line, _severity, message in found] == [
        ("JV304", "Fremdriftsplan 3 har frist 20. juli 2018, om 14 dager.")
    ][:count]


def test_due_soon_is_information_and_does_not_fail_the_check(draft: Pilot) -> None:
    code, diagnostics, data = draft.check("--strict", today=before(14))
    assert {d["code"] for d in diagnostics} == {"JV304"}
    assert data["summary"]["infos"] == len(diagnostics) > 0
    assert code == 0

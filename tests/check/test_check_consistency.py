"""Consistency between documents, teams and the pilot; personal data in team documents."""

from __future__ import annotations

import pytest
from pilotkit import Pilot

HP = "teams/froya/hovedplan.md"
SR1 = "teams/froya/statusrapport-1.md"
TEAM = "teams/froya/team.yaml"


def test_effect_goal_changed_shows_both_texts(pilot: Pilot) -> None:
    pilot.edit(SR1, 'effektmål: "Alle', 'effektmål: "Flere lærlinger. Alle')
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV401", SR1, pilot.line_of(SR1, "effektmål:"), "warning")
    ]
    assert "Her: «Flere lærlinger. Alle" in diagnostics[0]["message"]
    assert "Hovedplanen: «Alle faste" in diagnostics[0]["message"]


def test_effect_goal_differing_only_in_case_and_full_stop_is_the_same(pilot: Pilot) -> None:
    pilot.edit(SR1, 'effektmål: "Alle', 'effektmål: "alle')
    pilot.edit(SR1, 'innen 2020"', 'innen 2020."')
    assert pilot.found() == set()


def test_period_must_match_the_gatherings(pilot: Pilot) -> None:
    pilot.edit(SR1, "til: 2018-02-27", "til: 2018-03-01")
    assert pilot.found() == {("JV402", SR1, pilot.line_of(SR1, "periode:"), "warning")}


def test_due_date_in_the_document_must_match_the_pilot(pilot: Pilot) -> None:
    pilot.edit(SR1, "frist: 2018-02-16", "frist: 2018-02-17")
    assert pilot.found() == {("JV403", SR1, pilot.line_of(SR1, "frist:"), "warning")}


def test_municipality_must_match_team_yaml(pilot: Pilot) -> None:
    pilot.edit(SR1, 'kommune: "Frøya"', 'kommune: "Hitra"')
    assert pilot.found() == {("JV404", SR1, pilot.line_of(SR1, "kommune:"), "warning")}


def test_reference_group_must_be_another_existing_team(pilot: Pilot) -> None:
    pilot.edit(TEAM, "referansegruppe: hitra", "referansegruppe: froya")
    pilot.edit("teams/hitra/team.yaml", "referansegruppe: skaun", "referansegruppe: skaunn")
    _, diagnostics, _ = pilot.check()
    assert {(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics} == {
        ("JV405", TEAM, pilot.line_of(TEAM, "referansegruppe:"), "warning"),
        ("JV405", "teams/hitra/team.yaml", pilot.line_of(TEAM, "referansegruppe:"), "warning"),
    }
    assert any("Mente du «skaun»?" in d["message"] for d in diagnostics)


def test_team_composition(pilot: Pilot) -> None:
    members = pilot.line_of(TEAM, "medlemmer:")
    pilot.edit(TEAM, "    leder: true\n", "")
    pilot.edit(TEAM, "    tillitsvalgt: true\n", "")
    pilot.edit(TEAM, 'gruppeleder: "Kari Nordmann"', 'gruppeleder: "Kari Nordman"')
    pilot.edit(TEAM, '  - navn: "Per Olsen"\n    rolle: helsefagarbeider\n', "")
    _, diagnostics, _ = pilot.check()
    assert sorted((d["code"], d["line"], d["severity"]) for d in diagnostics) == [
        ("JV406", 2, "warning"),  # the group leader is not among the members
        ("JV406", members, "warning"),  # 3 members
        ("JV406", members, "warning"),  # no leader
        ("JV406", members, "warning"),  # no union representative
    ]


def test_withdrawn_team_composition_is_not_checked(pilot: Pilot) -> None:
    pilot.edit(TEAM, "status: aktiv", "status: trukket\ntrukket: {dato: 2018-12-01}")
    pilot.edit(TEAM, "    leder: true\n", "")
    assert pilot.found() == set()


def test_due_date_on_a_public_holiday(pilot: Pilot) -> None:
    pilot.edit(
        "pilot.yaml",
        "statusrapport-1: 2018-02-16",
        "statusrapport-1: 2018-02-16\n    fremdriftsplan-3: 2018-05-17",
    )
    for team in ("froya", "hitra", "skaun"):
        rel = f"teams/{team}/fremdriftsplan-3.md"
        pilot.edit(rel, "frist: 2018-07-06", "frist: 2018-05-17")
        pilot.edit(rel, "levert: 2018-07-06", "levert: 2018-05-16")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV407", "pilot.yaml", pilot.line_of("pilot.yaml", "fremdriftsplan-3:"), "warning")
    ]
    assert "grunnlovsdag" in diagnostics[0]["message"]
    assert "2018-05-16" in diagnostics[0]["message"]


def test_a_rule_due_date_on_a_weekend_moves_to_the_workday_before(pilot: Pilot) -> None:
    # without the exception statusrapport-1 is due ten days before gathering 2, a Saturday:
    # by default it moves to Friday 2018-02-16, the date the documents already carry
    pilot.edit("pilot.yaml", "  unntak:\n    statusrapport-1: 2018-02-16", "  unntak: {}")
    assert pilot.found() == set()


def test_due_date_on_a_weekend_from_the_rules_when_kept(pilot: Pilot) -> None:
    pilot.edit(
        "pilot.yaml",
        "  unntak:\n    statusrapport-1: 2018-02-16\n  fridag: forrige",
        "  unntak: {}\n  fridag: behold",
    )
    for team in ("froya", "hitra", "skaun"):
        pilot.edit(f"teams/{team}/statusrapport-1.md", "frist: 2018-02-16", "frist: 2018-02-17")
    # fremdriftsplan 1 (22 days after gathering 1) stays on Saturday 2017-12-02 too
    assert {(code, path, line) for code, path, line, _ in pilot.found() if code == "JV407"} == {
        ("JV407", "pilot.yaml", pilot.line_of("pilot.yaml", "2018-02-27")),
        ("JV407", "pilot.yaml", pilot.line_of("pilot.yaml", "dato: 2017-11-10")),
    }


def test_team_deadline_on_a_weekend(pilot: Pilot) -> None:
    pilot.edit(TEAM, "frister: {}", "frister:\n  hovedplan: 2017-12-02")
    found = pilot.found()
    assert ("JV407", TEAM, pilot.line_of(TEAM, "hovedplan:"), "warning") in found


# --- personal data ----------------------------------------------------------------------------


def test_national_identity_number(pilot: Pilot) -> None:
    pilot.edit(HP, "## 4. Tiltak\n\n", "## 4. Tiltak\n\nKontakt: Kari, fnr 15051900003.\n\n")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV501", pilot.line_of(HP, "fnr 150519"), "error")
    ]
    assert "00003" not in diagnostics[0]["message"]  # the message does not repeat the number


def test_eleven_digits_with_wrong_check_digits_are_not_an_identity_number(pilot: Pilot) -> None:
    pilot.edit(HP, "## 4. Tiltak\n\n", "## 4. Tiltak\n\nKontonummer 15051900004.\n\n")
    assert pilot.found() == set()


def test_phone_numbers_and_email_addresses(pilot: Pilot) -> None:
    text = (
        "Ring Kari på 912 34 567 eller +47 22334455. Skriv til kari.nordmann@frøya.kommune.no "
        "eller til prosjektlederen på per.hansen@ks.no. Saksnummer 2018/1234, 12 500 000 kr."
    )
    pilot.edit(HP, "## 4. Tiltak\n\n", f"## 4. Tiltak\n\n{text}\n\n")
    line = pilot.line_of(HP, "Ring Kari")
    _, diagnostics, _ = pilot.check()
    assert sorted((d["code"], d["line"], d["severity"]) for d in diagnostics) == [
        ("JV502", line, "warning"),
        ("JV502", line, "warning"),
        ("JV503", line, "warning"),
    ]


@pytest.mark.parametrize(
    "written",
    ["9123 4567", "(+47) 412-34-567", "412 34 567", "+47 41234567", "0047 22 33 44 55", "73456789"],
)
def test_phone_numbers_as_people_write_them(pilot: Pilot, written: str) -> None:
    pilot.edit(HP, "## 4. Tiltak\n\n", f"## 4. Tiltak\n\nRing Kari på {written} i morgen.\n\n")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["line"]) for d in diagnostics] == [
        ("JV502", pilot.line_of(HP, "Ring Kari"))
    ]
    assert f"telefonnummer ({written})" in diagnostics[0]["message"]


def test_dates_amounts_and_case_numbers_are_not_phone_numbers(pilot: Pilot) -> None:
    text = (
        "Møte 2018-06-04 og 04.06.2018, saksnummer 2018/1234, 12 500 000 kr, 20 000 000 kr, "
        "side 12345678, årene 2018 2019 2020."
    )
    pilot.edit(HP, "## 4. Tiltak\n\n", f"## 4. Tiltak\n\n{text}\n\n")
    assert pilot.found() == set()


def test_the_pilots_own_numbers_are_allowed(pilot: Pilot) -> None:
    """A number in pilot.yaml (the project leader's, a switchboard) is the pilot's own."""
    pilot.edit(HP, "## 4. Tiltak\n\n", "## 4. Tiltak\n\nRing 73 45 67 89 eller 412 34 567.\n\n")
    pilot.edit("pilot.yaml", "navn: ", "# sentralbord: +47 734 56 789\nnavn: ")
    _, diagnostics, _ = pilot.check()
    assert [d["message"] for d in diagnostics if d["code"] == "JV502"] == [
        "Teksten inneholder et telefonnummer (412 34 567). Dokumentene deles bredt; skriv "
        "rollen (for eksempel «gruppelederen») i stedet for nummeret."
    ]


def test_personal_data_is_not_checked_in_pilot_documents(pilot: Pilot) -> None:
    from pilotkit import jv

    jv("scaffold", "prosjektplan", "--pilot", str(pilot.root))
    pilot.edit(
        "prosjektplan.md",
        "## 2. Prosjektorganisasjon\n",
        "## 2. Prosjektorganisasjon\n\nTlf 912 34 567\n",
    )
    found = {d for d in pilot.found() if d[0].startswith("JV5")}
    assert found == set()

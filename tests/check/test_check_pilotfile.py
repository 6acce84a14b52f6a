"""pilot.yaml, team.yaml and the pilot's own document types."""

from __future__ import annotations

import json
import re

from pilotkit import Pilot, runner
from tests.clikit import run_jv

from jobbvinner_cli.cli import app

PY = "pilot.yaml"


def test_unknown_keys_in_pilot_yaml_are_warnings(pilot: Pilot) -> None:
    pilot.edit(PY, "region:", "regoin: Orkdal\nregion:")
    pilot.edit(PY, '    vertskommune: ""', '    vertskommune: ""\n    vert: Orkdal')
    code, diagnostics, _ = pilot.check()
    assert code == 0
    assert {(d["code"], d["line"], d["severity"]) for d in diagnostics} == {
        ("JV116", pilot.line_of(PY, "regoin:"), "warning"),
        ("JV116", pilot.line_of(PY, "vert: Orkdal"), "warning"),
    }
    assert any("Mente du «region»?" in d["message"] for d in diagnostics)


def test_every_error_in_pilot_yaml_is_collected(pilot: Pilot) -> None:
    pilot.edit(PY, 'navn: "Jobbvinner Test"', "navn: [Jobbvinner, Test]")
    pilot.edit(PY, "    status: gjennomført", "    status: kanskje")
    pilot.edit(PY, "malvariant: orkdal", "malvariant: orkdal\nantall:\n  statusrapport: to")
    pilot.edit(PY, "antall:\n  statusrapport: 2\n", "")
    code, diagnostics, _ = pilot.check()
    assert code == 1
    got = {(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics if d["path"] == PY}
    assert got == {
        ("JV113", PY, pilot.line_of(PY, "navn: ["), "error"),
        ("JV115", PY, pilot.line_of(PY, "status: kanskje"), "error"),
        ("JV113", PY, pilot.line_of(PY, "statusrapport: to"), "error"),
        # without «antall» the sluttrapport still replaces the third status report
    }
    messages = " ".join(d["message"] for d in diagnostics)
    assert "samlinger[1].status" in messages
    assert "«planlagt», «gjennomført», «avlyst» eller «digital»" in messages


def test_bad_gathering_date(pilot: Pilot) -> None:
    pilot.edit(PY, "dato: 2018-02-27", "dato: 27.02.2018")
    code, diagnostics, _ = pilot.check()
    assert code == 1
    assert ("JV114", PY, pilot.line_of(PY, "dato: 27.02.2018"), "error") in {
        (d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics
    }
    assert not any(d["code"] == "JV603" for d in diagnostics)  # not reported twice


def test_gatherings_out_of_date_order(pilot: Pilot) -> None:
    pilot.edit(PY, "dato: 2018-06-14", "dato: 2018-01-14")
    _, diagnostics, _ = pilot.check()
    assert ("JV602", PY, pilot.line_of(PY, "dato: 2018-01-14"), "error") in {
        (d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics
    }


def test_gathering_without_a_date(pilot: Pilot) -> None:
    pilot.edit(PY, "    til: 2018-11-14\n", "")
    pilot.edit(PY, "dato: 2018-11-13", "dato:")
    final = "teams/froya/sluttrapport.md"
    pilot.write(final, re.sub(r"^levert: .*$", "levert:", pilot.read(final), flags=re.M))
    pilot.edit(final, "status: levert", "status: utkast")
    _, diagnostics, _ = pilot.check()
    got = {(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics}
    line = [n for n, text in enumerate(pilot.read(PY).split("\n"), 1) if text.strip() == "dato:"]
    # the documents due by gathering 4 stay in the plan, without a due date (infos)
    assert got == {
        ("JV603", PY, line[0], "info"),
        ("JV308", final, pilot.line_of(final, "status:"), "info"),
    }
    messages = {d["message"] for d in diagnostics if d["code"] == "JV308"}
    assert messages == {
        "Sluttrapport har ingen frist ennå: samling 4 har ingen dato. Fyll inn datoen i "
        "pilot.yaml, så får dokumentet frist."
    }


def test_unknown_references_in_pilot_and_team(pilot: Pilot) -> None:
    pilot.edit(
        PY,
        "statusrapport-1: 2018-02-16",
        "statusrapport-1: 2018-02-16\n    fremdrifsplan-2: 2018-03-21",
    )
    pilot.edit(PY, "maler: {}", "maler:\n  hovedplan: salten")
    pilot.edit(PY, "antall:\n  statusrapport: 2", "antall:\n  statusrapport: 2\n  hovedplan: 1")
    pilot.edit("teams/froya/team.yaml", "fritak: []", "fritak: [sluttrapport-1]")
    _, diagnostics, _ = pilot.check()
    assert {(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics} == {
        ("JV604", PY, pilot.line_of(PY, "fremdrifsplan-2:"), "warning"),
        ("JV604", PY, pilot.line_of(PY, "hovedplan: salten"), "warning"),
        ("JV604", PY, pilot.line_of(PY, "  hovedplan: 1"), "warning"),
        (
            "JV604",
            "teams/froya/team.yaml",
            pilot.line_of("teams/froya/team.yaml", "fritak:"),
            "warning",
        ),
    }
    assert any("Mente du «fremdriftsplan-2»?" in d["message"] for d in diagnostics)


def test_unreadable_pilot_yaml_stops_with_exit_2(pilot: Pilot) -> None:
    pilot.edit(PY, 'navn: "Jobbvinner Test"', "navn: Jobbvinner: Test")
    result = run_jv(["check", "--pilot", str(pilot.root), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [(d["code"], d["path"], d["line"]) for d in data["diagnostics"]] == [
        ("JV107", PY, pilot.line_of(PY, "navn:"))
    ]


def test_pilot_yaml_that_is_not_a_mapping(pilot: Pilot) -> None:
    pilot.write(PY, "- en\n- liste\n")
    result = run_jv(["check", "--pilot", str(pilot.root), "--format", "json"])
    assert result.exit_code == 2
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["JV106"]


def test_no_pilot_found(tmp_path: object) -> None:
    result = runner.invoke(app, ["check", "--pilot", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 2
    assert "Fant ingen pilot.yaml" in result.output


def test_team_yaml_errors(pilot: Pilot) -> None:
    team = "teams/froya/team.yaml"
    pilot.edit(team, "status: aktiv", "status: trukket")
    pilot.edit(team, "    leder: true", "    leder: ja")
    _, diagnostics, _ = pilot.check()
    assert {(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics} == {
        ("JV113", team, pilot.line_of(team, "leder: ja"), "error"),
    } | {
        (d["code"], d["path"], d["line"], d["severity"])
        for d in diagnostics
        if d["code"] == "JV115"
    }
    assert any(d["code"] == "JV115" and "trukket" in d["message"] for d in diagnostics)


def test_broken_document_type_of_the_pilot(pilot: Pilot) -> None:
    types = pilot.path("templates/types")
    types.mkdir(parents=True)
    (types / "hovedplan.yaml").write_text("tittel: Hovedplan\nvarianter: {}\n", encoding="utf-8")
    _, diagnostics, _ = pilot.check()
    codes = {(d["code"], d["path"]) for d in diagnostics}
    assert ("JV601", "templates/types/hovedplan.yaml") in codes
    assert all(d["path"] == "templates/types/hovedplan.yaml" for d in diagnostics)


def test_ignores_in_pilot_yaml(pilot: Pilot) -> None:
    hp = "teams/froya/hovedplan.md"
    pilot.path(hp).write_bytes(b"\xef\xbb\xbf" + pilot.path(hp).read_bytes())
    pilot.edit(
        PY,
        "frister:\n",
        'ignorer:\n  - {sti: "teams/froya/*", kode: JV103}\n  - {kode: JV999}\nfrister:\n',
    )
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["line"]) for d in diagnostics] == [("JV604", pilot.line_of(PY, "JV999"))]

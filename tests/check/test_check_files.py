"""Files and front matter: each broken case gives exactly its diagnostics (code, path, line, severity)."""

from __future__ import annotations

import os

import pytest
from pilotkit import Pilot

HP = "teams/froya/hovedplan.md"
FP1 = "teams/froya/fremdriftsplan-1.md"
SR2 = "teams/froya/statusrapport-2.md"


def test_clean_pilot_has_no_findings(pilot: Pilot) -> None:
    code, diagnostics, data = pilot.check()
    assert code == 0
    assert diagnostics == []
    assert data["summary"] == {"errors": 0, "warnings": 0, "infos": 0, "files": 36}


def test_bom_is_a_warning_and_the_file_is_still_read(pilot: Pilot) -> None:
    pilot.path(HP).write_bytes(b"\xef\xbb\xbf" + pilot.path(HP).read_bytes())
    assert pilot.found() == {("JV103", HP, 1, "warning")}


def test_crlf_line_ends_are_fine(pilot: Pilot) -> None:
    text = pilot.read(HP)
    pilot.path(HP).write_bytes(text.replace("\n", "\r\n").encode())
    assert pilot.found() == set()


def test_windows_1252_names_the_encoding_and_the_line(pilot: Pilot) -> None:
    line = pilot.line_of(HP, "Frøya")
    pilot.path(HP).write_bytes(pilot.read(HP).encode("cp1252"))
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV102", HP, line, "error")
    ]
    assert "Windows-1252" in diagnostics[0]["message"]
    assert "«ø»" in diagnostics[0]["message"]


def test_empty_file(pilot: Pilot) -> None:
    pilot.write(HP, "")
    assert pilot.found() == {("JV104", HP, 1, "error")}


def test_missing_front_matter(pilot: Pilot) -> None:
    text = pilot.read(HP)
    pilot.write(HP, text.split("---\n", 2)[2])
    assert pilot.found() == {("JV104", HP, 1, "error")}


def test_unclosed_front_matter(pilot: Pilot) -> None:
    text = pilot.read(HP)
    head, _, body = text.partition("\n---\n")
    pilot.write(HP, head + "\n" + body)
    assert pilot.found() == {("JV105", HP, 1, "error")}


def test_front_matter_that_is_a_list(pilot: Pilot) -> None:
    text = pilot.read(HP)
    body = text.split("---\n", 2)[2]
    pilot.write(HP, "---\n- hovedplan\n- froya\n---\n" + body)
    assert pilot.found() == {("JV106", HP, 2, "error")}


def test_yaml_syntax_error_at_the_line_of_the_file(pilot: Pilot) -> None:
    line = pilot.line_of(HP, "effektmål:")
    pilot.edit(HP, 'effektmål: "Alle', "effektmål: Mål: Alle")
    pilot.edit(HP, 'innen 2020"', "innen 2020")
    assert pilot.found() == {("JV107", HP, line, "error")}


def test_duplicate_key(pilot: Pilot) -> None:
    pilot.edit(HP, "status: levert", "status: levert\nstatus: utkast")
    line = pilot.line_of(HP, "status: utkast")
    assert pilot.found() == {("JV108", HP, line, "error")}


@pytest.mark.parametrize(
    "value",
    ["&gl Kari\nansvarlig: *gl", "!!python/object:os.system ls", "[" * 60 + "]" * 60],
)
def test_anchors_aliases_tags_and_deep_nesting_are_refused(pilot: Pilot, value: str) -> None:
    pilot.edit(HP, 'gruppeleder: "Kari Nordmann"', f"gruppeleder: {value}")
    line = pilot.line_of(HP, "gruppeleder:")
    assert pilot.found() == {("JV109", HP, line, "error")}


def test_front_matter_too_large(pilot: Pilot) -> None:
    pilot.edit(HP, "status: levert", "status: levert\n" + "# kommentar\n" * 7000)
    assert pilot.found() == {("JV110", HP, 2, "error")}


def test_yaml_11_traps_in_text_fields(pilot: Pilot) -> None:
    pilot.edit(HP, 'gruppeleder: "Kari Nordmann"', "gruppeleder: no")
    pilot.edit(FP1, 'resultatmål: "Fem nye lærlinger i perioden"', "resultatmål: 08")
    _, diagnostics, _ = pilot.check()
    assert {(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics} == {
        ("JV111", HP, pilot.line_of(HP, "gruppeleder:"), "warning"),
        ("JV111", FP1, pilot.line_of(FP1, "resultatmål:"), "warning"),
    }
    assert 'gruppeleder: "no"' in diagnostics[0]["message"] + diagnostics[1]["message"]


def test_no_trap_for_quoted_text_or_numbers_in_number_fields(pilot: Pilot) -> None:
    pilot.edit(HP, 'gruppeleder: "Kari Nordmann"', "gruppeleder: 'no'")
    assert pilot.found() == set()


def test_required_key_missing(pilot: Pilot) -> None:
    pilot.edit(HP, "type: hovedplan\n", "")
    assert pilot.found() == {("JV112", HP, 2, "error")}


def test_team_and_nr_required(pilot: Pilot) -> None:
    pilot.edit(FP1, "team: froya\n", "")
    pilot.edit(FP1, "nr: 1\n", "")
    assert pilot.found() == {("JV112", FP1, 2, "error")}
    _, diagnostics, _ = pilot.check()
    assert len(diagnostics) == 2


def test_wrong_type_with_decimal_comma(pilot: Pilot) -> None:
    pilot.edit(SR2, "timer: 8", "timer: 8,5")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["line"]) for d in diagnostics] == [
        ("JV113", pilot.line_of(SR2, "timer:"))
    ]
    assert "8.5" in diagnostics[0]["message"]


def test_invalid_date(pilot: Pilot) -> None:
    pilot.edit(HP, "levert: 2017-12-01", "levert: 01.12.2017")
    assert pilot.found() == {("JV114", HP, pilot.line_of(HP, "levert:"), "error")}


def test_invalid_status(pilot: Pilot) -> None:
    pilot.edit(HP, "status: levert", "status: ferdig")
    assert pilot.found() == {("JV115", HP, pilot.line_of(HP, "status:"), "error")}


def test_unknown_key_suggests_the_right_one(pilot: Pilot) -> None:
    pilot.edit(HP, "effektmål:", "effektmaal:")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["severity"], d["line"]) for d in diagnostics] == [
        ("JV116", "warning", pilot.line_of(HP, "effektmaal:"))
    ]
    assert "Mente du «effektmål»?" in diagnostics[0]["message"]


def test_team_must_match_the_folder(pilot: Pilot) -> None:
    pilot.edit(HP, "team: froya", "team: hitra")
    assert pilot.found() == {("JV117", HP, 3, "error")}


def test_type_and_nr_must_match_the_file_name(pilot: Pilot) -> None:
    pilot.edit(FP1, "type: fremdriftsplan", "type: statusrapport")
    pilot.edit(FP1, "nr: 1", "nr: 2")
    assert pilot.found() == {
        ("JV118", FP1, pilot.line_of(FP1, "type:"), "error"),
        ("JV118", FP1, pilot.line_of(FP1, "nr:"), "error"),
    }


def test_number_out_of_range(pilot: Pilot) -> None:
    rel = "teams/froya/fremdriftsplan-4.md"
    pilot.write(rel, pilot.read("teams/froya/fremdriftsplan-3.md").replace("nr: 3", "nr: 4"))
    assert pilot.found() == {("JV119", rel, pilot.line_of(rel, "nr:"), "error")}


def test_unknown_files_and_folders_in_a_team_folder(pilot: Pilot) -> None:
    pilot.write("teams/froya/Hovedplan ny.docx", "x")
    pilot.write("teams/froya/hovedplan (1).md", "x")
    pilot.path("teams/froya/notater").mkdir()
    pilot.path("teams/froya/bilder").mkdir()  # the documents' pictures: known
    pilot.write("teams/froya/.DS_Store", "x")  # hidden files are ignored
    assert pilot.found() == {
        ("JV120", "teams/froya/Hovedplan ny.docx", None, "warning"),
        ("JV120", "teams/froya/hovedplan (1).md", None, "warning"),
        ("JV120", "teams/froya/notater", None, "warning"),
    }


def test_symlink_out_of_the_pilot_is_not_followed(pilot: Pilot) -> None:
    os.symlink("/etc/passwd", pilot.path("teams/froya/notater.md"))
    pilot.path(SR2).unlink()
    os.symlink("/etc/passwd", pilot.path(SR2))
    assert pilot.found() == {
        ("JV121", "teams/froya/notater.md", None, "error"),
        ("JV121", SR2, None, "error"),
    }


def test_symlink_inside_the_pilot_is_followed(pilot: Pilot) -> None:
    pilot.path(HP).rename(pilot.path("teams/froya/original.txt"))
    os.symlink("original.txt", pilot.path(HP))
    assert pilot.found() == {("JV120", "teams/froya/original.txt", None, "warning")}


def test_huge_file(pilot: Pilot) -> None:
    pilot.write(HP, pilot.read(HP) + "x" * 2_000_000)
    assert pilot.found() == {("JV122", HP, None, "error")}


def test_team_folder_without_team_yaml(pilot: Pilot) -> None:
    pilot.path("teams/froya/team.yaml").unlink()
    found = pilot.found()
    assert ("JV123", "teams/froya", None, "error") in found
    # the referansegruppe of skaun pointed at froya, which is no longer a team
    assert found == {
        ("JV123", "teams/froya", None, "error"),
        (
            "JV405",
            "teams/skaun/team.yaml",
            pilot.line_of("teams/skaun/team.yaml", "referansegruppe"),
            "warning",
        ),
    }


def test_team_yaml_that_links_out_of_the_pilot_is_not_read(pilot: Pilot) -> None:
    # discovery lists team.yaml: only one with no symlink on its way is read unchecked
    pilot.path("teams/froya/team.yaml").unlink()
    os.symlink("/etc/passwd", pilot.path("teams/froya/team.yaml"))
    _, diagnostics, _ = pilot.check()
    assert [
        (d["code"], d["line"], d["message"])
        for d in diagnostics
        if d["path"] == "teams/froya/team.yaml"
    ] == [("JV121", None, "team.yaml er en lenke ut av pilotmappen, og blir ikke lest.")]


def test_team_yaml_that_links_inside_the_pilot_is_read(pilot: Pilot) -> None:
    os.replace(pilot.path("teams/froya/team.yaml"), pilot.path("teams/froya/team.txt"))
    os.symlink("team.txt", pilot.path("teams/froya/team.yaml"))
    found = pilot.found()
    assert not {f for f in found if f[1] == "teams/froya/team.yaml"}
    assert ("JV120", "teams/froya/team.txt", None, "warning") in found


def test_team_yaml_that_is_a_folder(pilot: Pilot) -> None:
    pilot.path("teams/froya/team.yaml").unlink()
    pilot.path("teams/froya/team.yaml").mkdir()
    found = pilot.found()
    assert ("JV101", "teams/froya/team.yaml", None, "error") in found

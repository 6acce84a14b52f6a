"""Every command reads a document the way `jv check` does: the same broken pilot gives the
same verdict everywhere, no traceback, and nothing from outside the pilot in any output."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, Run

TODAY = "2019-12-31"
SECRET = "HEMMELIG-INNHOLD-UTENFOR-PILOTEN"


@pytest.fixture
def orkdal(tmp_path: Path) -> Path:
    root = tmp_path / "orkdal"
    shutil.copytree(EXAMPLE, root)
    return root


def _check(run: Run, root: Path) -> tuple[int, list[dict[str, object]]]:
    result = run("check", "--pilot", str(root), "--today", TODAY, "--format", "json")
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def _html(run: Run, root: Path, *args: str) -> tuple[int, str, str]:
    out = root.parent / "rapport.html"
    result = run("build-report", "--pilot", str(root), "--today", TODAY, "-o", str(out), *args)
    return result.exit_code, out.read_text(encoding="utf-8") if out.exists() else "", result.output


def _secret_file(root: Path) -> Path:
    outside = root.parent / "utenfor"
    outside.mkdir()
    path = outside / "hemmelig.md"
    path.write_text(f"# Hemmelig\n\n{SECRET}\n", encoding="utf-8")
    return path


def test_a_chapter_linked_out_of_the_pilot_is_read_by_no_command(orkdal: Path, run: Run) -> None:
    chapter = orkdal / "rapport" / "02-bakgrunn.md"
    chapter.unlink()
    chapter.symlink_to(_secret_file(orkdal))
    code, diagnostics = _check(run, orkdal)
    assert code == 1
    assert [(d["code"], d["path"]) for d in diagnostics if d["code"] == "JV121"] == [
        ("JV121", "rapport/02-bakgrunn.md")
    ]
    code, html, output = _html(run, orkdal)
    assert code == 1 and "rapport/02-bakgrunn.md: JV121" in output and html == ""
    code, html, _ = _html(run, orkdal, "--draft")
    assert code == 0
    assert "Bakgrunn" in html  # the chapter's title stands, its linked text does not
    assert SECRET not in html


def test_a_team_document_linked_out_of_the_pilot_is_read_by_no_command(
    orkdal: Path, run: Run
) -> None:
    report = orkdal / "teams" / "hitra" / "sluttrapport.md"
    report.unlink()
    report.symlink_to(_secret_file(orkdal))
    _, diagnostics = _check(run, orkdal)
    assert ("JV121", "teams/hitra/sluttrapport.md") in [(d["code"], d["path"]) for d in diagnostics]
    out = orkdal.parent / "hitra.html"
    result = run(
        "export", "sluttrapport", "--team", "hitra", "--pilot", str(orkdal), "-o", str(out)
    )
    assert result.exit_code != 0 and not out.exists()
    assert "teams/hitra/sluttrapport.md: JV121" in result.output
    code, html, _ = _html(run, orkdal, "--draft", "--include-team-reports")
    assert code == 0 and SECRET not in html
    assert "Sluttrapport fra Frøya" in html and "Sluttrapport fra Hitra" not in html


def test_a_folder_of_chapters_linked_out_is_not_read(orkdal: Path, run: Run) -> None:
    outside = _secret_file(orkdal).parent
    (outside / "01-oppsummering.md").write_text(f"{SECRET}\n", encoding="utf-8")
    shutil.rmtree(orkdal / "rapport")
    (orkdal / "rapport").symlink_to(outside)
    code, html, _ = _html(run, orkdal, "--draft")
    assert code == 0 and SECRET not in html


def test_a_key_libraries_use_internally_is_only_a_warning_everywhere(
    orkdal: Path, run: Run
) -> None:
    plan = orkdal / "teams" / "hitra" / "hovedplan.md"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("status: levert", "content: x\nstatus: levert"),
        encoding="utf-8",
    )
    code, diagnostics = _check(run, orkdal)
    assert code == 0
    assert [(d["code"], d["path"]) for d in diagnostics if d["code"] == "JV116"] == [
        ("JV116", "teams/hitra/hovedplan.md")
    ]
    out = orkdal.parent / "hovedplan.html"
    result = run("export", "hovedplan", "--team", "hitra", "--pilot", str(orkdal), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Ønsket bemanningssituasjon i 2019" in out.read_text(encoding="utf-8")
    code, html, output = _html(run, orkdal)
    assert code == 0, output
    assert "Ønsket bemanningssituasjon i 2019" in html
    (orkdal / "teams" / "hitra" / "fremdriftsplan-5.md").unlink()
    result = run("scaffold", "fremdriftsplan", "--team", "hitra", "--nr", "5", cwd=orkdal)
    assert result.exit_code == 0, result.output
    text = (orkdal / "teams" / "hitra" / "fremdriftsplan-5.md").read_text(encoding="utf-8")
    assert 'effektmål: "Ønsket bemanningssituasjon i 2019' in text


def test_a_heading_inside_a_code_block_is_not_a_section(orkdal: Path, run: Run) -> None:
    report = orkdal / "teams" / "hitra" / "sluttrapport.md"
    text = report.read_text(encoding="utf-8")
    text = text.replace(
        "- Mentor-ordning\n",
        "- Mentor-ordning\n\n```\n## 5. Resultater av tiltakene\n- Falsk resultat\n```\n\n",
    )
    report.write_text(text, encoding="utf-8")
    code, diagnostics = _check(run, orkdal)
    assert code == 0
    # no section is found in the code; the code itself is named as what the results table
    # cannot show (JV211), by the check and the build alike
    path = "teams/hitra/sluttrapport.md"
    found = [(d["code"], d["line"]) for d in diagnostics if d["path"] == path]
    fence = text.split("\n").index("```") + 1
    assert found == [("JV211", fence)]
    code, html, output = _html(run, orkdal)
    assert f"{path}:{fence}: JV211" in output
    assert code == 0
    results_table = html[html.index("Rekordmange") - 3000 : html.index("Rekordmange") + 200]
    assert "Gode søkertall" in html
    assert "Falsk resultat" not in results_table


def test_a_wrong_shape_is_worded_the_same_by_check_and_scaffold(orkdal: Path, run: Run) -> None:
    team = orkdal / "teams" / "hitra" / "team.yaml"
    text = team.read_text(encoding="utf-8")
    team.write_text(text.replace("kommune: Hitra", "kommune:\n  - Hitra"), encoding="utf-8")
    _, diagnostics = _check(run, orkdal)
    check_lines = {
        f"{d['path']}:{d['line']}: {d['code']} {d['message']}"
        for d in diagnostics
        if d["path"] == "teams/hitra/team.yaml" and d["severity"] == "error"
    }
    assert check_lines
    (orkdal / "teams" / "hitra" / "fremdriftsplan-5.md").unlink()
    result = run("scaffold", "fremdriftsplan", "--team", "hitra", "--nr", "5", cwd=orkdal)
    assert result.exit_code == 2
    for line in check_lines:
        assert line in result.output
    assert ".str" not in result.output and "list[" not in result.output


def test_hours_of_a_draft_count_nowhere(orkdal: Path, run: Run) -> None:
    status = orkdal / "teams" / "hitra" / "statusrapport-2.md"
    text = status.read_text(encoding="utf-8")
    assert "timer:" in text
    text = text.replace("status: levert", "status: utkast")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("levert:"))
    status.write_text(text, encoding="utf-8")
    result = run("status", "--pilot", str(orkdal), "--today", TODAY, "--format", "json")
    hitra = next(t for t in json.loads(result.stdout)["teams"] if t["team"] == "hitra")
    code, html, output = _html(run, orkdal, "--draft")
    assert code == 0, output
    # the report's hours table holds the same numbers as jv status
    row = html[html.index("<td>Hitra</td>", html.index("Timer brukt mellom samlingene")) :]
    cells = [c.split("<")[0] for c in row.split("<td>")[2:7]]
    shown = {str(p): cells[p - 1] for p in range(1, 6) if cells[p - 1] != "–"}
    assert shown == {p: f"{h:g}" for p, h in hitra["hours"].items()}
    assert "2" not in hitra["hours"]


def test_hours_that_are_not_a_number_of_hours_are_an_error(orkdal: Path, run: Run) -> None:
    doc = orkdal / "teams" / "froya" / "statusrapport-1.md"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(re.sub(r"^timer: .*$", "timer: 1e400", text, flags=re.M), encoding="utf-8")
    code, diagnostics = _check(run, orkdal)
    assert code == 1
    assert [(d["code"], d["path"]) for d in diagnostics if d["severity"] == "error"] == [
        ("JV115", "teams/froya/statusrapport-1.md")
    ]
    code, _, output = _html(run, orkdal)
    assert code == 1 and "teams/froya/statusrapport-1.md" in output
    code, html, output = _html(run, orkdal, "--draft")
    assert code == 0, output
    assert (
        "Utkast: jv check fant 1 problem som gjør rapporten feil; utkastet er bygd likevel"
        in output
    )
    assert "inf" not in html.split("Timer brukt mellom samlingene")[1][:3000]


def test_export_refuses_what_the_check_cannot_read(orkdal: Path, run: Run) -> None:
    doc = orkdal / "teams" / "froya" / "sluttrapport.md"
    doc.write_text(
        doc.read_text(encoding="utf-8").replace("status: levert", "status: [levert"),
        encoding="utf-8",
    )
    _, diagnostics = _check(run, orkdal)
    expected = next(d for d in diagnostics if d["path"] == "teams/froya/sluttrapport.md")
    out = orkdal.parent / "froya.docx"
    result = run(
        "export", "sluttrapport", "--team", "froya", "--pilot", str(orkdal), "-o", str(out)
    )
    assert result.exit_code == 1 and not out.exists()
    assert f"teams/froya/sluttrapport.md:{expected['line']}: {expected['code']}" in result.output


def test_export_names_the_wrong_option(orkdal: Path, run: Run) -> None:
    out = str(orkdal.parent / "x.docx")
    result = run("export", "prosjektplan", "--team", "froya", "--pilot", str(orkdal), "-o", out)
    assert result.exit_code == 2 and "gjelder hele piloten" in result.output
    assert "--team" in result.output and "finnes ikke" not in result.output
    result = run(
        "export", "hovedplan", "--team", "froya", "--nr", "3", "--pilot", str(orkdal), "-o", out
    )
    assert result.exit_code == 2 and "har ikke nummer" in result.output


def test_a_template_linked_out_of_the_pilot_is_not_read(orkdal: Path, run: Run) -> None:
    template = orkdal / "templates" / "statusrapport.md.j2"
    template.parent.mkdir(exist_ok=True)
    template.symlink_to(_secret_file(orkdal))
    target = orkdal / "teams" / "froya" / "statusrapport-2.md"
    before = target.read_bytes()
    result = run("scaffold", "statusrapport", "--team", "froya", "--nr", "2", "--force", cwd=orkdal)
    assert result.exit_code == 1
    assert "templates/statusrapport.md.j2" in result.output and "pilotmappen" in result.output
    assert target.read_bytes() == before


def test_a_template_saved_by_word_gets_a_message_not_a_traceback(orkdal: Path, run: Run) -> None:
    template = orkdal / "templates" / "statusrapport.md.j2"
    template.parent.mkdir(exist_ok=True)
    template.write_bytes("Kaf\xe9 p\xe5 Fr\xf8ya\n".encode("cp1252"))
    result = run("scaffold", "statusrapport", "--team", "froya", "--nr", "2", "--force", cwd=orkdal)
    assert result.exit_code == 1
    assert "templates/statusrapport.md.j2:1: Filen er ikke UTF-8" in result.output


def test_a_teams_folder_linked_out_hides_only_the_teams(orkdal: Path, run: Run) -> None:
    outside = orkdal.parent / "andre-team"
    shutil.move(str(orkdal / "teams"), outside)
    (outside / "hemmelig-team").mkdir()
    (outside / "hemmelig-team" / "team.yaml").write_text("kommune: X\n", encoding="utf-8")
    (orkdal / "teams").symlink_to(outside)
    plan = orkdal / "prosjektplan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("---\n", "---\nukjent: x\n", 1))
    _, diagnostics = _check(run, orkdal)
    found = [(d["code"], d["path"]) for d in diagnostics]
    assert ("JV121", "teams") in found
    assert ("JV116", "prosjektplan.md") in found  # the rest of the pilot is still checked
    result = run("check", "--pilot", str(orkdal), "--team", "nope")
    assert result.exit_code == 2 and "hemmelig-team" not in result.output


def test_an_empty_heading_leaves_no_markup_in_the_report(orkdal: Path, run: Run) -> None:
    report = orkdal / "teams" / "hitra" / "sluttrapport.md"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "- Veilederutdanning\n", "#\n\n- Veilederutdanning\n"
        ),
        encoding="utf-8",
    )
    code, html, output = _html(run, orkdal, "--draft", "--include-team-reports")
    assert code == 0, output
    assert "{.unnumbered" not in html and "Veilederutdanning" in html


def test_a_link_that_loops_is_named_as_a_loop_by_every_command(orkdal: Path, run: Run) -> None:
    plan = orkdal / "teams" / "hitra" / "hovedplan.md"
    plan.unlink()
    plan.symlink_to(plan.name)
    (orkdal / "teams" / "rundt").symlink_to("rundt")
    code, diagnostics = _check(run, orkdal)
    assert code == 1
    loop = [d for d in diagnostics if d["path"] == "teams/hitra/hovedplan.md"]
    assert [d["code"] for d in loop] == ["JV101"] and "løkke" in str(loop[0]["message"])
    assert run("status", "--pilot", str(orkdal), "--today", TODAY).exit_code == 0
    code, _, output = _html(run, orkdal, "--draft")
    assert code == 0 and "teams/hitra/hovedplan.md: JV101" in output


def test_lever_and_sync_leave_what_the_check_cannot_read(orkdal: Path, run: Run) -> None:
    doc = orkdal / "teams" / "hemne" / "statusrapport-4.md"
    broken = doc.read_text(encoding="utf-8").replace("status: levert", "status: [utkast")
    doc.write_text(broken, encoding="utf-8")
    _, diagnostics = _check(run, orkdal)
    expected = next(d for d in diagnostics if d["path"] == "teams/hemne/statusrapport-4.md")
    outside = _secret_file(orkdal)
    linked = orkdal / "teams" / "hemne" / "statusrapport-3.md"
    linked.unlink()
    linked.symlink_to(outside)

    lever = run("lever", "statusrapport", "--team", "hemne", "--nr", "4", "--pilot", str(orkdal))
    assert lever.exit_code == 1
    assert f"teams/hemne/statusrapport-4.md:{expected['line']}:" in lever.output
    assert f"{expected['code']} {expected['message']}" in lever.output
    linked_lever = run("lever", "statusrapport", "-t", "hemne", "--nr", "3", "--pilot", str(orkdal))
    assert linked_lever.exit_code == 1 and "JV121" in linked_lever.output

    sync = run("sync", "--pilot", str(orkdal))
    assert sync.exit_code == 0
    assert f"teams/hemne/statusrapport-4.md: kan ikke leses ({expected['code']}" in sync.output
    assert "teams/hemne/statusrapport-3.md: kan ikke leses (JV121" in sync.output
    assert SECRET not in lever.output + linked_lever.output + sync.output
    assert doc.read_text(encoding="utf-8") == broken
    assert outside.read_text(encoding="utf-8") == f"# Hemmelig\n\n{SECRET}\n"


# --- the same verdict from every command --------------------------------------------------


def _set_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _hitra(root: Path, name: str) -> Path:
    return root / "teams" / "hitra" / name


BREAKAGES = {
    "unknown key in pilot.yaml": lambda r: _set_line(r / "pilot.yaml", "region:", "regionn: x\nregion:"),
    "unknown key in team.yaml": lambda r: _set_line(_hitra(r, "team.yaml"), "status:", "farge: blå\nstatus:"),
    "list for text in team.yaml": lambda r: _set_line(_hitra(r, "team.yaml"), "kommune: Hitra", "kommune:\n  - Hitra"),
    "duplicate key in pilot.yaml": lambda r: _set_line(r / "pilot.yaml", "region:", "region: A\nregion:"),
    "control character in team.yaml": lambda r: _set_line(_hitra(r, "team.yaml"), "kommune: Hitra", "kommune: Hi\x0btra"),
    "no-break space after a colon": lambda r: _set_line(r / "pilot.yaml", "region: ", "region:\u00a0"),
    "value cut by a comment": lambda r: _set_line(_hitra(r, "team.yaml"), "gruppeleder: Jorid Kvernes", "gruppeleder: Jorid #1 Kvernes"),
    "zero-width space in a status": lambda r: _set_line(_hitra(r, "hovedplan.md"), "status: levert", "status: lev\u200bert"),
    "markup in a team name": lambda r: _set_line(_hitra(r, "team.yaml"), "kommune: Hitra", 'kommune: "Hi[/]tra [red]x"'),
    "broken pilot template": lambda r: (r / "templates" / "hovedplan.md.j2").write_text("{% if %}\n", "utf-8"),
    "deep brackets in a chapter": lambda r: _set_line(r / "rapport" / "02-bakgrunn.md", "\n\n", "\n\n" + "[" * 12 + "x" + "]" * 12 + "\n\n"),
    "team folder Windows reserves": lambda r: shutil.copytree(r / "teams" / "froya", r / "teams" / "prn"),
}  # fmt: skip


def _every_command(run: Run, root: Path) -> dict[str, tuple[int, str]]:
    """Each command's exit code and output on the pilot at ``root`` (a copy per command that
    writes, so one command's output is not the next one's input)."""
    pilot = ("--pilot", str(root))
    out = root.parent / "ut"
    out.mkdir(exist_ok=True)
    runs = {
        "check": ("check", *pilot, "--today", TODAY),
        "status": ("status", *pilot, "--today", TODAY),
        "types": ("types", *pilot),
        "build-report": ("build-report", *pilot, "--today", TODAY, "-o", str(out / "r.html")),
        "export": ("export", "hovedplan", "--team", "froya", *pilot, "-o", str(out / "h.html")),
        "scaffold": ("scaffold", "statusrapport", "--team", "froya", "--nr", "4", "--force", *pilot),
        "new-team": ("new-team", "Bodø", *pilot),
    }  # fmt: skip
    verdicts = {}
    for name, args in runs.items():
        result = run(*args)
        verdicts[name] = (result.exit_code, result.output)
    return verdicts


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_every_command_gives_the_check_s_verdict(orkdal: Path, run: Run, breakage: str) -> None:
    """What `jv check` passes, no command refuses; what a command refuses, `jv check` calls
    an error. No command crashes (a traceback fails the test)."""
    BREAKAGES[breakage](orkdal)
    verdicts = _every_command(run, orkdal)
    check_code, check_output = verdicts.pop("check")
    assert check_code in (0, 1, 2), check_output  # 2: pilot.yaml cannot be read at all
    failed = {name: output for name, (code, output) in verdicts.items() if code != 0}
    if check_code == 0:
        assert failed == {}, f"jv check passes, but {sorted(failed)} refuse"
    else:
        assert "feil " in check_output.splitlines()[-1] or "feil," in check_output
    for name, (code, output) in verdicts.items():
        assert code in (0, 1, 2), (name, output)
        assert "Traceback" not in output and "\x1b" not in output, name

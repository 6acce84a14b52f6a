"""The command: options, exit codes, output formats, and the rule table."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pilotkit import TODAY, Pilot, runner
from tests.clikit import run_jv

from jobbvinner_cli.check.engine import CheckOptions, run_check
from jobbvinner_cli.check.registry import RULES
from jobbvinner_cli.cli import app
from jobbvinner_cli.diagnostics import Severity
from jobbvinner_cli.formats import check_json

HP = "teams/froya/hovedplan.md"
REPO = Path(__file__).resolve().parents[2]


def check_in(pilot: Pilot, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = run_jv(["check", "--pilot", str(pilot.root), "--today", TODAY, *args], env=env)
    return result.exit_code, result.stdout


def _warning_and_error(pilot: Pilot) -> None:
    pilot.path(HP).write_bytes(b"\xef\xbb\xbf" + pilot.path(HP).read_bytes())  # JV103 warning
    pilot.edit("teams/hitra/hovedplan.md", "status: levert", "status: ferdig")  # JV115 error


def test_json_has_exactly_the_documented_shape(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    code, out = check_in(pilot, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"diagnostics", "summary"}
    assert set(data["summary"]) == {"errors", "warnings", "infos", "files"}
    assert data["summary"]["errors"] == 1 and data["summary"]["warnings"] == 1
    for d in data["diagnostics"]:
        assert set(d) == {
            "code", "severity", "path", "line", "column", "team", "document", "message"
        }  # fmt: skip
    assert data["diagnostics"][0] == {
        "code": "JV103",
        "severity": "warning",
        "path": HP,
        "line": 1,
        "column": None,
        "team": "froya",
        "document": "hovedplan",
        "message": data["diagnostics"][0]["message"],
    }


def test_exit_codes(pilot: Pilot) -> None:
    assert check_in(pilot, "-f", "json")[0] == 0
    pilot.path(HP).write_bytes(b"\xef\xbb\xbf" + pilot.path(HP).read_bytes())
    assert check_in(pilot, "-f", "json")[0] == 0  # warnings are allowed
    assert check_in(pilot, "-f", "json", "--strict")[0] == 1
    assert check_in(pilot, "-f", "json", "--strict", "--ignore", "JV103")[0] == 0
    assert check_in(pilot, "-f", "json", "--ignore", "JV999")[0] == 2
    assert check_in(pilot, "-f", "xml")[0] == 2
    assert run_jv(["check", "--pilot", str(pilot.root), "--today", "31.12.2018"]).exit_code == 2


def test_ignore_with_wildcard_and_commas(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    code, out = check_in(pilot, "-f", "json", "--ignore", "JV1*")
    assert code == 0 and json.loads(out)["diagnostics"] == []
    code, out = check_in(pilot, "-f", "json", "--ignore", "jv103,JV115")
    assert code == 0


def test_one_team_only(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    code, out = check_in(pilot, "-f", "json", "--team", "froya")
    data = json.loads(out)
    assert code == 0
    assert [d["code"] for d in data["diagnostics"]] == ["JV103"]
    assert data["summary"]["files"] == 8  # team.yaml and the seven documents
    assert check_in(pilot, "-f", "json", "--team", "bodo")[0] == 2
    assert check_in(pilot, "-f", "json", "--team", "../etc")[0] == 2


def test_text_output_groups_by_team_and_document_without_colour_when_piped(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    code, out = check_in(pilot, "--format", "text")
    assert code == 1
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == "Frøya (teams/froya)"
    assert lines[1] == f"  {HP}"
    assert lines[2].split()[:3] == ["1", "advarsel", "JV103"]
    assert "Hitra (teams/hitra)" in lines
    assert lines[-1] == "1 feil, 1 advarsel, 0 merknader i 36 filer."


def test_colours_follow_the_terminal_and_no_color(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    _, coloured = check_in(pilot, "-f", "text", env={"FORCE_COLOR": "1"})
    assert "\x1b[33m" in coloured and "\x1b[1;31m" in coloured
    _, plain = check_in(pilot, "-f", "text", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[33m" not in plain and "\x1b[1;31m" not in plain


def test_text_output_of_a_clean_pilot(pilot: Pilot) -> None:
    code, out = check_in(pilot, "--format", "text")
    assert (code, out.strip()) == (0, "Ingen funn i 36 filer.")


def test_github_annotations(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    code, out = check_in(pilot, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"::warning file={HP},line=1,title=JV103 bom::")
    assert lines[1].startswith("::error file=teams/hitra/hovedplan.md,line=")
    assert lines[-1] == "jv check: 1 feil, 1 advarsel, 0 merknader i 36 filer."


def test_auto_picks_github_under_github_actions(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    _, out = check_in(pilot, env={"GITHUB_ACTIONS": "true"})
    assert out.startswith("::warning ")
    _, out = check_in(pilot, env={"GITHUB_ACTIONS": "false"})
    assert out.startswith("Frøya (teams/froya)")


def test_github_paths_are_relative_to_the_workspace(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    _, out = check_in(pilot, "-f", "github", env={"GITHUB_WORKSPACE": str(pilot.root.parent)})
    assert out.startswith(f"::warning file=pilot/{HP},")


def test_junit_report(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    code, out = check_in(pilot, "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)
    assert root.get("tests") == "36" and root.get("failures") == "1"
    assert len(root.findall("testsuite")) == 36
    failures = root.findall(".//failure")
    assert [f.get("type") for f in failures] == ["JV115"]
    _, strict = check_in(pilot, "--format", "junit", "--strict")
    assert len(ET.fromstring(strict).findall(".//failure")) == 2


def test_parallel_and_serial_give_the_same_report(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    pilot.path("teams/skaun/statusrapport-2.md").unlink()
    import datetime as dt

    day = dt.date.fromisoformat(TODAY)
    serial = run_check(CheckOptions(pilot=pilot.root, today=day, jobs=1))
    parallel = run_check(CheckOptions(pilot=pilot.root, today=day, jobs=2))
    assert check_json.render(serial) == check_json.render(parallel)


def test_nothing_is_modified(pilot: Pilot) -> None:
    _warning_and_error(pilot)
    before = {
        p: (p.read_bytes(), p.stat().st_mtime_ns) for p in pilot.root.rglob("*") if p.is_file()
    }
    check_in(pilot, "-f", "json")
    check_in(pilot, "-f", "text")
    after = {
        p: (p.read_bytes(), p.stat().st_mtime_ns) for p in pilot.root.rglob("*") if p.is_file()
    }
    assert before == after


# --- the rule table ------------------------------------------------------------------------


def test_every_rule_is_complete() -> None:
    for code, rule in RULES.items():
        assert rule.code == code and code.startswith("JV") and len(code) == 5
        assert rule.summary and rule.explanation and rule.bad and rule.good and rule.name
        assert isinstance(rule.severity, Severity)
    assert len({r.name for r in RULES.values()}) == len(RULES)


def test_every_rule_in_the_code_is_in_the_table() -> None:
    import re

    source = "\n".join(
        p.read_text(encoding="utf-8") for p in (REPO / "src/jobbvinner_cli").rglob("*.py")
    )
    # a rule's name outside its definition («JV201 = Rule(») is a use of it
    used = set(re.findall(r"\b(JV\d{3})\b(?! = Rule\()", source))
    assert used <= set(RULES)
    assert set(RULES) - used == set()


def test_list_rules_and_explain() -> None:
    result = runner.invoke(app, ["check", "--list-rules"], catch_exceptions=False)
    assert result.exit_code == 0
    for code in RULES:
        assert code in result.stdout
    result = runner.invoke(app, ["check", "--explain", "jv205"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Feiler:" in result.stdout and "Består:" in result.stdout
    assert (
        runner.invoke(app, ["check", "--explain", "JV999"], catch_exceptions=False).exit_code == 2
    )
    data = json.loads(run_jv(["check", "--list-rules", "--format", "json"]).stdout)
    assert [r["code"] for r in data] == list(RULES)


def test_docs_rules_md_is_generated_from_the_table() -> None:
    result = runner.invoke(app, ["check", "--list-rules", "--format", "md"], catch_exceptions=False)
    assert result.exit_code == 0
    assert (REPO / "docs/rules.md").read_text(encoding="utf-8") == result.stdout, (
        "docs/rules.md is out of date: jv check --list-rules --format md > docs/rules.md"
    )


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_help_mentions_exit_codes_and_formats(fmt: str) -> None:
    result = runner.invoke(app, ["check", "--help"], catch_exceptions=False)
    assert "Exit-koder" in result.stdout and fmt in result.stdout

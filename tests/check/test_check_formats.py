"""SARIF and JUnit against their schemas, columns, --quiet and --output-file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from lxml import etree
from pilotkit import TODAY, Pilot
from tests.clikit import copy_example, run_jv

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
HP = "teams/froya/hovedplan.md"


def check_in(pilot: Pilot, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = run_jv(["check", "--pilot", str(pilot.root), "--today", TODAY, *args], env=env)
    return result.exit_code, result.stdout


def valid_sarif(text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    schema = json.loads((SCHEMAS / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    return log


def valid_junit(text: str) -> etree._Element:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))
    doc = etree.fromstring(text.encode("utf-8"))
    assert schema.validate(doc), schema.error_log
    return doc


def _findings(pilot: Pilot) -> None:
    pilot.path(HP).write_bytes(b"\xef\xbb\xbf" + pilot.path(HP).read_bytes())  # JV103 warning
    pilot.edit("teams/hitra/hovedplan.md", "status: levert", "status: ferdig")  # JV115 error
    # a phone number in the text: JV502 at a known column
    pilot.edit(HP, "## ", "Ring 912 34 567 i dag.\n\n## ")


def test_sarif_is_valid_and_complete(pilot: Pilot) -> None:
    _findings(pilot)
    code, out = check_in(pilot, "--format", "sarif")
    assert code == 1
    run = valid_sarif(out)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"JV103", "JV115", "JV502"} <= {r["id"] for r in rules}
    results = {r["ruleId"]: r for r in run["results"]}
    assert results["JV115"]["level"] == "error"
    assert results["JV103"]["level"] == "warning"
    phone = results["JV502"]["locations"][0]["physicalLocation"]
    assert phone["artifactLocation"]["uri"].endswith(HP)
    assert phone["region"] == {"startLine": pilot.line_of(HP, "Ring 912"), "startColumn": 6}
    assert rules[results["JV502"]["ruleIndex"]]["id"] == "JV502"
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_paths_follow_the_github_workspace(pilot: Pilot) -> None:
    _findings(pilot)
    _, out = check_in(pilot, "-f", "sarif", env={"GITHUB_WORKSPACE": str(pilot.root.parent)})
    run = valid_sarif(out)["runs"][0]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert f"{pilot.root.name}/{HP}" in uris
    assert (
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == pilot.root.parent.resolve().as_uri() + "/"
    )


def test_junit_is_valid_and_names_the_file_on_the_suite(pilot: Pilot) -> None:
    _findings(pilot)
    code, out = check_in(pilot, "--format", "junit")
    assert code == 1
    doc = valid_junit(out)
    suite = doc.find(f"testsuite[@file='{HP}']")
    assert suite is not None and suite.get("name") == HP
    assert doc.find(".//testcase[@file]") is None
    failure = doc.find(".//testsuite[@file='teams/hitra/hovedplan.md']/testcase/failure")
    assert failure is not None and failure.get("type") == "JV115"


def test_junit_carries_any_text_as_valid_xml(pilot: Pilot) -> None:
    # a control character and an unpaired surrogate escape in a value: XML 1.0 allows neither
    pilot.edit("teams/hitra/hovedplan.md", "status: levert", 'status: "lev\\x1bert\\uFFFE"')
    code, out = check_in(pilot, "--format", "junit")
    assert code == 1
    doc = valid_junit(out)
    text = "".join(doc.itertext())
    assert "lev\\x1bert\\ufffe" in text


@pytest.mark.parametrize(("fmt", "validate"), [("junit", valid_junit), ("sarif", valid_sarif)])
def test_a_report_is_written_when_the_check_cannot_run(
    tmp_path: Path, fmt: str, validate: Any
) -> None:
    out_file = tmp_path / f"jv.{fmt}"
    result = run_jv(["check", "--pilot", str(tmp_path), "-f", fmt, "-o", str(out_file)])
    assert result.exit_code == 2
    assert "Feil: Fant ingen pilot.yaml" in result.stderr
    text = out_file.read_text(encoding="utf-8")
    validate(text)
    assert "Fant ingen pilot.yaml" in text


@pytest.mark.parametrize(("fmt", "validate"), [("junit", valid_junit), ("sarif", valid_sarif)])
def test_a_report_is_written_when_pilot_yaml_is_broken(
    pilot: Pilot, fmt: str, validate: Any
) -> None:
    pilot.write("pilot.yaml", "navn: [uavsluttet\n")
    code, out = check_in(pilot, "-f", fmt)
    assert code == 2
    validate(out)
    assert "pilot.yaml kan ikke leses" in out


def test_columns_in_text_json_and_github(pilot: Pilot) -> None:
    _findings(pilot)
    line = pilot.line_of(HP, "Ring 912")
    _, text = check_in(pilot, "-f", "text")
    assert f"{line}:6  advarsel JV502" in text
    _, out = check_in(pilot, "-f", "json")
    phone = next(d for d in json.loads(out)["diagnostics"] if d["code"] == "JV502")
    assert (phone["line"], phone["column"]) == (line, 6)
    _, github = check_in(pilot, "-f", "github")
    assert f"file={HP},line={line},col=6," in github


@pytest.mark.parametrize(
    ("value", "code", "column"),
    [("[levert", "JV107", None), ("&a levert", "JV109", 9), ("!ny levert", "JV109", 9)],
)
def test_yaml_errors_carry_their_column(
    pilot: Pilot, value: str, code: str, column: int | None
) -> None:
    pilot.edit(HP, "status: levert", f"status: {value}")
    _, out = check_in(pilot, "-f", "json")
    broken = next(d for d in json.loads(out)["diagnostics"] if d["code"] == code)
    if column is None:  # where libyaml noticed it, after the value
        assert broken["line"] is not None and broken["column"] is not None
    else:
        assert (broken["line"], broken["column"]) == (pilot.line_of(HP, "status:"), column)


def test_quiet_shows_findings_only(pilot: Pilot) -> None:
    code, out = check_in(pilot, "-q")
    assert (code, out) == (0, "")
    _findings(pilot)
    code, out = check_in(pilot, "--quiet")
    assert code == 1
    assert "JV115" in out and "JV103" in out
    assert "i 36 filer" not in out and "feil," not in out
    _, github = check_in(pilot, "-q", "-f", "github")
    assert "jv check:" not in github


def test_output_file_is_written_instead_of_stdout(pilot: Pilot, tmp_path: Path) -> None:
    _findings(pilot)
    target = tmp_path / "ut" / "resultat.json"
    code, out = check_in(pilot, "-f", "json", "--output-file", str(target))
    assert (code, out) == (1, "")
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["errors"] == 1
    text_file = tmp_path / "resultat.txt"
    check_in(pilot, "--output-file", str(text_file), env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in text_file.read_text(encoding="utf-8")
    assert "JV115" in text_file.read_text(encoding="utf-8")


def test_output_file_in_a_folder_that_cannot_be_written(pilot: Pilot, tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    result = run_jv(["check", "--pilot", str(pilot.root), "-o", str(blocker / "ut.json")])
    assert result.exit_code == 1
    assert "Klarte ikke å skrive resultatet til" in result.stderr


@pytest.mark.parametrize("bad", [["--today", "i morgen"], ["--ignore", "JV999"], ["--team", "nei"]])
def test_a_report_is_written_for_a_bad_option_value(
    pilot: Pilot, tmp_path: Path, bad: list[str]
) -> None:
    out_file = tmp_path / "jv.xml"
    result = run_jv(["check", "--pilot", str(pilot.root), "-f", "junit", "-o", str(out_file), *bad])
    assert result.exit_code == 2
    message = result.stderr.removeprefix("Feil: ").strip()
    doc = valid_junit(out_file.read_text(encoding="utf-8"))
    error = doc.find(".//testcase/error")
    assert error is not None and error.text == message


@pytest.mark.parametrize(("fmt", "validate"), [("junit", valid_junit), ("sarif", valid_sarif)])
def test_the_example_pilot_gives_valid_reports(tmp_path: Path, fmt: str, validate: Any) -> None:
    root = copy_example(tmp_path / "pilot")
    result = run_jv(["check", "--pilot", str(root), "--today", TODAY, "-f", fmt])
    assert result.exit_code == 0, result.output
    validate(result.stdout)


def test_a_wrong_value_in_front_matter_or_yaml_carries_its_column(pilot: Pilot) -> None:
    pilot.edit("teams/hitra/hovedplan.md", "status: levert", "status:   ferdig  # nei")
    pilot.edit(HP, "levert: ", "levert: 31.12.")
    _, out = check_in(pilot, "-f", "json")
    found = {(d["code"], d["path"]): d for d in json.loads(out)["diagnostics"]}
    status = found[("JV115", "teams/hitra/hovedplan.md")]
    assert (status["line"], status["column"]) == (
        pilot.line_of("teams/hitra/hovedplan.md", "status:"),
        len("status:   ") + 1,
    )
    levert = found[("JV114", HP)]
    assert levert["column"] == len("levert: ") + 1
    # a key that is missing has a line but no column
    pilot.edit("teams/hitra/hovedplan.md", "team: hitra\n", "")
    _, out = check_in(pilot, "-f", "json")
    missing = next(
        d
        for d in json.loads(out)["diagnostics"]
        if d["code"] == "JV112" and d["path"] == "teams/hitra/hovedplan.md"
    )
    assert missing["line"] is not None and missing["column"] is None

"""`jv check --format junit`: one test case per file, failing on errors (and warnings if strict)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from jobbvinner_cli.diagnostics import Severity

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult
    from jobbvinner_cli.diagnostics import Diagnostic


def _plain(d: Diagnostic) -> str:
    where = f"{d.path}:{d.line}" if d.line else d.path
    return f"{where}: {d.severity.label} {d.code}: {d.message}"


def render(report: CheckResult, strict: bool = False) -> str:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    by_path: dict[str, list[Diagnostic]] = {}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    paths = list(dict.fromkeys([*report.files, *by_path]))
    failures = sum(1 for p in paths if any(d.severity in failing for d in by_path.get(p, [])))
    suites = ET.Element(
        "testsuites", name="jv check", tests=str(len(paths)), failures=str(failures)
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="jv check",
        tests=str(len(paths)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    for path in paths:
        items = by_path.get(path, [])
        team = next((d.team for d in items if d.team), None)
        if team is None and path.startswith("teams/"):
            team = path.split("/")[1]
        case = ET.SubElement(
            suite, "testcase", classname=f"teams.{team}" if team else "pilot", name=path, file=path
        )
        bad = [d for d in items if d.severity in failing]
        if bad:
            failure = ET.SubElement(
                case,
                "failure",
                type=bad[0].code,
                message=f"{len(bad)} funn: {bad[0].message}",
            )
            failure.text = "\n".join(_plain(d) for d in bad)
        rest = [d for d in items if d.severity not in failing]
        if rest:
            ET.SubElement(case, "system-out").text = "\n".join(_plain(d) for d in rest)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")

"""`jv check --format junit`: a test suite per file, failing on errors (and warnings if strict).

The report is valid against the common JUnit schema (Jenkins' junit-10.xsd, which
GitLab, Jenkins and most test-report viewers read; tests/schemas/junit-10.xsd): the
file's path goes on ``testsuite`` (``file`` is not allowed on ``testcase``), and
characters XML 1.0 forbids are written as ``\\xNN`` so that any file's text gives a
well-formed report. When the check cannot run (no pilot, pilot.yaml unreadable) the
report says so with an ``error`` instead of coming out empty.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from jobbvinner_cli.diagnostics import Severity

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult
    from jobbvinner_cli.diagnostics import Diagnostic

SUITES = "jv check"

# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except
# surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text that XML 1.0 can carry: forbidden characters written as \\xNN (or \\uNNNN)."""
    return _NOT_XML.sub(
        lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text
    )


def _plain(d: Diagnostic) -> str:
    where = d.path
    if d.line:
        where += f":{d.line}"
        if d.column:
            where += f":{d.column}"
    return f"{where}: {d.severity.label} {d.code}: {d.message}"


def _element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _document(suites: ET.Element) -> str:
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def render(report: CheckResult, strict: bool = False) -> str:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    by_path: dict[str, list[Diagnostic]] = {}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    paths = list(dict.fromkeys([*report.files, *by_path]))
    failures = sum(1 for p in paths if any(d.severity in failing for d in by_path.get(p, [])))
    errors = 1 if report.fatal else 0
    suites = ET.Element(
        "testsuites",
        name=SUITES,
        tests=str(len(paths) + errors),
        failures=str(failures),
        errors=str(errors),
    )
    for path in paths:
        items = by_path.get(path, [])
        bad = [d for d in items if d.severity in failing]
        suite = _element(
            suites,
            "testsuite",
            name=path,
            file=path,
            tests="1",
            failures="1" if bad else "0",
            errors="0",
            skipped="0",
        )
        team = next((d.team for d in items if d.team), None)
        if team is None and path.startswith("teams/"):
            team = path.split("/")[1]
        case = _element(
            suite, "testcase", classname=f"teams.{team}" if team else "pilot", name=path
        )
        if bad:
            _element(
                case,
                "failure",
                "\n".join(_plain(d) for d in bad),
                type=bad[0].code,
                message=f"{len(bad)} funn: {bad[0].message}",
            )
        rest = [d for d in items if d.severity not in failing]
        if rest:
            _element(case, "system-out", "\n".join(_plain(d) for d in rest))
    if report.fatal:
        _error_suite(suites, "pilot.yaml kan ikke leses, så resten av piloten er ikke sjekket.")
    return _document(suites)


def _error_suite(suites: ET.Element, message: str) -> None:
    suite = _element(
        suites, "testsuite", name=SUITES, tests="1", failures="0", errors="1", skipped="0"
    )
    case = _element(suite, "testcase", classname="pilot", name="jv check kunne ikke kjøres")
    _element(case, "error", message, type="jv", message=message)


def render_error(message: str) -> str:
    """The report when the check could not run at all: one test case in error."""
    suites = ET.Element("testsuites", name=SUITES, tests="1", failures="0", errors="1")
    _error_suite(suites, message)
    return _document(suites)

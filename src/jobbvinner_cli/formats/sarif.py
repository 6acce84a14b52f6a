"""`jv check --format sarif`: SARIF 2.1.0, the format GitHub code scanning uploads.

One run of the tool «jv» with every rule (code, name, summary, explanation and the
severity it has by default) and one result per finding, located in the file by its
path relative to the pilot (``%SRCROOT%``), with the line and column where known.
A check that could not run is a run with ``executionSuccessful: false`` and the
reason as a notification, so an upload step still gets a valid file.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from jobbvinner_cli.diagnostics import Severity

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult
    from jobbvinner_cli.diagnostics import Diagnostic

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _driver() -> dict[str, Any]:
    from jobbvinner_cli import __version__
    from jobbvinner_cli.check.registry import RULES

    return {
        "name": "jv",
        "fullName": "jv check (Jobbvinner)",
        "version": __version__,
        "semanticVersion": __version__,
        "language": "nb-NO",
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.explanation},
                "help": {
                    "text": f"{rule.explanation}\n\nFeil:\n{rule.bad}\n\nRiktig:\n{rule.good}",
                },
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": {"tags": [rule.family]},
            }
            for rule in RULES.values()
        ],
    }


def _result(d: Diagnostic, index: dict[str, int], prefix: str) -> dict[str, Any]:
    location: dict[str, Any] = {
        "artifactLocation": {"uri": prefix + d.path, "uriBaseId": "%SRCROOT%"}
    }
    if d.line:
        region: dict[str, int] = {"startLine": d.line}
        if d.column:
            region["startColumn"] = d.column
        location["region"] = region
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": location}],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    if d.team:
        result["properties"] = {"team": d.team, "document": d.document}
    return result


def _log(run: dict[str, Any]) -> str:
    return json.dumps(
        {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2
    )


def render(report: CheckResult) -> str:
    from jobbvinner_cli.formats.github import workspace_prefix

    # Code scanning places a result by its path in the repository: under GitHub Actions
    # the paths start at the checkout (GITHUB_WORKSPACE), as the annotations' do.
    prefix = workspace_prefix(report.root)
    base = report.root.resolve()
    for _ in prefix.strip("/").split("/") if prefix else ():
        base = base.parent
    driver = _driver()
    index = {rule["id"]: i for i, rule in enumerate(driver["rules"])}
    invocation: dict[str, Any] = {"executionSuccessful": not report.fatal}
    if report.fatal:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {
                    "text": "pilot.yaml kan ikke leses, så resten av piloten er ikke sjekket."
                },
            }
        ]
    return _log(
        {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",  # jv counts characters, not UTF-16 units
            "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri().rstrip("/") + "/"}},
            "artifacts": [
                {"location": {"uri": prefix + path, "uriBaseId": "%SRCROOT%"}}
                for path in report.files
            ],
            "invocations": [invocation],
            "results": [_result(d, index, prefix) for d in report.diagnostics],
        }
    )


def render_error(message: str) -> str:
    """The log when the check could not run at all."""
    return _log(
        {
            "tool": {"driver": _driver()},
            "invocations": [
                {
                    "executionSuccessful": False,
                    "toolExecutionNotifications": [
                        {"level": "error", "message": {"text": message}}
                    ],
                }
            ],
            "results": [],
        }
    )

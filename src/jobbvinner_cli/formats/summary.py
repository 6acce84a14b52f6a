"""The counts of a check, as numbers (JSON) and as a Norwegian sentence (text, GitHub)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobbvinner_cli.diagnostics import Severity
from jobbvinner_cli.words import plural

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult


def summary(report: CheckResult) -> dict[str, int]:
    return {
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "infos": report.count(Severity.INFO),
        "files": len(report.files),
    }


def summary_line(report: CheckResult) -> str:
    s = summary(report)
    return (
        f"{plural(s['errors'], 'feil', 'feil')}, "
        f"{plural(s['warnings'], 'advarsel', 'advarsler')}, "
        f"{plural(s['infos'], 'merknad', 'merknader')} i "
        f"{plural(s['files'], 'fil', 'filer')}."
    )

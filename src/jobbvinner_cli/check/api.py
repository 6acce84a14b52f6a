"""What other commands use of the check (`jv build-report` refuses to build on errors)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jobbvinner_cli.check.engine import CheckOptions, run_check
from jobbvinner_cli.check.rules import Severity


def errors_for_build(root: Path, today: dt.date) -> list[str]:
    """The errors `jv check` finds in the pilot at ``root``, as «file:line: CODE message»."""
    report = run_check(CheckOptions(pilot=root, today=today))
    return [
        f"{d.path}:{d.line}: {d.code} {d.message}" if d.line else f"{d.path}: {d.code} {d.message}"
        for d in report.diagnostics
        if d.severity is Severity.ERROR
    ]

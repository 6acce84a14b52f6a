"""`jv check --format json`: the diagnostics and the counts as one JSON object."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from jobbvinner_cli.formats.summary import summary

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult


def render(report: CheckResult) -> str:
    return json.dumps(
        {
            "diagnostics": [d.as_json() for d in report.diagnostics],
            "summary": summary(report),
        },
        ensure_ascii=False,
        indent=2,
    )

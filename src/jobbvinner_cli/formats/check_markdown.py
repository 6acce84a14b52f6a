"""`jv check --format md`: every finding as a Markdown table, for GitHub's job summary.

GitHub shows at most 10 annotations of each kind per step; the summary shows them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobbvinner_cli.check.registry import RULES
from jobbvinner_cli.formats.summary import summary_line

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult


def _cell(text: str) -> str:
    """Text that stays inside its table cell."""
    return (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace("\r", " ")
        .replace("\n", " ")
    )


def render(report: CheckResult) -> str:
    out = ["## jv check", "", summary_line(report), ""]
    if report.diagnostics:
        out += ["| Alvor | Fil | Linje | Regel | Melding |", "|---|---|---|---|---|"]
        for d in report.diagnostics:
            rule = f"{d.code} {RULES[d.code].name}"
            line = str(d.line) if d.line else ""
            cells = [d.severity.label, _cell(d.path), line, rule, _cell(d.message)]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)

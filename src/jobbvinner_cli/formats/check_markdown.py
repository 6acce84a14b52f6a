"""`jv check --format md`: every finding as a Markdown table, for GitHub's job summary.

GitHub shows at most 10 annotations of each kind per step; the summary shows them all, up
to the 1 MiB GitHub takes from a step's summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobbvinner_cli.check.registry import RULES
from jobbvinner_cli.formats.summary import summary_line
from jobbvinner_cli.words import plural

# GitHub refuses a step summary over 1 MiB; the table stops well before that
MAX_CHARS = 900_000

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
        size = 0
        for shown, d in enumerate(report.diagnostics):
            rule = f"{d.code} {RULES[d.code].name}"
            line = str(d.line) if d.line else ""
            cells = [d.severity.label, _cell(d.path), line, rule, _cell(d.message)]
            row = "| " + " | ".join(cells) + " |"
            size += len(row.encode("utf-8")) + 1
            if size > MAX_CHARS:
                left = len(report.diagnostics) - shown
                out += ["", f"… og {plural(left, 'funn', 'funn')} til: kjør «jv check» for alle."]
                break
            out.append(row)
        out.append("")
    return "\n".join(out)

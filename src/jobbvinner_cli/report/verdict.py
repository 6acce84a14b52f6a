"""What keeps the final report from being built, and what only goes in the build's summary.

The report is blocked by what would make it wrong: a file that cannot be read (its hours,
goals or results would be missing), an error in a document or file the report takes text
from (pilot.yaml, team.yaml, the hovedplan, the sluttrapport, the prosjektplan, the
chapters), and a chapter or appended plan still holding only its prompt. Deadline history
(late or missing deliveries) and errors inside documents the report does not print (a
fremdriftsplan's table, a statusrapport's sections) are listed, not refused: at the end of
a pilot nobody can change them any more.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jobbvinner_cli.check.deadlines import FAMILY as DEADLINES
from jobbvinner_cli.check.engine import CheckResult
from jobbvinner_cli.check.finalreport import REPORT_BLOCKERS
from jobbvinner_cli.check.registry import RULES
from jobbvinner_cli.diagnostics import Diagnostic, Severity
from jobbvinner_cli.layout import TEAMS_DIR
from jobbvinner_cli.pipeline.problems import FAMILY as FILES

# the team documents whose text the report prints (effektmål, tiltak, resultater …)
REPORT_SOURCES = frozenset({"hovedplan", "sluttrapport"})


@dataclass
class Verdict:
    blocking: list[Diagnostic] = field(default_factory=list)
    history: list[Diagnostic] = field(default_factory=list)  # late and missing deliveries
    unused: list[Diagnostic] = field(default_factory=list)  # errors the report does not print


def _team_document_type(result: CheckResult, path: str) -> str | None:
    """The type of a team document at ``path`` (teams/<team>/<type>[-N].md), else None."""
    parts = path.split("/")
    if len(parts) != 3 or parts[0] != TEAMS_DIR or not parts[2].endswith(".md"):
        return None
    stem = parts[2][:-3]
    doctypes = result.ctx.doctypes if result.ctx is not None else {}
    if stem in doctypes:
        return stem
    base, _, number = stem.rpartition("-")
    return base if number.isdigit() and base in doctypes else None


def verdict(result: CheckResult) -> Verdict:
    out = Verdict()
    for d in result.diagnostics:
        family = RULES[d.code].family
        if family == DEADLINES:
            if d.severity in (Severity.ERROR, Severity.WARNING):
                out.history.append(d)
        elif d.code in REPORT_BLOCKERS:
            out.blocking.append(d)
        elif d.severity is Severity.ERROR:
            kind = _team_document_type(result, d.path)
            printed = kind is None or kind in REPORT_SOURCES
            (out.blocking if family == FILES or printed else out.unused).append(d)
    return out

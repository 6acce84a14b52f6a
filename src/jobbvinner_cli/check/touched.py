"""Overdue deadlines in a pull request: errors for the teams it changes, warnings for the rest.

A pull request that fixes a typo in one team's plan should not be blocked because another
team is late; the weekly run and pushes to main still report every overdue document as
an error. A change to pilot.yaml or to the document types can move every deadline, so it
touches every team.
"""

from __future__ import annotations

from pathlib import Path

from jobbvinner_cli.check.gitdates import changed_since
from jobbvinner_cli.diagnostics import Diagnostic, Severity
from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.layout import PILOT_FILE, TEAMS_DIR, TEMPLATES_DIR, TYPES_DIR

OVERDUE = frozenset({"JV301", "JV302"})
NOTE = " Bare en advarsel her: endringene rører ikke dette teamet."


def touched_teams(paths: list[str]) -> set[str] | None:
    """The team slugs the changed paths belong to; None for «every team»."""
    teams: set[str] = set()
    for path in paths:
        if path == PILOT_FILE or path.startswith(f"{TEMPLATES_DIR}/{TYPES_DIR}/"):
            return None
        parts = path.split("/")
        if len(parts) > 2 and parts[0] == TEAMS_DIR:
            teams.add(parts[1])
    return teams


def relax_untouched(diagnostics: list[Diagnostic], touched: set[str] | None) -> list[Diagnostic]:
    if touched is None:
        return diagnostics
    return [
        d._replace(severity=Severity.WARNING, message=d.message + NOTE)
        if d.code in OVERDUE and d.severity is Severity.ERROR and d.team not in touched
        else d
        for d in diagnostics
    ]


def relax_since(root: Path, ref: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`jv check --endret-siden REF`."""
    paths = changed_since(root, ref)
    if paths is None:
        raise UsageError(
            f"--endret-siden {ref}: git finner ikke «{ref}», eller piloten er ikke i et git-repo. "
            "Oppgi en gren eller commit som finnes, for eksempel origin/main (i GitHub Actions "
            "trengs fetch-depth: 0 i actions/checkout)."
        )
    return relax_untouched(diagnostics, touched_teams(paths))

"""The teams that did not deliver a sluttrapport, named in the report under the results."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jobbvinner_cli.dates import format_date
from jobbvinner_cli.report.inputs import ReportInput, TeamData

Part = Callable[[ReportInput, Path], str]


def _why(t: TeamData) -> str:
    doc = t.docs.get("sluttrapport")
    if t.team.withdrawn:
        when = t.team.trukket
        if when is not None:
            reason = f": {when.grunn.rstrip('.')}" if when.grunn else ""
            return f"trakk seg {format_date(when.dato)}{reason}"
        return "trakk seg"
    return "ikke levert" if doc is not None else "ikke skrevet"


def not_delivered(data: ReportInput) -> str:
    """A sentence naming each team without a delivered sluttrapport, and why."""
    if "sluttrapport" not in data.doctypes or not data.teams:
        return ""
    missing = [
        t for t in data.teams if (doc := t.docs.get("sluttrapport")) is None or not doc.delivered
    ]
    if not missing:
        return f"Alle de {len(data.teams)} teamene leverte sluttrapport."
    names = "; ".join(f"{t.team.kommune} ({_why(t)})" for t in missing)
    verb = "Dette teamet" if len(missing) == 1 else f"Disse {len(missing)} teamene"
    return f"{verb} leverte ikke sluttrapport: {names}."


def with_not_delivered(part: Part) -> Part:
    """``part`` followed by the sentence on the teams that did not deliver."""

    def made(data: ReportInput, workdir: Path) -> str:
        text = part(data, workdir)
        note = not_delivered(data)
        return f"{text}\n\n{note}" if text and note else text or note

    return made

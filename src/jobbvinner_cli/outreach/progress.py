"""`jv progress-report`: a pilot-level report along the way, from the register on a day.

For a pilot run by a plan of goals and measures: the yearly report to Helsedirektoratet,
the half-yearly one to the steering group. It lists the measures started, under way and
done, the results since the last report (per goal) and the events in the period, and
leaves the assessment for the project leader to write.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.dates import format_date
from jobbvinner_cli.errors import JvError, UsageError
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.register import Measure, Register, state_on
from jobbvinner_cli.report.tables import pipe_table

FOLDER = "rapporter"
_NAME = re.compile(r"^underveisrapport-(\d{4}-\d{2}-\d{2})\.md$")
GUIDANCE = (
    "> **Veiledning:** Hvordan går arbeidet mot målene? Hva har vært vanskelig, hva er "
    "endret, og hva er planen for neste periode? Erstatt veiledningen med egen tekst."
)


@dataclass(frozen=True)
class ProgressReport:
    path: Path
    text: str
    since: dt.date | None


def default_path(root: Path, day: dt.date) -> Path:
    return root / FOLDER / f"underveisrapport-{day.isoformat()}.md"


def previous_report(root: Path, day: dt.date) -> dt.date | None:
    """The date of the latest earlier report in rapporter/, if any."""
    folder = root / FOLDER
    if not folder.is_dir():
        return None
    dates = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            when = dt.date.fromisoformat(match.group(1))
            if when < day:
                dates.append(when)
    return max(dates, default=None)


def _measure_rows(measures: list[Measure]) -> list[list[str]]:
    return [
        [
            f"{m.id}. {m.navn}",
            ", ".join(m.mål),
            ", ".join(m.kommuner),
            format_date(m.start) if m.start else "",
        ]
        for m in measures
    ]


def progress_text(
    pilot: Pilot, register: Register, day: dt.date, since: dt.date | None, recipient: str
) -> str:
    state = state_on(register, day, since)
    period = (
        f"fra {format_date(since)} til {format_date(day)}" if since else f"til {format_date(day)}"
    )
    lines = [f"# Underveisrapport: {pilot.navn}", ""]
    head = f"Rapport {period}" + (f", til {recipient}" if recipient else "") + "."
    lines += [head, "", f"Hovedmål: {' '.join(register.hovedmål.split())}", ""]
    started = [
        m for m in state.started if since is None or (m.start is not None and m.start > since)
    ]
    headers = ["Tiltak", "Mål", "Kommuner", "Startet"]
    for title, measures in (
        ("Tiltak startet i perioden", started),
        ("Tiltak som pågår", state.ongoing),
        ("Tiltak gjennomført", state.done),
    ):
        lines += [f"## {title}", ""]
        lines += [pipe_table(headers, _measure_rows(measures)) if measures else "Ingen.", ""]
    lines += ["## Resultater i perioden", ""]
    if not state.new_results:
        lines += ["Ingen nye resultater er registrert i tiltaksplan.yaml i perioden.", ""]
    for goal, _ in register.goals():
        found = [(m, r) for m, r in state.new_results if goal.id in (r.mål or m.mål)]
        if not found:
            continue
        lines += [f"### {goal.id}: {' '.join(goal.tekst.split())}", ""]
        lines += [
            f"- {' '.join(r.tekst.split())} (tiltak {m.id}, {format_date(r.dato)})"
            for m, r in found
            if r.dato is not None
        ]
        lines.append("")
    events = [e for e in pilot.hendelser if e.dato <= day and (since is None or e.dato > since)]
    lines += ["## Hendelser i perioden", ""]
    lines += [
        f"- {format_date(e.dato)}: {e.label}" + (f", {e.sted}" if e.sted else "")
        for e in sorted(events, key=lambda e: e.dato)
    ] or ["Ingen."]
    lines += ["", "## Vurdering og veien videre", "", GUIDANCE, ""]
    return "\n".join(lines)


def make_progress_report(
    root: Path,
    pilot: Pilot,
    register: Register | None,
    day: dt.date,
    since: dt.date | None,
    recipient: str,
    output: Path | None,
) -> ProgressReport:
    if register is None:
        raise JvError(
            "Piloten har ingen tiltaksplan.yaml, så det er ingen tiltak å rapportere. "
            "Underveisrapporten er for piloter med «metode: tiltaksplan»."
        )
    if since is not None and since >= day:
        raise UsageError(
            f"Rapporten kan ikke gjelde fra {format_date(since)}, som er etter {format_date(day)}."
        )
    since = since or previous_report(root, day) or pilot.periode.fra
    path = output or default_path(root, day)
    return ProgressReport(path, progress_text(pilot, register, day, since, recipient), since)

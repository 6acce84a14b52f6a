"""Building the final report (and single team documents) from a pilot repository."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jobbvinner_cli.dates import format_date
from jobbvinner_cli.diagnostics import Diagnostic, Severity
from jobbvinner_cli.errors import ConfigError, Hint, JvError, UsageError
from jobbvinner_cli.gcpause import without_cycle_collection
from jobbvinner_cli.layout import PILOT_FILE
from jobbvinner_cli.textio import build_folder
from jobbvinner_cli.words import plural

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult

FORMATS = ("pdf", "docx", "html")
Progress = Callable[[str], None]


def format_for(output: Path | None, fmt: str | None) -> str:
    if fmt is not None:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise UsageError(f"Ukjent format «{fmt}». Velg pdf, docx eller html.")
        return fmt
    if output is not None and output.suffix.lower().lstrip(".") in FORMATS:
        return output.suffix.lower().lstrip(".")
    if output is not None and output.suffix:
        raise UsageError(
            f"Kjenner ikke filtypen «{output.suffix}». Bruk .pdf, .docx eller .html.",
            hint=Hint.NAME_FORMAT,
        )
    return "pdf"


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class Built(NamedTuple):
    path: Path
    pages: int | None
    format: str
    warnings: list[str]


# The report reads the pilot's own documents and the teams' sluttrapporter; keeping the
# text of every other document (and copying it back from a worker process) costs about a
# second at 400 teams.
REPORT_KEEPS = frozenset({"sluttrapport"})


def _checked(
    pilot: Path | None,
    today: dt.date,
    team: str | None = None,
    keep: bool | frozenset[str] = True,
) -> CheckResult:
    """The check of the pilot, keeping the documents the caller reads (``keep``: see
    CheckOptions.keep_documents)."""
    from jobbvinner_cli.check.engine import CheckOptions, run_check

    result = run_check(CheckOptions(pilot=pilot, today=today, team=team, keep_documents=keep))
    if result.fatal or result.ctx is None or result.ctx.pilot is None:
        problems = [
            (d.line, f"{d.code} {d.message}")
            for d in result.diagnostics
            if d.path == PILOT_FILE and d.severity is Severity.ERROR
        ]
        raise ConfigError(PILOT_FILE, problems or [(None, "pilot.yaml kan ikke brukes.")])
    return result


def _located(d: Diagnostic) -> str:
    where = f"{d.path}:{d.line}" if d.line else d.path
    return f"{where}: {d.code} {d.message}"


def _problems(count: int) -> str:
    return plural(count, "problem", "problemer")


def _listed(warnings: list[str], title: str, found: list[Diagnostic], limit: int = 30) -> None:
    if not found:
        return
    warnings.append(title)
    warnings += [f"  {_located(d)}" for d in found[:limit]]
    if len(found) > limit:
        warnings.append(f"  … og {len(found) - limit} til (se jv check)")


@without_cycle_collection()  # the checked documents stay alive for the assembly
def build_report(
    pilot: Path | None,
    output: Path,
    fmt: str,
    *,
    draft: bool,
    include_team_reports: bool,
    today: dt.date,
    progress: Progress,
    timeout: float = 120.0,
    pdf_standard: str | None = "a-2b",
) -> Built:
    from jobbvinner_cli.render import ReportMeta, SourceSpan, render
    from jobbvinner_cli.report.assemble import Assembler
    from jobbvinner_cli.report.inputs import ReportInput
    from jobbvinner_cli.report.verdict import verdict

    progress("sjekker")
    result = _checked(pilot, today, keep=REPORT_KEEPS)
    found = verdict(result)
    blocking = found.blocking
    if blocking and not draft:
        shown = "\n".join(f"  {_located(d)}" for d in blocking[:50])
        more = f"\n  … og {len(blocking) - 50} til" if len(blocking) > 50 else ""
        raise JvError(
            f"jv check fant {_problems(len(blocking))} som gjør rapporten feil, så den bygges "
            f"ikke:\n{shown}{more}",
            hint=Hint.BUILD_DRAFT,
        )
    data = ReportInput.from_check(result, today)
    data.chart_format = fmt
    # a draft is built anyway, but never silently over what the check found
    _listed(
        data.warnings,
        f"Utkast: jv check fant {_problems(len(blocking))} som gjør rapporten feil; utkastet "
        "er bygd likevel, og det som ikke kunne leses, er ikke med:",
        blocking,
        20,
    )
    _listed(
        data.warnings,
        f"Leveranser som mangler eller kom for sent ({len(found.history)}; de stopper ikke "
        "bygget, se jv status):",
        found.history,
    )
    _listed(
        data.warnings,
        f"Feil i dokumenter som ikke skrives ut i rapporten ({len(found.unused)}; de stopper "
        "ikke bygget, se jv check):",
        found.unused,
    )
    # what the report's tables cannot show is said, not dropped in silence (JV211)
    data.warnings += [_located(d) for d in result.diagnostics if d.code == "JV211"]
    workdir = build_folder("bygg")
    try:
        assembler = Assembler(data, workdir, include_team_reports=include_team_reports)
        progress("figurer")
        assembled = assembler.assemble()
        meta = ReportMeta(
            title=data.pilot.navn,
            subtitle="Sluttrapport",
            region=data.pilot.region,
            period=assembled.period,
            municipalities=assembled.municipalities,
            project_leader=data.pilot.prosjektleder.navn,
            date_text=format_date(today),
            draft=draft,
        )
        spans = [
            SourceSpan(s.start_line, s.end_line, s.path, s.source_start_line)
            for s in assembled.spans
        ]
        rendered = render(
            assembled.markdown,
            meta,
            output,
            fmt,  # type: ignore[arg-type]
            workdir=workdir,
            spans=spans,
            timeout=timeout,
            progress=progress,
            pdf_standard=pdf_standard,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return Built(rendered.path, rendered.pages, fmt, assembled.warnings)

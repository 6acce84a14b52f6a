"""Building the final report (and single team documents) from a pilot repository."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jobbvinner_cli.dates import format_date
from jobbvinner_cli.diagnostics import Diagnostic, Severity
from jobbvinner_cli.errors import ConfigError, Hint, JvError, UsageError
from jobbvinner_cli.layout import PILOT_FILE, TEAMS_DIR
from jobbvinner_cli.report.tables import pipe_table
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


@dataclass(frozen=True)
class Built:
    path: Path
    pages: int | None
    format: str
    warnings: list[str]


def _checked(pilot: Path | None, today: dt.date, team: str | None = None) -> CheckResult:
    """The check of the pilot, keeping the documents it read for the build."""
    from jobbvinner_cli.check.engine import CheckOptions, run_check

    result = run_check(CheckOptions(pilot=pilot, today=today, team=team, keep_documents=True))
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
    result = _checked(pilot, today)
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
    workdir = Path(tempfile.mkdtemp(prefix="jv-bygg-"))
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


def export_document(
    pilot: Path | None,
    type_name: str,
    team: str | None,
    nr: int | None,
    output: Path,
    fmt: str,
    *,
    progress: Progress,
    timeout: float = 60.0,
) -> Built:
    """One document (a team's, or the pilot's prosjektplan) as DOCX or PDF, with its header
    fields as a table on top. Refused when the check cannot read the file or its fields."""
    from jobbvinner_cli.check.registry import RULES
    from jobbvinner_cli.pipeline.problems import FAMILY as FILE_FAMILY
    from jobbvinner_cli.render import ReportMeta, SourceSpan, render
    from jobbvinner_cli.report.images import Images

    progress("sjekker")
    result = _checked(pilot, dt.date.today(), team)
    ctx = result.ctx
    assert ctx is not None and ctx.pilot is not None
    doctype = ctx.doctypes.get(type_name)
    if doctype is None:
        raise UsageError(
            f"Ukjent dokumenttype «{type_name}». Kjente typer: {', '.join(ctx.doctypes)}."
        )
    if doctype.scope == "team" and team is None:
        raise UsageError(f"{doctype.title} hører til et team.", hint=Hint.NAME_TEAM)
    if doctype.scope == "pilot" and team is not None:
        raise UsageError(
            f"{doctype.title} gjelder hele piloten, ikke et team.", hint=Hint.DROP_TEAM
        )
    if doctype.numbered and nr is None:
        raise UsageError(f"{doctype.title} har nummer.", hint=Hint.NAME_NR)
    if not doctype.numbered and nr is not None:
        raise UsageError(f"{doctype.title} har ikke nummer.", hint=Hint.DROP_NR)
    doc_id = doctype.doc_id(nr)
    doc = (
        result.facts.get(team, {}).get(doc_id)
        if doctype.scope == "team" and team is not None
        else result.pilot_documents.get(doc_id)
    )
    display = (
        f"{TEAMS_DIR}/{team}/{doctype.filename(nr)}"
        if doctype.scope == "team"
        else (doctype.filename(nr))
    )
    # what keeps the check from reading the file or its fields keeps export from it too
    places = {display, f"{TEAMS_DIR}/{team}", TEAMS_DIR}
    refused = [
        _located(d)
        for d in result.diagnostics
        if d.path in places and d.severity is Severity.ERROR and RULES[d.code].family == FILE_FAMILY
    ]
    if refused:
        raise JvError(
            "Dokumentet kan ikke eksporteres før feilene er rettet:\n"
            + "\n".join(f"  {e}" for e in refused)
        )
    if doc is None or doc.body is None:
        raise UsageError(
            f"Dokumentet finnes ikke. Lag det med «jv scaffold {type_name}».",
            path=display,
        )
    pilot_model = ctx.pilot
    info = ctx.teams.get(team) if team is not None else None
    kommune = doc.text_field("kommune") or (
        info.team.kommune if info is not None and info.team is not None else pilot_model.navn
    )
    title = f"{doctype.display_title(nr)} – {kommune}" if team else doctype.display_title(nr)
    rows = [["Deltakende team", kommune]]
    for label, key in (
        ("Gruppeleder", "gruppeleder"),
        ("Effektmål", "effektmål"),
        ("Resultatmål", "resultatmål"),
    ):
        if doc.text_field(key):
            rows.append([label, doc.text_field(key)])
    period = doc.periode
    if period is not None and period.fra and period.til:
        rows.append(["Periode", f"{format_date(period.fra)} – {format_date(period.til)}"])
    if doc.levert:
        rows.append(["Levert", format_date(doc.levert)])
    progress("leser")
    body = doc.body
    start = body.title_end()
    raw = body.clean(start, len(body.lines))
    text = raw.lstrip("\n")
    first_line = body.line(start) + len(raw) - len(text)  # each blank line dropped is one "\n"
    text = text.rstrip("\n")
    header = pipe_table(["Felt", "Verdi"], rows)
    workdir = Path(tempfile.mkdtemp(prefix="jv-eksport-"))
    try:
        text = Images(result.root, workdir).rewrite(text, display, first_line)
        markdown = f"{header}\n\n{text}\n"
        meta = ReportMeta(
            title=title,
            subtitle=pilot_model.navn,
            region=pilot_model.region,
            period=rows[-1][1] if rows[-1][0] == "Periode" else "",
            municipalities=[kommune] if team else [],
            project_leader=pilot_model.prosjektleder.navn,
            date_text=format_date(doc.levert or dt.date.today()),
            draft=not doc.delivered,
        )
        offset = header.count("\n") + 3
        span = SourceSpan(offset, offset + text.count("\n"), display, first_line)
        rendered = render(
            markdown, meta, output, fmt, workdir=workdir, spans=[span], timeout=timeout,  # type: ignore[arg-type]
            progress=progress,
        )  # fmt: skip
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return Built(rendered.path, rendered.pages, fmt, [])

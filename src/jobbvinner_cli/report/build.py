"""Building the final report (and single team documents) from a pilot repository."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.dates import format_date
from jobbvinner_cli.documents import read_document
from jobbvinner_cli.errors import Hint, JvError, UsageError
from jobbvinner_cli.repo import PilotRepo
from jobbvinner_cli.report.sections import without_guidance
from jobbvinner_cli.report.tables import pipe_table

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


def check_errors(repo: PilotRepo, today: dt.date) -> list[str]:
    """The errors `jv check` finds, as «file:line: message» lines (empty when clean)."""
    import importlib

    try:
        api = importlib.import_module("jobbvinner_cli.check.api")
    except ImportError:  # pragma: no cover - the check ships with jv
        return []
    return [str(line) for line in api.errors_for_build(repo.root, today)]


def build_report(
    repo: PilotRepo,
    output: Path,
    fmt: str,
    *,
    draft: bool,
    include_team_reports: bool,
    today: dt.date,
    progress: Progress,
    timeout: float = 120.0,
) -> Built:
    from jobbvinner_cli.render.engine import ReportMeta, SourceSpan, render
    from jobbvinner_cli.report.assemble import Assembler

    progress("sjekker")
    if not draft:
        errors = check_errors(repo, today)
        if errors:
            shown = "\n".join(f"  {e}" for e in errors[:50])
            more = f"\n  … og {len(errors) - 50} til" if len(errors) > 50 else ""
            raise JvError(
                f"jv check fant {len(errors)} feil, så rapporten bygges ikke:\n{shown}{more}",
                hint=Hint.BUILD_DRAFT,
            )
    workdir = Path(tempfile.mkdtemp(prefix="jv-bygg-"))
    try:
        progress("leser")
        assembler = Assembler(repo, workdir, include_team_reports=include_team_reports)
        progress("figurer")
        assembled = assembler.assemble()
        leader = repo.pilot.prosjektleder.navn
        meta = ReportMeta(
            title=repo.pilot.navn,
            subtitle="Sluttrapport",
            region=repo.pilot.region,
            period=assembled.period,
            municipalities=assembled.municipalities,
            project_leader=leader,
            date_text=format_date(today),
            draft=draft,
        )
        spans = [
            SourceSpan(s.start_line, s.end_line, s.path, s.source_start_line)
            for s in assembled.spans
        ]
        result = render(
            assembled.markdown,
            meta,
            output,
            fmt,  # type: ignore[arg-type]
            workdir=workdir,
            spans=spans,
            timeout=timeout,
            progress=progress,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return Built(result.path, result.pages, fmt, assembled.warnings)


def export_document(
    repo: PilotRepo,
    type_name: str,
    team: str | None,
    nr: int | None,
    output: Path,
    fmt: str,
    *,
    progress: Progress,
    timeout: float = 60.0,
) -> Built:
    """One team document as DOCX or PDF, with its header fields as a table on top."""
    from jobbvinner_cli.render.engine import ReportMeta, SourceSpan, render

    doctype = repo.doctype(type_name)
    if doctype.numbered and nr is None:
        raise UsageError(f"{doctype.title} har nummer.", hint=Hint.NAME_NR)
    path = repo.document_path(doctype, nr, team)
    display = repo.rel(path)
    if not path.is_file():
        raise UsageError(
            f"Dokumentet finnes ikke. Lag det med «jv scaffold {type_name}».", path=display
        )
    progress("leser")
    doc = read_document(path, display)
    kommune = doc.meta.kommune or (repo.team(team).kommune if team else repo.pilot.navn)
    title = f"{doctype.display_title(nr)} – {kommune}" if team else doctype.display_title(nr)
    rows = [["Deltakende team", kommune]]
    if doc.meta.gruppeleder:
        rows.append(["Gruppeleder", doc.meta.gruppeleder])
    if doc.meta.effektmål:
        rows.append(["Effektmål", doc.meta.effektmål])
    goal = doc.meta.resultatmål
    if goal:
        rows.append(["Resultatmål", "; ".join(goal) if isinstance(goal, list) else goal])
    if doc.meta.periode and doc.meta.periode.fra and doc.meta.periode.til:
        rows.append(
            [
                "Periode",
                f"{format_date(doc.meta.periode.fra)} – {format_date(doc.meta.periode.til)}",
            ]
        )
    if doc.meta.levert:
        rows.append(["Levert", format_date(doc.meta.levert)])
    body = without_guidance(re.sub(r"\A\s*#\s[^\n]*\n", "", doc.body, count=1))
    header = pipe_table(["Felt", "Verdi"], rows)
    markdown = f"{header}\n\n{body}\n"
    workdir = Path(tempfile.mkdtemp(prefix="jv-eksport-"))
    try:
        from jobbvinner_cli.report.assemble import Assembler

        images = Assembler(repo, workdir, include_team_reports=False)
        markdown = images._images_in(
            markdown, path, display, doc.body_line - header.count("\n") - 2
        )
        meta = ReportMeta(
            title=title,
            subtitle=repo.pilot.navn,
            region=repo.pilot.region,
            period=rows[-1][1] if rows[-1][0] == "Periode" else "",
            municipalities=[kommune] if team else [],
            project_leader=repo.pilot.prosjektleder.navn,
            date_text=format_date(doc.meta.levert or dt.date.today()),
            draft=doc.meta.status.value != "levert",
        )
        offset = header.count("\n") + 3
        span = SourceSpan(offset, offset + body.count("\n"), display, doc.body_line)
        result = render(
            markdown, meta, output, fmt, workdir=workdir, spans=[span], timeout=timeout,  # type: ignore[arg-type]
            progress=progress,
        )  # fmt: skip
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return Built(result.path, result.pages, fmt, [])

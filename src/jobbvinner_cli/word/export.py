"""`jv export`: one document alone as DOCX, PDF or HTML, ready to send to a team.

A document that is not written yet is exported as the template would write it (what
`jv scaffold` would make), so the project leader can send each team its next template
as a Word file without creating the Markdown file first.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.dates import format_date
from jobbvinner_cli.diagnostics import Severity, Sink
from jobbvinner_cli.errors import JvError, UsageError
from jobbvinner_cli.layout import TEAMS_DIR
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.pipeline.document import DocFacts, DocRef, model_document
from jobbvinner_cli.textio import build_folder
from jobbvinner_cli.word.fields import fields_table, header_fields
from jobbvinner_cli.word.markdown import body_for_export

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Exported:
    path: Path
    pages: int | None
    format: str
    fresh: bool  # made from the template: the document was not written yet


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
) -> Exported:
    """One document as ``fmt``; refused when the check cannot read the file or its fields."""
    from jobbvinner_cli.check.registry import RULES
    from jobbvinner_cli.pipeline.problems import FAMILY as FILE_FAMILY
    from jobbvinner_cli.report.build import _checked, _located

    progress("sjekker")
    result = _checked(pilot, dt.date.today(), team)
    ctx = result.ctx
    assert ctx is not None and ctx.pilot is not None
    doctype = ctx.doctypes.get(type_name)
    if doctype is None:
        raise UsageError(
            f"Ukjent dokumenttype «{type_name}». Kjente typer: {', '.join(ctx.doctypes)}."
        )
    doctype.refuse_mismatch(team, nr)
    if team is not None and team not in ctx.teams:
        raise UsageError(f"Finner ikke teamet «{team}» i {TEAMS_DIR}/.")
    doc_id = doctype.doc_id(nr)
    doc = (
        result.facts.get(team, {}).get(doc_id)
        if doctype.scope == "team" and team is not None
        else result.pilot_documents.get(doc_id)
    )
    display = (
        f"{TEAMS_DIR}/{team}/{doctype.filename(nr)}"
        if doctype.scope == "team"
        else doctype.filename(nr)
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
    fresh = doc is None or doc.body is None
    if fresh:
        doc = fresh_document(pilot, type_name, team, nr, display)
    assert doc is not None and doc.body is not None
    info = ctx.teams.get(team) if team is not None else None
    kommune = doc.text_field("kommune") or (
        info.team.kommune if info is not None and info.team is not None else ctx.pilot.navn
    )
    progress("pandoc")
    pages = write_file(
        result.root, ctx.pilot, doc, doctype, nr, team, kommune, output, fmt, display,
        timeout=timeout,
    )  # fmt: skip
    return Exported(output.absolute(), pages, fmt, fresh)


def write_file(
    root: Path,
    pilot: Pilot,
    doc: DocFacts,
    doctype: DocumentType,
    nr: int | None,
    team: str | None,
    kommune: str,
    output: Path,
    fmt: str,
    display: str,
    *,
    timeout: float = 60.0,
) -> int | None:
    """Write the checked document ``doc`` to ``output``; the PDF's page count if known."""
    from jobbvinner_cli.render import ReportMeta
    from jobbvinner_cli.report.images import Images
    from jobbvinner_cli.word.render import identity_keyword, render_document

    body = doc.body
    assert body is not None
    title_at = body.title_end()
    title = (
        body.headings[0].text
        if title_at
        else (f"{doctype.display_title(nr)} – {kommune}" if team else doctype.display_title(nr))
    )
    text, first = body_for_export(body, title_at)
    fields = header_fields(doc, kommune if team else None)
    header = fields_table(fields) + "\n\n" if fields else ""
    workdir = build_folder("eksport")
    try:
        text = Images(root, workdir).rewrite(text, display, body.line(first))
        meta = ReportMeta(
            title=title,
            subtitle=pilot.navn,
            region=pilot.region,
            period="",
            municipalities=[kommune] if team else [],
            project_leader=pilot.prosjektleder.navn,
            date_text=format_date(doc.levert or dt.date.today()),
            draft=not doc.delivered,
        )
        return render_document(
            f"{header}{text}\n",
            meta,
            output,
            fmt,
            workdir=workdir,
            keyword=identity_keyword(doctype.name, nr, team),
            timeout=timeout,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def fresh_document(
    pilot: Path | None, type_name: str, team: str | None, nr: int | None, display: str
) -> DocFacts:
    """The document as `jv scaffold` would write it, modelled but not written."""
    from jobbvinner_cli.authoring.scaffold import render_document as render_template
    from jobbvinner_cli.pipeline.repo import PilotRepo

    repo = PilotRepo.load(pilot)
    doctype = repo.doctype(type_name)
    text, _ = render_template(repo, doctype, nr, team)
    return model_document(None, DocRef(display, team, type_name, nr), text, Sink(display))

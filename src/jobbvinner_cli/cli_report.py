"""`jv build-report` and `jv export` (registered on the main app)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from jobbvinner_cli.cli import PilotOption, _run, _say, app
from jobbvinner_cli.errors import UsageError

STAGES = {
    "sjekker": "Sjekker piloten (jv check)",
    "leser": "Leser kapitler og teamenes dokumenter",
    "figurer": "Lager tabeller og figurer",
    "pandoc": "Pandoc",
    "typst": "Typst setter PDF-en",
}


@contextmanager
def _progress() -> Iterator[Callable[[str], None]]:
    """A spinner with the current stage on a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        yield lambda _stage: None
        return
    from rich.console import Console

    console = Console(stderr=True)
    with console.status("Starter …") as status:

        def update(stage: str) -> None:
            status.update(STAGES.get(stage, stage) + " …")

        yield update


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"«{value}» er ikke en dato. Skriv ÅÅÅÅ-MM-DD.") from None


@app.command("build-report")
def build_report_command(
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Filen rapporten skrives til. Standard: sluttrapport.pdf."
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="pdf, docx eller html. Standard: fra filendelsen, ellers pdf."
        ),
    ] = None,
    draft: Annotated[
        bool,
        typer.Option("--draft", help="Bygg selv om jv check finner feil; hver side merkes UTKAST."),
    ] = False,
    include_team_reports: Annotated[
        bool,
        typer.Option(
            "--include-team-reports", help="Legg teamenes sluttrapporter ved som vedlegg."
        ),
    ] = False,
    today: Annotated[
        str | None,
        typer.Option("--today", help="Datoen på rapporten og for fristene (ÅÅÅÅ-MM-DD)."),
    ] = None,
    pilot: PilotOption = None,
) -> None:
    """Bygg pilotens sluttrapport som PDF, DOCX eller HTML fra repoet.

    Kapitlene fra rapport/ settes sammen med tabellene over organisasjonen, samlingene,
    deltakerne og resultatene (fra teamenes hovedplaner og sluttrapporter), timene som
    figur og tabell, og vedleggene. Bygget nekter når jv check finner feil, med mindre
    --draft er gitt. En rapport som finnes fra før, blir bare erstattet når bygget lykkes.
    """

    def action() -> None:
        from jobbvinner_cli.repo import PilotRepo
        from jobbvinner_cli.report.build import build_report, format_for

        kind = format_for(output, fmt)
        target = output or Path(f"sluttrapport.{kind}")
        repo = PilotRepo.load(pilot)
        with _progress() as progress:
            built = build_report(
                repo,
                target,
                kind,
                draft=draft,
                include_team_reports=include_team_reports,
                today=_today(today),
                progress=progress,
            )
        for warning in built.warnings:
            _say(f"[yellow]Advarsel:[/] {warning}")
        pages = f", {built.pages} sider" if built.pages else ""
        _say(f"[green]Skrev[/] {built.path}{pages}{' (utkast)' if draft else ''}")

    _run(action)


@app.command("export")
def export_command(
    doctype: Annotated[
        str, typer.Argument(metavar="TYPE", help="Dokumenttypen, f.eks. statusrapport.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="FIL.docx eller FIL.pdf.")],
    team: Annotated[str | None, typer.Option("--team", "-t", help="Teamets mappenavn.")] = None,
    nr: Annotated[
        int | None, typer.Option("--nr", min=1, help="Nummeret, for nummererte typer.")
    ] = None,
    pilot: PilotOption = None,
) -> None:
    """Lag ett teamdokument som Word- eller PDF-fil, til e-post til egne ledere."""

    def action() -> None:
        from jobbvinner_cli.repo import PilotRepo
        from jobbvinner_cli.report.build import export_document, format_for
        from jobbvinner_cli.slugs import check_slug

        if team is not None:
            check_slug(team)
        kind = format_for(output, None)
        repo = PilotRepo.load(pilot)
        with _progress() as progress:
            built = export_document(
                repo, doctype.lower(), team, nr, output, kind, progress=progress
            )
        pages = f", {built.pages} sider" if built.pages else ""
        _say(f"[green]Skrev[/] {built.path}{pages}")

    _run(action)

"""`jv build-report` and `jv export`: the final report, and one team document as a file."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from jobbvinner_cli.cli.common import (
    PilotOption,
    TodayOption,
    choice,
    option_value,
    parse_today,
    run,
)
from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.words import plural


class ReportFormat(str, Enum):
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"


class PdfStandard(str, Enum):
    """The PDF standards of Typst that the report meets; «ingen» for a plain PDF 1.7.
    (typst 0.14, the oldest jv supports, knows a-2b and a-3b.)"""

    A2B = "a-2b"
    A3B = "a-3b"
    INGEN = "ingen"


STAGES = {
    "sjekker": "Sjekker piloten (jv check)",
    "leser": "Leser kapitler og teamenes dokumenter",
    "figurer": "Lager tabeller og figurer",
    "pandoc": "Pandoc",
    "typst": "Typst setter PDF-en",
}


def _stage(stage: str) -> str:
    return STAGES.get(stage, stage)


def build_report_command(
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Filen rapporten skrives til. Standard: sluttrapport.pdf."
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            parser=choice(ReportFormat, "--format"),
            help="pdf, docx eller html. Standard: fra filendelsen, ellers pdf.",
        ),
    ] = None,
    draft: Annotated[
        bool,
        typer.Option(
            "--draft",
            help="Bygg selv om noe gjør rapporten feil (feil, kapitler som ikke er skrevet); "
            "hver side merkes UTKAST.",
        ),
    ] = False,
    include_team_reports: Annotated[
        bool,
        typer.Option(
            "--include-team-reports", help="Legg teamenes sluttrapporter ved som vedlegg."
        ),
    ] = False,
    pdf_standard: Annotated[
        PdfStandard | None,
        typer.Option(
            "--pdf-standard",
            case_sensitive=False,
            parser=choice(PdfStandard, "--pdf-standard"),
            help="a-2b (standard: PDF/A-2b, som arkivene tar imot), a-3b, eller ingen "
            "(vanlig PDF).",
        ),
    ] = None,
    today: TodayOption = None,
    pilot: PilotOption = None,
) -> None:
    """Bygg pilotens sluttrapport som PDF, DOCX eller HTML fra repoet.

    Kapitlene er hver .md-fil rett under rapport/, i navnerekkefølge (00-forord.md …
    10-kilder.md, og egne kapitler som 05b-samarbeid.md imellom; andre filer der blir ikke
    med, og jv check nevner dem). De settes sammen med tabellene over organisasjonen,
    samlingene, deltakerne og resultatene (fra teamenes hovedplaner og sluttrapporter),
    timene som figur og tabell, og vedleggene. Rapporten sier hvilke team som ikke leverte
    sluttrapport.

    Bygget nekter når noe gjør rapporten feil: feil fra jv check, eller et kapittel eller en
    seksjon i prosjektplanen som bare har veiledningen. Dokumenter som mangler eller kom for
    sent, stopper ikke bygget; de står som advarsler etterpå. --draft bygger likevel og
    sier hva det bygde over. En rapport som finnes fra før, blir bare erstattet når bygget
    lykkes.
    """

    def action() -> None:
        from jobbvinner_cli.formats import messages
        from jobbvinner_cli.report.build import build_report, format_for

        kind = format_for(output, fmt.value if fmt is not None else None)
        if pdf_standard is not None and kind != "pdf":
            raise UsageError(f"--pdf-standard gjelder bare PDF, ikke {kind}. Dropp --pdf-standard.")
        standard = (pdf_standard or PdfStandard.A2B).value
        target = output or Path(f"sluttrapport.{kind}")
        day = parse_today(today)
        with messages.spinner(_stage) as progress:
            built = build_report(
                pilot,
                target,
                kind,
                draft=draft,
                include_team_reports=include_team_reports,
                today=day,
                progress=progress,
                pdf_standard=None if standard == "ingen" else standard,
            )
        for warning in built.warnings:
            messages.warning(warning)
        pages = f", {plural(built.pages, 'side', 'sider')}" if built.pages else ""
        messages.say(("Skrev", "green"), f" {built.path}{pages}{' (utkast)' if draft else ''}")

    run(action)


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
    """Lag ett dokument alene som Word-, PDF- eller HTML-fil, til å sende teamet.

    Filen har dokumentets tittel, feltene øverst (deltakende team, gruppeleder,
    effektmål, resultatmål, periode, frist, «sendes til … innen …»), seksjonene som
    Word-overskrifter og veiledningen i avsnittsstilen «Veiledning», som teamet skriver
    over. Ingen tittelside og ingen innholdsliste. Finnes dokumentet ikke ennå, lages
    filen fra malen (det «jv scaffold» ville skrevet), uten at noe skrives i piloten:
    slik sender prosjektlederen hvert team neste mal som Word-fil. Den utfylte filen
    tas tilbake med «jv import FIL.docx».
    """

    def action() -> None:
        from jobbvinner_cli.formats import messages
        from jobbvinner_cli.report.build import format_for
        from jobbvinner_cli.slugs import check_slug
        from jobbvinner_cli.word.export import export_document

        if team is not None:
            with option_value("--team"):
                check_slug(team)
        try:
            kind = format_for(output, None)
        except UsageError as exc:
            exc.hint = None  # export has no --format: the file name decides
            raise
        with messages.spinner(_stage) as progress:
            built = export_document(
                pilot, doctype.lower(), team, nr, output, kind, progress=progress
            )
        pages = f", {plural(built.pages, 'side', 'sider')}" if built.pages else ""
        fresh = " (fra malen: dokumentet er ikke skrevet ennå)" if built.fresh else ""
        messages.say(("Skrev", "green"), f" {built.path}{pages}{fresh}")

    run(action)

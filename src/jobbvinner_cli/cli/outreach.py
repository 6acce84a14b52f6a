"""`jv calendar` and `jv remind`: what the project leader sends out around the gatherings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from jobbvinner_cli.cli.common import (
    PilotOption,
    TodayOption,
    option_value,
    parse_date,
    parse_today,
    run,
)

if TYPE_CHECKING:
    from jobbvinner_cli.outreach.publish import Written

TeamOption = Annotated[
    str | None,
    typer.Option("--team", "-t", metavar="TEAM", help="Bare dette teamet (mappenavnet)."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Erstatt filer som finnes fra før.")]


def calendar_command(
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FIL.ics",
            help="Filen kalenderen skrives til. Standard: skriv den ut (til omdirigering).",
        ),
    ] = None,
    team: TeamOption = None,
    force: ForceOption = False,
    pilot: PilotOption = None,
) -> None:
    """Lag en kalenderfil (iCalendar, .ics) med samlingene og fristene.

    Filen kan importeres i Outlook, Google Kalender og Apple Kalender, eller publiseres
    fra repoet så teamene kan abonnere på den. Hver hendelse har en fast UID, så en ny
    import oppdaterer hendelsene i stedet for å lage dem på nytt: flyttes en frist i
    pilot.yaml, flyttes den i kalenderen. En kalender jv har laget før, erstattes uten
    --force (SEKVENS-nummeret går opp for hendelsene som er endret); andre filer ikke.

    Med --team: samlingene og teamets egne frister (fritak og uttreden tatt hensyn til).
    Uten: hver frist én gang, med teamene den gjelder.
    """

    def action() -> None:
        from jobbvinner_cli.outreach.publish import write_calendar

        if team is not None:
            from jobbvinner_cli.slugs import check_slug

            with option_value("--team"):
                check_slug(team)
        done = write_calendar(pilot, team, output, force=force)
        _report(done, f"{done.events} hendelser")

    run(action)


def remind_command(
    days: Annotated[
        int,
        typer.Option(
            "--days", min=0, max=366, metavar="DAGER", help="Så mange dager fram. Standard: 14."
        ),
    ] = 14,
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            metavar="MAPPE",
            file_okay=False,
            help="Mappen e-postutkastene skrives til. Standard: paminnelser.",
        ),
    ] = Path("paminnelser"),
    today: TodayOption = None,
    attach: Annotated[
        bool,
        typer.Option(
            "--vedlegg/--uten-vedlegg",
            help="Legg ved hvert dokument som Word-fil (det teamet har skrevet, eller malen). "
            "Standard: --vedlegg.",
        ),
    ] = True,
    force: ForceOption = False,
    pilot: PilotOption = None,
) -> None:
    """Lag påminnelser som e-postutkast (.eml), ett per team, til gruppelederne.

    Med for alle dokumenter som har forfalt uten å være levert, og dem som forfaller de
    neste dagene (--days), hvert som Word-fil i vedlegg (det teamet har skrevet så langt,
    eller malen fylt ut, som «jv export» lager). jv sender ingenting: åpne utkastene i
    e-postprogrammet og send dem selv. Adressen er gruppelederens «epost:» i team.yaml.
    Team som har trukket seg og dokumenter teamet er fritatt fra, får ingen påminnelse.
    """

    def action() -> None:
        from jobbvinner_cli.formats import terminal
        from jobbvinner_cli.outreach.publish import write_reminders

        with terminal.spinner(lambda step: f"Lager påminnelser {step}") as progress:
            done = write_reminders(
                pilot, parse_today(today), days, output, force=force, attach=attach,
                progress=progress,
            )  # fmt: skip
        if not done.paths:
            terminal.say(
                f"Ingen dokumenter forfaller de neste {days} dagene, og ingen er på etterskudd."
            )
        _report(done, "")

    run(action)


def _report(done: Written, what: str) -> None:
    import sys

    from jobbvinner_cli.formats import terminal

    if done.text is not None:
        sys.stdout.buffer.write(done.text)
        sys.stdout.flush()
    for note in done.notes:
        terminal.warning(note, stderr=done.text is not None)
    for path in done.paths:
        terminal.say(("Skrev", "green"), f" {path}" + (f" ({what})" if what else ""))


def certificates_command(
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            metavar="MAPPE",
            file_okay=False,
            help="Mappen kursbevisene skrives til. Standard: kursbevis.",
        ),
    ] = Path("kursbevis"),
    team: TeamOption = None,
    today: TodayOption = None,
    force: ForceOption = False,
    pilot: PilotOption = None,
) -> None:
    """Lag kursbevis som PDF, ett per deltaker, og ett samlet for utskrift.

    Kursbeviset sier hva arbeidet har bestått i og temaet for hver samling. En deltaker
    som var på færre enn halvparten av samlingene, får samlingene hen var på nevnt.
    Hvem som var på hvilken samling, står i oppmote/samling-N.csv: en liste med kolonnen
    «navn» (og gjerne «kommune»), for eksempel påmeldingslista lagret som CSV. Et medlem
    uten registrert oppmøte får ikke kursbevis, og blir nevnt.
    """

    def action() -> None:
        from jobbvinner_cli.formats import terminal
        from jobbvinner_cli.outreach.publish import write_certificates

        if team is not None:
            from jobbvinner_cli.slugs import check_slug

            with option_value("--team"):
                check_slug(team)
        with terminal.spinner(lambda step: f"Lager kursbevis {step}") as progress:
            done = write_certificates(
                pilot, parse_today(today), output, team, force=force, progress=progress
            )
        for note in done.notes:
            terminal.warning(note)
        if done.paths:
            terminal.say(
                ("Skrev", "green"),
                f" {len(done.paths) - 1} kursbevis i {output}, og alle samlet i {done.paths[-1]}",
            )

    run(action)


def progress_report_command(
    day: Annotated[
        str | None,
        typer.Option(
            "--dato",
            metavar="ÅÅÅÅ-MM-DD",
            help="Datoen rapporten gjelder til. Standard: dagens dato.",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--siden",
            metavar="ÅÅÅÅ-MM-DD",
            help="Datoen rapporten gjelder fra. Standard: datoen for forrige underveisrapport "
            "i rapporter/, ellers pilotens start.",
        ),
    ] = None,
    recipient: Annotated[
        str,
        typer.Option(
            "--mottaker",
            metavar="TEKST",
            help="Hvem rapporten går til, for eksempel «Helsedirektoratet» eller «styringsgruppa».",
        ),
    ] = "",
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FIL.md",
            help="Filen rapporten skrives til. Standard: rapporter/underveisrapport-DATO.md.",
        ),
    ] = None,
    force: ForceOption = False,
    pilot: PilotOption = None,
) -> None:
    """Lag en underveisrapport fra tiltaksplanen: årsrapporten eller halvårsrapporten.

    For piloter med «metode: tiltaksplan». Rapporten lister tiltakene som er startet i
    perioden, som pågår og som er gjennomført, resultatene siden forrige rapport (per mål)
    og hendelsene i perioden, og har et punkt for prosjektlederens vurdering. Den skrives
    som Markdown, som prosjektlederen skriver videre i.
    """

    def action() -> None:
        from jobbvinner_cli.formats import terminal
        from jobbvinner_cli.outreach.publish import write_progress_report

        with option_value("--dato"):
            until = parse_date(day)
        with option_value("--siden"):
            start = parse_date(since) if since else None
        done = write_progress_report(pilot, until, start, recipient.strip(), output, force=force)
        terminal.say(("Skrev", "green"), f" {done.paths[0]}")

    run(action)

"""`jv import`: a filled-in Word file back into the pilot as the document's Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jobbvinner_cli.cli.common import PilotOption, option_value, run
from jobbvinner_cli.errors import EXIT_FAILED, EXIT_OK


def import_command(
    source: Annotated[Path, typer.Argument(metavar="FIL", help="Word-filen teamet sendte.")],
    doctype: Annotated[
        str | None,
        typer.Argument(
            metavar="TYPE", help="Dokumenttypen. Standard: fra Word-filen (tittel og felt)."
        ),
    ] = None,
    team: Annotated[
        str | None,
        typer.Option("--team", "-t", help="Teamets mappenavn. Standard: «Deltakende team»."),
    ] = None,
    nr: Annotated[
        int | None, typer.Option("--nr", min=1, help="Nummeret. Standard: fra tittelen.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Vis resultatet uten å skrive noe.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Erstatt dokumentet om det finnes fra før.")
    ] = False,
    pilot: PilotOption = None,
) -> None:
    """Ta en utfylt Word-fil (.docx) tilbake som dokumentets Markdown-fil.

    Team, type og nummer leses fra filen (jv export merker filene sine; ellers tittelen
    og feltet «Deltakende team»), eller gis på kommandolinjen. Seksjonene kjennes igjen
    på overskriften, selv med annen nummerering, store/små bokstaver eller litt andre
    ord; hvor hver havnet, vises. Lister, tabeller (også fremdriftsplanens månedstabell
    med kryss) og bilder (lagres i teammappen under bilder/) blir med. Veiledning som er
    latt stå, regnes som ikke utfylt. Datoer og status i dokumentet beholdes; gruppeleder,
    effektmål og resultatmål tas fra feltene øverst. Tekst som ikke passer i noen
    seksjon, havner under «Fra Word-filen, uten plass i malen». Et dokument som finnes,
    erstattes bare med --force. Filen sjekkes etterpå som med jv check.

    Word-filer er utrygge: makroer (.docm), zip-bomber og ødelagte filer avvises;
    innebygde objekter, eksterne lenker og bilder og felt som henter inn filer fjernes.
    """

    def action() -> int:
        from jobbvinner_cli.formats import messages
        from jobbvinner_cli.slugs import check_slug
        from jobbvinner_cli.word.identity import Identity
        from jobbvinner_cli.word.importer import import_docx

        if team is not None:
            with option_value("--team"):
                check_slug(team)
        given = Identity((doctype or "").strip().lower(), nr, team)
        result = import_docx(pilot, source, given=given, dry_run=dry_run, force=force)
        for note in result.stripped:
            messages.warning(f"{source}: {note}.")
        messages.say(f"Seksjonene i {source}:")
        for m in result.mappings:
            if m.section is None:
                messages.warning(
                    f"  «{m.word}» passer ikke i noen seksjon; teksten er lagt under "
                    "«Fra Word-filen, uten plass i malen»."
                )
            else:
                how = "" if m.exact else " (nesten lik tittel)"
                messages.say(f"  «{m.word}» → {m.section}{how}")
        for title in result.missing:
            messages.warning(f"  «{title}» finnes ikke i Word-filen; seksjonen står tom.")
        for title in result.prompts_left:
            messages.say(f"  «{title}»: veiledningen står igjen, regnes som ikke utfylt.")
        for key in result.changed_fields:
            messages.say(f"  Feltet {key} er tatt fra Word-filen.")
        for image in result.images:
            messages.say(f"  Bilde: {image}")
        for image in result.dropped_images:
            messages.warning(
                f"  Et bilde («{image}») er ikke tatt med: det er lenket utenfor filen eller i "
                "et format jv ikke kan vise (bruk PNG eller JPEG)."
            )
        if dry_run:
            messages.say(("Ville skrevet", "yellow"), f" {result.display} (--dry-run):")
            messages.say(result.text)
            return EXIT_OK
        messages.say(("Skrev", "green"), f" {result.display}")
        return _check_written(pilot, result.identity.team, result.display)

    raise typer.Exit(run(action))


def _check_written(pilot: Path | None, team: str | None, display: str) -> int:
    """The written file checked as `jv check` checks it: its findings, and exit 1 on errors."""
    from jobbvinner_cli.check.engine import CheckOptions, run_check
    from jobbvinner_cli.diagnostics import Severity
    from jobbvinner_cli.formats import messages

    report = run_check(CheckOptions(pilot=pilot, team=team))
    found = [d for d in report.diagnostics if d.path == display]
    if not found:
        messages.say(f"jv check: ingen funn i {display}.")
        return EXIT_OK
    messages.say(f"jv check av {display}:")
    for d in found:
        where = f"{d.path}:{d.line}" if d.line else d.path
        label = "feil" if d.severity is Severity.ERROR else "advarsel"
        messages.say(f"  {where}: {d.code} ({label}) {d.message}")
    return EXIT_FAILED if any(d.severity is Severity.ERROR for d in found) else EXIT_OK

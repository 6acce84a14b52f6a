"""`jv lever`: mark a document delivered without editing its YAML by hand."""

from __future__ import annotations

from typing import Annotated

import typer

from jobbvinner_cli.cli.common import PilotOption, option_value, parse_date, run


def lever_command(
    doctype: Annotated[
        str,
        typer.Argument(
            metavar="TYPE",
            help="hovedplan, fremdriftsplan, statusrapport, sluttrapport eller prosjektplan.",
        ),
    ],
    team: Annotated[
        str | None, typer.Option("--team", "-t", help="Teamets mappenavn, f.eks. «bodo».")
    ] = None,
    nr: Annotated[
        int | None,
        typer.Option("--nr", min=1, help="Nummeret (fremdriftsplan og statusrapport)."),
    ] = None,
    dato: Annotated[
        str | None,
        typer.Option(
            "--dato", metavar="ÅÅÅÅ-MM-DD", help="Datoen dokumentet ble sendt. Standard: i dag."
        ),
    ] = None,
    pilot: PilotOption = None,
) -> None:
    """Merk et dokument som levert: «status: levert» og «levert: DATO» øverst i dokumentet.

    Bare de to linjene endres; resten av filen blir stående nøyaktig som den er. Et
    dokument som allerede er levert, blir ikke endret.

    Eksempel: jv lever statusrapport --team bodo --nr 2 --dato 2020-01-17
    """

    def action() -> None:
        from jobbvinner_cli.authoring.deliver import MissingDocument, deliver
        from jobbvinner_cli.dates import format_date
        from jobbvinner_cli.formats.terminal import say
        from jobbvinner_cli.pipeline.repo import PilotRepo
        from jobbvinner_cli.slugs import check_slug

        day = parse_date(dato, flag="--dato ")
        if team is not None:
            with option_value("--team"):
                check_slug(team)
        repo = PilotRepo.load(pilot)
        try:
            done = deliver(repo, doctype.strip().lower(), team=team, nr=nr, day=day)
        except MissingDocument as exc:
            where = f" --team {exc.team}" if exc.team else ""
            number = f" --nr {exc.nr}" if exc.nr is not None else ""
            exc.message += (
                f" Lag dokumentet med «jv scaffold {exc.type_name}{where}{number}» og skriv "
                "det før det leveres."
            )
            raise
        say(("Levert", "green"), f" {done.display}")
        say(f"  {done.title}: status: levert, levert: {format_date(done.day)}")
        where = f" --team {team}" if team else ""
        say(f"  Se om dokumentet er klart med «jv check{where}».")

    run(action)

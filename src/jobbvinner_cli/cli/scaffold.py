"""`jv scaffold`: the next document of a type, from its template."""

from __future__ import annotations

from typing import Annotated

import typer

from jobbvinner_cli.cli.common import PilotOption, option_value, run


def scaffold_command(
    doctype: Annotated[
        str,
        typer.Argument(
            metavar="TYPE",
            help="hovedplan, fremdriftsplan, statusrapport, sluttrapport eller prosjektplan "
            "(og typer piloten har lagt til).",
        ),
    ],
    team: Annotated[
        str | None, typer.Option("--team", "-t", help="Teamets mappenavn, f.eks. «bodo».")
    ] = None,
    nr: Annotated[
        int | None,
        typer.Option(
            "--nr",
            min=1,
            help="Nummeret (fremdriftsplan og statusrapport). Standard: neste ledige.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Erstatt et dokument som finnes (teksten i det går tapt)."),
    ] = False,
    pilot: PilotOption = None,
) -> None:
    """Lag neste dokument fra malen, med team, periode, måneder, effektmål, frist og mottaker fylt inn.

    Fremdriftsplan N gjelder fra samling N til samling N+1. Et dokument som finnes,
    blir ikke overskrevet uten --force.
    """

    def action() -> None:
        from jobbvinner_cli.authoring.scaffold import scaffold
        from jobbvinner_cli.dates import format_date_or_open as format_date
        from jobbvinner_cli.formats.terminal import say
        from jobbvinner_cli.pipeline.repo import PilotRepo
        from jobbvinner_cli.slugs import check_slug

        if team is not None:
            with option_value("--team"):
                check_slug(team)
        repo = PilotRepo.load(pilot)
        result = scaffold(repo, doctype.strip().lower(), team=team, nr=nr, force=force)
        ctx = result.context
        say(("Laget", "green"), f" {result.display}")
        say(
            f"  {ctx['doc']['tittel']}, periode {format_date(ctx['periode']['fra'])} – "
            f"{format_date(ctx['periode']['til'])}, frist {format_date(ctx['frist'])}"
        )

    run(action)

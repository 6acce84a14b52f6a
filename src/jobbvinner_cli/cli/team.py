"""`jv new-team`: a municipality's team folder."""

from __future__ import annotations

from typing import Annotated

import typer

from jobbvinner_cli.cli.common import PilotOption, option_value, run


def new_team_command(
    kommune: Annotated[
        str, typer.Argument(help="Kommunens navn, f.eks. «Bodø» eller «Aure/Hemne».")
    ],
    gruppeleder: Annotated[
        str, typer.Option("--gruppeleder", "-g", help="Navnet på gruppelederen.")
    ] = "",
    slug: Annotated[
        str | None,
        typer.Option(
            "--slug", help="Mappenavn for teamet. Standard: laget av kommunenavnet (Bodø → bodo)."
        ),
    ] = None,
    referansegruppe: Annotated[
        str | None,
        typer.Option("--referansegruppe", help="Teamet dette teamet følger (mappenavn)."),
    ] = None,
    pilot: PilotOption = None,
) -> None:
    """Legg til et kommuneteam: teams/<navn>/team.yaml og teamets hovedplan.

    Nekter hvis teamet finnes; ingenting blir overskrevet.
    """

    def action() -> None:
        from jobbvinner_cli.authoring.team import new_team
        from jobbvinner_cli.formats.terminal import say
        from jobbvinner_cli.pipeline.repo import PilotRepo
        from jobbvinner_cli.slugs import check_slug

        if slug is not None:
            with option_value("--slug"):
                check_slug(slug)
        if referansegruppe:
            with option_value("--referansegruppe"):
                check_slug(referansegruppe)
        repo = PilotRepo.load(pilot)
        result = new_team(
            repo, kommune, gruppeleder=gruppeleder, slug=slug, referansegruppe=referansegruppe
        )
        say(("Laget teamet", "green"), f" «{kommune}» ({result.slug})")
        for rel in result.written:
            say(f"  {rel}")
        say(
            f"Fyll inn medlemmene i teams/{result.slug}/team.yaml. "
            f"Neste dokument: jv scaffold fremdriftsplan --team {result.slug}"
        )

    run(action)

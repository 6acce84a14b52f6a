"""`jv types`: the document types the pilot uses, with their periods and deadlines."""

from __future__ import annotations

from typing import Annotated

import typer

from jobbvinner_cli.cli.common import PilotOption, run


def types_command(
    pilot: PilotOption = None,
    team: Annotated[
        str | None,
        typer.Option(
            "--team",
            metavar="MAPPENAVN",
            help="Vis fristene til ett team: egne frister, fritak og når det trakk seg.",
        ),
    ] = None,
) -> None:
    """Vis dokumenttypene piloten bruker: seksjoner, sidegrense, perioder og frister.

    Periodene og fristene følger samlingene slik de faktisk går: en avlyst samling
    starter og slutter ingen periode, en samling som erstatter den, tar plassen.
    Med --team vises teamets egne frister og fritak.
    """

    def action() -> None:
        from jobbvinner_cli.formats.terminal import say
        from jobbvinner_cli.formats.types_text import types_lines
        from jobbvinner_cli.pipeline.repo import PilotRepo

        repo = PilotRepo.load(pilot)
        if repo.pilot.by_measures:
            say(
                "Piloten går etter en tiltaksplan (metode: tiltaksplan): teamene har ingen "
                "dokumenter med frister. Målene og tiltakene står i tiltaksplan.yaml; se "
                "«jv status» og «jv progress-report»."
            )
            return
        chosen = repo.team(team) if team is not None else None
        for line, style in types_lines(repo.pilot, repo.doctypes, chosen, team or ""):
            say((line, style) if style else line)

    run(action)

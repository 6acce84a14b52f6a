"""`jv init`: a new pilot folder."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Annotated

import typer

from jobbvinner_cli.cli.common import option_value, run
from jobbvinner_cli.errors import UsageError

GIT_STATES = {
    "laget": "Laget et nytt git-repo.",
    "finnes": "Mappen er allerede i et git-repo.",
    "mangler": "git finnes ikke på maskinen; ingen git-repo laget.",
    "feilet": "Klarte ikke å lage git-repo (git init feilet).",
    "av": "",
}


def init_command(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="MAPPE", help="Mappen piloten skal ligge i (lages om den ikke finnes)."
        ),
    ],
    name: Annotated[
        str, typer.Option("--name", "-n", help="Pilotens navn, f.eks. «Jobbvinner Salten».")
    ],
    region: Annotated[str, typer.Option("--region", help="Regionen, f.eks. «Salten».")] = "",
    samling: Annotated[
        list[str] | None,
        typer.Option(
            "--samling",
            metavar="DATO",
            help="Dato for en samling, ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD over to dager). "
            "Gjenta for hver samling, i rekkefølge.",
        ),
    ] = None,
    samlinger: Annotated[
        int,
        typer.Option(
            "--samlinger",
            min=0,
            max=20,
            help="Antall samlinger uten dato (fylles inn i pilot.yaml senere), når --samling ikke er gitt.",
        ),
    ] = 6,
    prosjektleder: Annotated[
        str,
        typer.Option(
            "--prosjektleder", help="Prosjektlederens navn (mottaker av alle dokumentene)."
        ),
    ] = "",
    epost: Annotated[str, typer.Option("--epost", help="Prosjektlederens e-postadresse.")] = "",
    malvariant: Annotated[
        str, typer.Option("--malvariant", help="Malene til «orkdal» (standard) eller «ostfold».")
    ] = "orkdal",
    git: Annotated[
        bool, typer.Option("--git/--no-git", help="Lag et git-repo når mappen ikke er i et.")
    ] = True,
    metode: Annotated[
        str,
        typer.Option(
            "--metode",
            metavar="METODE",
            help="utviklingsverksted (standard: team, samlinger og dokumenter mellom dem) eller "
            "tiltaksplan (mål og tiltak i tiltaksplan.yaml, uten samlinger, som i Namsos og "
            "Hedmark).",
        ),
    ] = "utviklingsverksted",
    jv_kilde: Annotated[
        str | None,
        typer.Option(
            "--jv-kilde",
            metavar="KILDE",
            help="Hvor CI og pre-commit installerer jv fra: et versjonsnummer fra pakkeindeksen "
            "(standard: denne versjonen), en git-adresse med commit "
            "(git+https://github.com/ORG/REPO@COMMIT) eller adressen til en wheel-fil.",
        ),
    ] = None,
) -> None:
    """Lag en ny pilot: pilot.yaml, teams/, rapport/ og et git-repo.

    Nekter hvis mappen allerede har en pilot. Alt kan endres i pilot.yaml etterpå.
    """

    def action() -> None:
        from jobbvinner_cli.authoring.jvsource import default_source, parse_source
        from jobbvinner_cli.authoring.pilot import InitOptions, init_pilot, parse_gathering
        from jobbvinner_cli.formats.terminal import say

        with option_value("--samling"):
            dates = [parse_gathering(s) for s in samling or []]
        source = default_source() if jv_kilde is None else parse_source(jv_kilde)
        for earlier, later in itertools.pairwise(dates):
            if earlier.start and later.start and later.start < earlier.start:
                raise UsageError(
                    "Samlingene må gis i datorekkefølge (--samling for samling 1 først)."
                )
        result = init_pilot(
            InitOptions(
                directory=directory,
                name=name,
                region=region,
                gatherings=dates,
                placeholder_count=samlinger,
                project_leader=prosjektleder,
                email=epost,
                variant=malvariant,
                git=git,
                method=metode.strip().lower(),
                jv_source=source,
            )
        )
        say(("Laget piloten", "green"), f" «{name}» i {result.root}")
        for rel in result.written:
            say(f"  {rel}")
        if GIT_STATES[result.git]:
            say(GIT_STATES[result.git])
        say(
            f"CI og pre-commit installerer jv med «{source.requirement}» "
            "(velg en annen kilde med --jv-kilde)."
        )
        if metode.strip().lower() == "tiltaksplan":
            say("Skriv målene og tiltakene i tiltaksplan.yaml, og hendelsene i pilot.yaml.")
            say(f"Neste steg: cd {directory} && jv check")
            return
        if not dates and samlinger:
            which = (
                "datoen for samlingen"
                if samlinger == 1
                else f"datoene for de {samlinger} samlingene"
            )
            say(f"Fyll inn {which} i pilot.yaml før du lager dokumenter.")
        say(f'Neste steg: cd {directory} && jv new-team "KOMMUNE" --gruppeleder "NAVN"')

    run(action)

"""The `jv` command line. Commands import their machinery lazily so `jv --help` stays fast."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from jobbvinner_cli.errors import Hint, JvError, UsageError

app = typer.Typer(
    name="jv",
    help=(
        "jv – verktøy for en Jobbvinner-pilot (Utviklingsverksted).\n\n"
        "Piloten er en mappe med pilot.yaml, en mappe per team under teams/ og "
        "teamenes planer og rapporter som Markdown-filer.\n\n"
        "Kom i gang:\n\n"
        '  jv init ~/pilot-salten --name "Jobbvinner Salten" --samling 2019-10-15 ...\n\n'
        '  jv new-team "Bodø" --gruppeleder "Kari Nordmann"\n\n'
        "  jv scaffold fremdriftsplan --team bodo"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

T = TypeVar("T")

PilotOption = Annotated[
    Path | None,
    typer.Option(
        "--pilot",
        help="Pilotmappen. Standard: mappen du står i, eller nærmeste mappe over med pilot.yaml.",
        file_okay=False,
    ),
]


def _err(message: str) -> None:
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False, soft_wrap=True).print(
        f"[bold red]Feil:[/] {escape(message)}"
    )


def _say(message: str) -> None:
    from rich.console import Console

    Console(highlight=False, soft_wrap=True).print(message)


# The remedies the domain names (errors.Hint), worded with this command line's options.
HINTS = {
    Hint.PILOT_FOLDER: "Sjekk --pilot, eller lag en pilot med «jv init».",
    Hint.FIND_PILOT: "Gå til pilotmappen, bruk --pilot MAPPE, eller lag en ny pilot med «jv init MAPPE».",
    Hint.NAME_TEAM: "Oppgi teamet med --team.",
    Hint.DROP_TEAM: "Dropp --team.",
    Hint.NAME_NR: "Oppgi hvilken med --nr.",
    Hint.DROP_NR: "Dropp --nr.",
    Hint.REPLACE_NR: "Bruk --nr N --force for å lage en av dem på nytt.",
    Hint.REPLACE_FILE: "Bruk --force hvis du vil erstatte den (innholdet går da tapt).",
    Hint.REPLACE_DOCUMENT: "Bruk --force hvis du vil lage det på nytt fra malen "
    "(teksten som står der nå, går da tapt).",
    Hint.OTHER_SLUG: "Velg et annet navn med --slug hvis det er en annen kommune.",
    Hint.NAME_SLUG: "Du kan også oppgi mappenavnet med --slug.",
    Hint.NAME_FORMAT: "Du kan også oppgi formatet med --format.",
    Hint.BUILD_DRAFT: "Rett feilene, eller bygg et utkast med --draft (da står UTKAST på hver side).",
}


def _message(exc: JvError) -> str:
    """The error's message with its remedy as a sentence naming the option."""
    if exc.hint is None:
        return exc.message
    return f"{exc.message}{chr(10) if chr(10) in exc.message else ' '}{HINTS[exc.hint]}"


@contextmanager
def _friendly_errors() -> Iterator[None]:
    try:
        yield
    except JvError as exc:
        where = exc.location()
        message = _message(exc)
        if "\n" in message:
            _err(f"{where}:" if where and not message.startswith(str(where)) else "")
            for line in message.splitlines():
                _err(line)
        else:
            _err(f"{where}: {message}" if where else message)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _err("Avbrutt.")
        raise typer.Exit(130) from None


def _run(action: Callable[[], T]) -> T:
    with _friendly_errors():
        return action()
    raise AssertionError("unreachable")  # pragma: no cover


@app.command("init")
def init_command(
    directory: Annotated[
        Path, typer.Argument(help="Mappen piloten skal ligge i (lages om den ikke finnes).")
    ],
    name: Annotated[
        str, typer.Option("--name", "-n", help="Pilotens navn, f.eks. «Jobbvinner Salten».")
    ],
    region: Annotated[str, typer.Option("--region", help="Regionen, f.eks. «Salten».")] = "",
    samling: Annotated[
        list[str] | None,
        typer.Option(
            "--samling",
            help="Dato for en samling, ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD over to dager). "
            "Gjenta for hver samling, i rekkefølge.",
        ),
    ] = None,
    samlinger: Annotated[
        int,
        typer.Option(
            "--samlinger",
            min=1,
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
) -> None:
    """Lag en ny pilot: pilot.yaml, teams/, rapport/ og et git-repo.

    Nekter hvis mappen allerede har en pilot. Alt kan endres i pilot.yaml etterpå.
    """

    def action() -> None:
        from jobbvinner_cli.setup_pilot import InitOptions, init_pilot, parse_gathering

        dates = [parse_gathering(s) for s in samling or []]
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
            )
        )
        _say(f"[green]Laget piloten[/] «{name}» i {result.root}")
        for rel in result.written:
            _say(f"  {rel}")
        git_text = {
            "laget": "Laget et nytt git-repo.",
            "finnes": "Mappen er allerede i et git-repo.",
            "mangler": "git finnes ikke på maskinen; ingen git-repo laget.",
            "feilet": "Klarte ikke å lage git-repo (git init feilet).",
            "av": "",
        }[result.git]
        if git_text:
            _say(git_text)
        if not dates:
            _say(
                f"Fyll inn datoene for de {samlinger} samlingene i pilot.yaml før du lager dokumenter."
            )
        _say(f'Neste steg: cd {directory} && jv new-team "KOMMUNE" --gruppeleder "NAVN"')

    _run(action)


@app.command("new-team")
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
        from jobbvinner_cli.repo import PilotRepo
        from jobbvinner_cli.setup_team import new_team

        repo = PilotRepo.load(pilot)
        result = new_team(
            repo, kommune, gruppeleder=gruppeleder, slug=slug, referansegruppe=referansegruppe
        )
        _say(f"[green]Laget teamet[/] «{kommune}» ({result.slug})")
        for rel in result.written:
            _say(f"  {rel}")
        _say(
            f"Fyll inn medlemmene i teams/{result.slug}/team.yaml. "
            f"Neste dokument: jv scaffold fremdriftsplan --team {result.slug}"
        )

    _run(action)


@app.command("scaffold")
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
        from jobbvinner_cli.dates import format_date
        from jobbvinner_cli.repo import PilotRepo
        from jobbvinner_cli.scaffold import scaffold
        from jobbvinner_cli.slugs import check_slug

        if team is not None:
            check_slug(team)
        repo = PilotRepo.load(pilot)
        result = scaffold(repo, doctype.strip().lower(), team=team, nr=nr, force=force)
        ctx = result.context
        _say(f"[green]Laget[/] {result.display}")
        _say(
            f"  {ctx['doc']['tittel']}, periode {format_date(ctx['periode']['fra'])} – "
            f"{format_date(ctx['periode']['til'])}, frist {format_date(ctx['frist'])}"
        )

    _run(action)


@app.command("types")
def types_command(pilot: PilotOption = None) -> None:
    """Vis dokumenttypene piloten bruker: seksjoner, sidegrense og frister."""

    def action() -> None:
        from jobbvinner_cli.dates import format_date
        from jobbvinner_cli.model.schedule import ScheduleError, numbers, slot
        from jobbvinner_cli.repo import PilotRepo

        repo = PilotRepo.load(pilot)
        for name, doctype in repo.doctypes.items():
            variant = doctype.variant_name(repo.pilot.variant_for(name))
            pages = f"maks {doctype.max_pages} sider" if doctype.max_pages else "ingen sidegrense"
            _say(f"[bold]{name}[/] – {doctype.title} ({variant}, {pages})")
            wanted: list[int | None] = (
                list(numbers(doctype, repo.pilot)) if doctype.numbered else [None]
            )
            for number in wanted:
                try:
                    where = slot(doctype, repo.pilot, number)
                    _say(f"    {doctype.display_title(number)}: frist {format_date(where.due)}")
                except ScheduleError as exc:
                    _say(f"    {doctype.display_title(number)}: {exc}")
            for heading in doctype.headings(variant):
                _say(f"    ## {heading}")

    _run(action)


def _version(value: bool) -> None:
    if value:
        from jobbvinner_cli import __version__

        typer.echo(f"jv {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Vis versjonen og avslutt."
        ),
    ] = False,
) -> None:
    """jv – verktøy for en Jobbvinner-pilot."""


# Commands defined in their own modules register themselves on `app` when imported.
from jobbvinner_cli import cli_check, cli_report  # noqa: E402,F401


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # pragma: no cover - e.g. `jv ... | head`
        raise SystemExit(0) from None

"""The `jv` app: the root options, and the one place every command is registered.

Each command lives in its own module and imports its machinery inside the
function, so `jv --help` loads only Typer and these thin modules.
"""

from __future__ import annotations

import gc
import os
from typing import Annotated

import typer

from jobbvinner_cli.cli import language
from jobbvinner_cli.cli.check import EPILOG as CHECK_EPILOG
from jobbvinner_cli.cli.check import check_command
from jobbvinner_cli.cli.clickkit import JvGroup, JvTyper
from jobbvinner_cli.cli.init import init_command
from jobbvinner_cli.cli.lazyparams import install as install_lazy_params
from jobbvinner_cli.cli.lever import lever_command
from jobbvinner_cli.cli.outreach import (
    calendar_command,
    certificates_command,
    progress_report_command,
    remind_command,
)
from jobbvinner_cli.cli.report import build_report_command, export_command
from jobbvinner_cli.cli.scaffold import scaffold_command
from jobbvinner_cli.cli.status import status_command
from jobbvinner_cli.cli.sync import sync_command
from jobbvinner_cli.cli.team import new_team_command
from jobbvinner_cli.cli.types import types_command
from jobbvinner_cli.cli.word import import_command

app = JvTyper(
    name="jv",
    cls=JvGroup,
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
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from jobbvinner_cli import __version__

        typer.echo(f"jv {__version__}")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    # the value was taken before parsing (language.choose_from_args); here it is only checked
    if value is not None and language.normalize(value) is None:
        raise typer.BadParameter(f"«{value}» er ikke et språk jv har. Velg nb eller en.")
    return value


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Vis versjonen og avslutt."
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="nb|en",
            callback=_lang,
            is_eager=True,
            help="Språket i hjelpen og feilmeldingene fra kommandolinjen: nb (bokmål, "
            "standard) eller en (English). Også med miljøvariabelen JV_LANG.",
        ),
    ] = None,
) -> None:
    """jv – verktøy for en Jobbvinner-pilot."""


app.command("init")(init_command)
app.command("new-team")(new_team_command)
app.command("scaffold")(scaffold_command)
app.command("types")(types_command)
app.command("lever")(lever_command)
app.command("sync")(sync_command)
app.command("check", epilog=CHECK_EPILOG)(check_command)
app.command("status")(status_command)
app.command("build-report")(build_report_command)
app.command("export")(export_command)
app.command("calendar")(calendar_command)
app.command("remind")(remind_command)
app.command("kursbevis")(certificates_command)
app.command("progress-report")(progress_report_command)
app.command("import")(import_command)


install_lazy_params()


def main() -> None:
    # Pydantic looks for plugins in every installed package's metadata the first time a
    # model is used (about 0.02 s); jv uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    try:
        app()
    except BrokenPipeError:  # pragma: no cover - e.g. `jv ... | head`
        raise SystemExit(0) from None
    finally:
        # the process ends here: the collection Python makes at exit need not walk
        # everything the command made (a tenth of a second on a large pilot)
        gc.freeze()

"""What the commands share: --pilot, --today, format choices, writing output, and errors.

Errors reach the user as «Feil: …» in Norwegian with the exit code of their class
(see jobbvinner_cli.errors); this module words the domain's hints with the flags.
Only the standard library, Typer and jobbvinner_cli.errors are imported up front,
so that `jv --help` stays fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any, TypeVar

import typer

from jobbvinner_cli.errors import Hint, JvError, UsageError

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

PilotOption = Annotated[
    Path | None,
    typer.Option(
        "--pilot",
        help="Pilotmappen. Standard: mappen du står i, eller nærmeste mappe over med pilot.yaml.",
        file_okay=False,
    ),
]

TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="ÅÅÅÅ-MM-DD",
        help="Datoen fristene regnes mot (og datoen på rapporten). Standard: dagens dato.",
    ),
]


def parse_today(value: str | None) -> dt.date:
    """The --today option as a date; today's date when it is not given."""
    return parse_date(value, flag="--today ")


def parse_date(value: str | None, *, flag: str = "") -> dt.date:
    """A date option; today's date when it is not given. ``flag`` starts the message
    («--today »); without it, ``option_value`` names the option."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            f"{flag}«{value}» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2019-12-31."
        ) from None


# --- format choices ------------------------------------------------------------------------


class OptionValueError(typer.BadParameter):
    """An option value Typer rejects while parsing, shown like every other error (exit 2)."""

    def show(self, file: IO[Any] | None = None) -> None:
        from jobbvinner_cli.formats import terminal

        terminal.error(self.message)


def choice(kind: type[E], flag: str, note: str = "") -> Callable[[Any], E]:
    """Parse an Enum option in any case, with a Norwegian message that lists the choices.

    Typer's own message for a bad choice is English; this parser replaces it.
    """

    def parse(value: Any) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(str(value).strip().lower())
        except ValueError:
            choices = ", ".join(str(member.value) for member in kind)
            raise OptionValueError(
                f"{flag} «{value}» finnes ikke. Velg en av: {choices}{note}."
            ) from None

    return parse


# --- output --------------------------------------------------------------------------------


def safe_stdout() -> None:
    """Never fail on printing æøå to a terminal or pipe with a narrow encoding."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # exotic streams
            reconfigure(errors="replace")


def write(text: str) -> None:
    """Write a formatter's text to stdout as it is (colour codes included), ending in a newline."""
    typer.echo(text if text.endswith("\n") else text + "\n", nl=False, color=True)


# --- errors --------------------------------------------------------------------------------

# The remedies the domain names, worded with this command line's options.
HINTS: dict[Hint, str] = {
    Hint.PILOT_FOLDER: "Sjekk --pilot, eller lag en pilot med «jv init».",
    Hint.FIND_PILOT: "Gå til pilotmappen, bruk --pilot MAPPE, eller lag en ny pilot med «jv init MAPPE».",
    Hint.NAME_TEAM: "Oppgi teamet med --team.",
    Hint.DROP_TEAM: "Dropp --team.",
    Hint.NAME_NR: "Oppgi hvilken med --nr.",
    Hint.DROP_NR: "Dropp --nr.",
    Hint.REPLACE_NR: "Bruk --nr N --force for å lage en av dem på nytt.",
    Hint.REPLACE_FILE: "Bruk --force hvis du vil erstatte den (innholdet går da tapt).",
    Hint.REPLACE_DOCUMENT: (
        "Bruk --force hvis du vil lage det på nytt fra malen "
        "(teksten som står der nå, går da tapt)."
    ),
    Hint.OTHER_SLUG: "Velg et annet navn med --slug hvis det er en annen kommune.",
    Hint.NAME_SLUG: "Du kan også oppgi mappenavnet med --slug.",
    Hint.NAME_FORMAT: "Du kan også oppgi formatet med --format.",
    Hint.BUILD_DRAFT: "Rett feilene, eller bygg et utkast med --draft (da står UTKAST på hver side).",
}


def message_of(exc: JvError) -> str:
    """The error's message, followed by its hint (on a line of its own after a list)."""
    if exc.hint is None:
        return exc.message
    separator = "\n" if "\n" in exc.message else " "
    return f"{exc.message}{separator}{HINTS[exc.hint]}"


def show_error(exc: JvError) -> None:
    """«Feil: file:line: message», one «Feil:» line per line of a longer message."""
    from jobbvinner_cli.formats import terminal

    where = exc.location()
    message = message_of(exc)
    if "\n" in message:
        if where and not message.startswith(str(where)):
            terminal.error(f"{where}:")
        for line in message.splitlines():
            terminal.error(line)
    else:
        terminal.error(f"{where}: {message}" if where else message)


@contextmanager
def option_value(flag: str) -> Iterator[None]:
    """Say which option a value came from when the domain refuses it: «--team: …»."""
    try:
        yield
    except UsageError as exc:
        raise UsageError(
            f"{flag}: {exc.message}", path=exc.path, line=exc.line, hint=exc.hint
        ) from None


def run(action: Callable[[], T]) -> T:
    """Run a command's work; a JvError becomes its message and its class's exit code."""
    try:
        return action()
    except JvError as exc:
        show_error(exc)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        from jobbvinner_cli.formats import terminal

        terminal.error("Avbrutt.")
        raise typer.Exit(130) from None

"""Click's usage errors in bokmål: unknown options and commands (with the suggestion),
missing and invalid values (pydantic's and Typer's messages), too many arguments.

:func:`show_click_error` shows one the way Click would, with the usage line and where
help is, but in the chosen language (see ``cli/language.py``); ``cli/clickkit.py``
calls it for every command.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import typer
from typer._click import exceptions as ce
from typer.core import TyperOption

from jobbvinner_cli.cli import language


def _hint(exc: ce.BadParameter) -> str:
    param = exc.param
    if exc.param_hint is not None:
        hints = [exc.param_hint] if isinstance(exc.param_hint, str) else list(exc.param_hint)
    elif isinstance(param, TyperOption):
        hints = list(param.opts)
    elif param is not None:
        hints = [param.metavar or (param.name or "").upper()]
    else:
        return ""
    return " / ".join(f"«{h}»" for h in hints)


def _value_message(exc: ce.BadParameter) -> str:
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        first = (errors() or [{}])[0]
        if first.get("type") == "value_error":  # a validator's own message
            return language.plain_value_error(exc.message.removeprefix("Value error, "))
        text = language.value_error(str(first.get("type")), first.get("ctx") or {}, exc.message)
        if text is not exc.message and "input" in first:
            return f"«{first['input']}» {text}."
        return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
    return language.plain_value_error(exc.message)


_MESSAGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"^No such command '(.*)'\.(?: Did you mean (.*)\?)?$", re.S),
        lambda m: (
            f"Kommandoen «{m[1]}» finnes ikke."
            + (f" Mente du {_quoted(m[2])}?" if m[2] else " Se kommandoene med «jv --help».")
        ),
    ),
    (re.compile(r"^Missing command\.$"), lambda m: "Mangler kommando. Se kommandoene med --help."),
    (
        re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", re.S),
        lambda m: f"For mange argumenter: {m[1]}. Sett verdier med mellomrom i anførselstegn.",
    ),
    (
        re.compile(r"^Option '(.*)' requires an argument\.$"),
        lambda m: f"Valget «{m[1]}» trenger en verdi.",
    ),
    (
        re.compile(r"^Option '(.*)' requires (\d+) arguments\.$"),
        lambda m: f"Valget «{m[1]}» trenger {m[2]} verdier.",
    ),
    (
        re.compile(r"^Option '(.*)' does not take a value\.$"),
        lambda m: f"Valget «{m[1]}» tar ingen verdi.",
    ),
    (
        re.compile(r"^Argument '(.*)' takes (\d+) values\.$"),
        lambda m: f"Argumentet «{m[1].upper()}» tar {m[2]} verdier.",
    ),
)


def _quoted(python_reprs: str) -> str:
    names = re.findall(r"'([^']*)'", python_reprs)
    return " eller ".join(f"«{n}»" for n in names) if names else python_reprs


def describe(exc: ce.ClickException) -> str:
    """The Norwegian message for one of Click's errors."""
    if isinstance(exc, ce.NoSuchOption):
        text = f"Valget «{exc.option_name}» finnes ikke."
        if exc.possibilities:
            return (
                text + f" Mente du {' eller '.join(f'«{p}»' for p in sorted(exc.possibilities))}?"
            )
        return text
    if isinstance(exc, ce.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "")
        noun = {"argument": "argumentet", "option": "valget"}.get(kind, "verdien")
        text = f"Mangler {noun} {_hint(exc)}.".replace("  ", " ").replace(" .", ".")
        desc = getattr(exc.param, "type_descriptor", None)
        if desc is not None and desc.is_choice and desc.choices:
            values = ", ".join(str(getattr(c, "value", c)) for c in desc.choices)
            text += f" Velg en av: {values}."
        return text
    if isinstance(exc, ce.BadParameter):
        hint = _hint(exc)
        message = _value_message(exc)
        return f"Ugyldig verdi for {hint}: {message}" if hint else f"Ugyldig verdi: {message}"
    if isinstance(exc, ce.FileError):
        return f"Kunne ikke åpne filen «{exc.ui_filename}»: {exc.message}"
    for pattern, word in _MESSAGES:
        match = pattern.match(exc.message)
        if match:
            return word(match)
    return exc.message


def show_click_error(exc: ce.ClickException) -> None:
    """Show a Click error: in English as Click does, else the usage line, a pointer to
    --help and «Feil: …» in Norwegian. An error that shows itself (the help when
    `jv` is run alone, jv's own option errors) is left to do so."""
    shows_itself = type(exc).show not in (ce.ClickException.show, ce.UsageError.show)
    if not language.norwegian() or shows_itself:
        exc.show()
        return
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        typer.echo(ctx.get_usage(), err=True)
        if ctx.command.get_help_option(ctx) is not None:
            typer.echo(f"Se «{ctx.command_path} {ctx.help_option_names[0]}» for hjelp.\n", err=True)
    from jobbvinner_cli.formats import terminal

    terminal.error(describe(exc))

"""jv's Typer app classes: every command's help, usage line and usage errors in bokmål.

Click and Typer print their own words in English («Usage:», «Show this message and
exit.», «No such option», «Input should be greater than or equal to 1») and show
types as ``<str>`` or ``{directory}``. The classes here put all of that in the
language of :mod:`jobbvinner_cli.cli.language` in one place: :class:`JvTyper` gives
every command added with ``app.command(...)`` the class :class:`JvCommand`, so a
new command is Norwegian without doing anything. The metavars follow the type
(``MAPPE``, ``FIL``, ``DATO``, ``TALL``, ``TEKST``) unless a command names its own.

This module leans on Typer's vendored Click (``typer._click``); pyproject pins the
Typer minor version it is written for, and tests/test_norwegian_cli.py walks every
command so that a Typer upgrade that brings English back fails the tests.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, get_args, get_origin

import typer
from typer._click import exceptions as ce
from typer._click.core import Command, Context
from typer._click.formatting import HelpFormatter
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.main import get_command_from_info, get_command_name
from typer.models import CommandInfo, TyperInfo

from jobbvinner_cli.cli import language
from jobbvinner_cli.cli.lazycommands import LazyCommands

# --- help ----------------------------------------------------------------------------------


class JvFormatter(HelpFormatter):
    """Click's help formatter with the headings and phrases in the chosen language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, language.phrase(prefix or "Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(language.heading(heading))

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl([(t, language.help_text(h)) for t, h in rows], col_max, col_spacing)


class JvContext(Context):
    formatter_class = JvFormatter


_SCALARS: dict[type, str] = {
    int: "TALL",
    float: "TALL",
    dt.date: "DATO",
    dt.datetime: "TIDSPUNKT",
    bool: "JA|NEI",
}


def metavar_of(param: TyperArgument | TyperOption) -> str:
    """The Norwegian placeholder for a value of this parameter's type."""
    if isinstance(param, TyperArgument):
        return (param.name or "verdi").upper()
    desc = param.type_descriptor
    if desc.is_choice:
        return "|".join(str(getattr(c, "value", c)) for c in desc.choices or ())
    if desc.is_path:
        return "MAPPE" if desc.path_type == "dir" else "FIL"
    if desc.is_datetime:
        return "TIDSPUNKT"
    annotation: Any = desc.annotation
    if get_origin(annotation) is list:
        annotation = (get_args(annotation) or (str,))[0]
    return _SCALARS.get(annotation, "TEKST")


class _JvArgument(TyperArgument):
    """An argument whose name says what it is (``KOMMUNE``): no type beside it in Rich help."""

    def display_type_rich(self, ctx: Context) -> str | None:
        return None


def _name_values(params: Sequence[Any]) -> None:
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _JvArgument
        if not isinstance(param, TyperArgument | TyperOption) or param.metavar is not None:
            continue
        if isinstance(param, TyperOption) and (param.is_flag or param.count):
            continue
        param.metavar = metavar_of(param)


def _usage_pieces(command: TyperCommand | TyperGroup, ctx: Context) -> list[str]:
    pieces = [language.phrase(command.options_metavar)] if command.options_metavar else []
    for param in command.get_params(ctx):
        if isinstance(param, TyperArgument):
            name = param.metavar or (param.name or "").upper()
            piece = name if param.required else f"[{name}]"
            pieces.append(piece + ("..." if param.nargs != 1 else ""))
        else:
            pieces.extend(param.get_usage_pieces(ctx))
    return pieces


def _format_options(command: TyperCommand | TyperGroup, ctx: Context, out: HelpFormatter) -> None:
    arguments, options = [], []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        if isinstance(param, TyperArgument):
            arguments.append((param.metavar or (param.name or "").upper(), record[1]))
        else:
            options.append(record)
    if arguments:
        with out.section("Arguments"):
            out.write_dl(arguments)
    if options:
        with out.section("Options"):
            out.write_dl(options)


# Typer's Rich help (for an app or command with rich_markup_mode set) takes its words
# from module constants and the parameters' help; both are set for the language in use.
RICH_WORDS = {
    "DEPRECATED_STRING": ("(deprecated) ", "(utgått) "),
    "DEFAULT_STRING": ("[default: {}]", "[standard: {}]"),
    "ENVVAR_STRING": ("[env var: {}]", "[miljøvariabel: {}]"),
    "REQUIRED_LONG_STRING": ("[required]", "[påkrevd]"),
    "ARGUMENTS_PANEL_TITLE": ("Arguments", "Argumenter"),
    "OPTIONS_PANEL_TITLE": ("Options", "Valg"),
    "COMMANDS_PANEL_TITLE": ("Commands", "Kommandoer"),
    "ERRORS_PANEL_TITLE": ("Error", "Feil"),
    "ABORTED_TEXT": ("Aborted.", "Avbrutt."),
    "RICH_HELP": (
        "Try [blue]'{command_path} {help_option}'[/] for help.",
        "Se [blue]«{command_path} {help_option}»[/] for hjelp.",
    ),
}


def _rich_words(command: TyperCommand | TyperGroup, ctx: Context) -> None:
    from typer import rich_utils

    norwegian = language.norwegian()
    for name, (english, bokmal) in RICH_WORDS.items():
        setattr(rich_utils, name, bokmal if norwegian else english)
    for param in command.get_params(ctx):
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""  # a flag takes no value: no «<bool>» beside it
        english_help = param.__dict__.setdefault("_jv_english_help", getattr(param, "help", None))
        if isinstance(english_help, str):
            param.help = language.phrase(english_help)  # type: ignore[attr-defined]


class JvCommand(TyperCommand):
    context_class = JvContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _name_values(self.params)

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return _usage_pieces(self, ctx)

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _format_options(self, ctx, formatter)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        if self.rich_markup_mode is not None:
            _rich_words(self, ctx)
        super().format_help(ctx, formatter)


class JvGroup(TyperGroup):
    """The root `jv`: Norwegian help, and usage errors of every command in Norwegian.

    The commands of a :class:`JvTyper` app are made when they are looked up (see
    cli/lazycommands.py): `jv check` makes only the check command."""

    context_class = JvContext
    jv_app: ClassVar[JvTyper | None] = None  # set on the app's own subclass

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _name_values(self.params)
        if self.jv_app is not None:
            self.commands = self.jv_app.lazy_commands(self.commands)

    def list_commands(self, ctx: Context) -> list[str]:
        return list(self.commands)  # the names, in the order of registration; nothing built

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        # TyperGroup.format_commands, with each row from the command's listing
        commands = self.commands
        rows: list[tuple[str, Command]] = []
        for name in self.list_commands(ctx):
            command = (
                commands.listing(name)
                if isinstance(commands, LazyCommands)
                else self.get_command(ctx, name)
            )
            if command is not None and not command.hidden:
                rows.append((name, command))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, c.get_short_help_str(limit)) for name, c in rows])

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return [*_usage_pieces(self, ctx), language.phrase(self.subcommand_metavar)]

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        if self.rich_markup_mode is not None:
            _rich_words(self, ctx)
        super().format_help(ctx, formatter)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        arglist = sys.argv[1:] if args is None else list(args)
        language.choose_from_args(arglist)
        # Typer adds the completion options after the group is made
        for param in self.params:
            if param.name in ("install_completion", "show_completion") and param.callback:
                param.callback = _completion(param.callback, param.name == "install_completion")

        def parse() -> Any:
            return super(JvGroup, self).main(
                arglist, prog_name, complete_var, False, windows_expand_args, **extra
            )

        if not standalone_mode:
            return parse()
        try:
            result = parse()
        except ce.ClickException as exc:
            from jobbvinner_cli.cli.usage_errors import show_click_error  # only on an error

            show_click_error(exc)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("Avbrutt." if language.norwegian() else "Aborted!", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


class JvTyper(typer.Typer):
    """A Typer app whose commands are :class:`JvCommand` unless they name another class,
    made only when they are looked up. It is always a group (a :class:`JvGroup`), also
    with a single command."""

    def __init__(self, *args: Any, cls: type[JvGroup] = JvGroup, **kwargs: Any) -> None:
        self._infos: dict[str, CommandInfo] = {}
        own = type(cls.__name__, (cls,), {"jv_app": self, "__module__": cls.__module__})
        super().__init__(*args, cls=own, **kwargs)

    def command(self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any) -> Any:
        register = super().command(*args, cls=cls or JvCommand, **kwargs)

        def decorator(function: Callable[..., Any]) -> Callable[..., Any]:
            register(function)
            # kept aside, so that typer.main.get_command does not make it with the group
            info = self.registered_commands.pop()
            self._infos[info.name or get_command_name(function.__name__)] = info
            if self.registered_callback is None:
                # Typer makes a group only for an app with a callback or several commands;
                # a callback with nothing set (no function, no help) is one
                self.registered_callback = TyperInfo()
            return function

        return decorator

    def lazy_commands(self, built: Mapping[str, Command]) -> LazyCommands:
        """A group's commands: those Typer made (none) and this app's, made on demand."""

        def build(info: CommandInfo) -> Command:
            return get_command_from_info(
                info,
                pretty_exceptions_short=self.pretty_exceptions_short,
                rich_markup_mode=self.rich_markup_mode,
            )

        return LazyCommands(self._infos, build, built)


# --- shell completion ----------------------------------------------------------------------


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value.lower()
    from typer._completion_shared import _get_shell_name

    return _get_shell_name()


def _completion(english: Callable[..., Any], install: bool) -> Callable[..., Any]:
    """Typer's --install-completion or --show-completion, in Norwegian: where the script
    went, or which shells there are when the shell is unknown."""
    if getattr(english, "norwegian", False):
        return english

    def callback(ctx: Context, param: Any, value: Any) -> Any:
        if not value or ctx.resilient_parsing or not language.norwegian():
            return english(ctx, param, value)
        shell = _shell_of(value)
        if shell not in SHELLS:
            from jobbvinner_cli.formats import terminal

            terminal.error(
                f"Fant ikke ut hvilket skall du bruker{f' («{shell}»)' if shell else ''}. "
                "Fullføring finnes for bash, zsh og fish (og PowerShell)."
            )
            sys.exit(1)
        if not install:
            return english(ctx, param, shell)
        from typer._completion_shared import install as install_script

        shell, path = install_script(shell=shell)
        typer.echo(
            f"Fullføring med Tab for {shell} er lagt inn i {path}. "
            "Den virker når du har åpnet terminalen på nytt."
        )
        sys.exit(0)

    callback.norwegian = True  # type: ignore[attr-defined]
    return callback

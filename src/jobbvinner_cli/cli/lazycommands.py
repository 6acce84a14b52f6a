"""The app's commands, each made into a Click command only when it is asked for.

Typer turns every registered command into a Click command before parsing: it reads each
function's signature and evaluates its annotations, about 2 ms a command, so some 0.03 s
for jv's fifteen when one is run. :class:`LazyCommands` keeps Typer's own record of each
command (its ``CommandInfo``) and has Typer build the command from it the first time the
command is looked up; the group's help lists the commands from their help texts alone.
Typer's testing runner, shell completion and the tests that walk every command see the
same mapping, and get every command made when they look at all of them.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping, MutableMapping

from typer._click.core import Command
from typer.core import TyperCommand
from typer.models import CommandInfo


class LazyCommands(MutableMapping[str, Command]):
    """name -> Click command, built on first access from the command's ``CommandInfo``."""

    def __init__(
        self,
        infos: Mapping[str, CommandInfo],
        build: Callable[[CommandInfo], Command],
        built: Mapping[str, Command] | None = None,
    ) -> None:
        self._infos = infos
        self._build = build
        self._names = [*infos, *(name for name in built or {} if name not in infos)]
        self._built: dict[str, Command] = dict(built or {})

    def __getitem__(self, name: str) -> Command:
        command = self._built.get(name)
        if command is None:
            if name not in self._names:
                raise KeyError(name)
            command = self._built[name] = self._build(self._infos[name])
        return command

    def __setitem__(self, name: str, command: Command) -> None:
        if name not in self._names:
            self._names.append(name)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._names.remove(name)  # KeyError's cousin ValueError for an unknown name
        self._built.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._names))

    def __len__(self) -> int:
        return len(self._names)

    def built(self) -> list[str]:
        """The names of the commands made so far, in the order of registration."""
        return [name for name in self._names if name in self._built]

    def listing(self, name: str) -> Command:
        """What the group's help needs of a command (name, help, hidden, deprecated):
        the command itself once it is built, else a bare command with the same texts."""
        command = self._built.get(name)
        if command is not None:
            return command
        info = self._infos[name]
        return TyperCommand(
            name=name,
            help=help_of(info),
            short_help=info.short_help,
            hidden=info.hidden,
            deprecated=info.deprecated,
            add_help_option=False,
        )


def help_of(info: CommandInfo) -> str | None:
    """The command's help as Typer gives it (typer.main.get_command_from_info)."""
    if info.help is None:
        return inspect.getdoc(info.callback)
    return inspect.cleandoc(info.help)

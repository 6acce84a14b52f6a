"""README.md documents every command and every option of jv, as the command line defines them.

Each command has a section headed «### `jv COMMAND …`», and each of its long options
(both names of a --x/--no-x pair) appears in that section. Options that every command
shares are documented once, before the first command's section. Hidden options are exempt.
The options a section's heading shows must exist on that command.
"""

from __future__ import annotations

import re

import pytest
import typer.main

from jobbvinner_cli.cli import app
from tests.clikit import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
CLI = typer.main.get_command(app)
COMMANDS = CLI.commands
# Options documented once for all the commands that take them, in the tour.
SHARED = {"--pilot"}
HEADING = re.compile(r"^### `jv ([a-z-]+)([^`]*)`", re.M)


def long_options(command: object) -> list[str]:
    names: list[str] = []
    for param in command.params:
        if param.param_type_name != "option" or getattr(param, "hidden", False):
            continue
        names += [o for o in (*param.opts, *param.secondary_opts) if o.startswith("--")]
    return names


def sections() -> dict[str, tuple[str, str]]:
    """command → (the synopsis in its heading, the section's text up to the next heading)."""
    out: dict[str, tuple[str, str]] = {}
    for match in HEADING.finditer(README):
        rest = README[match.end() :]
        end = re.search(r"^#{1,3} ", rest, re.M)
        out[match.group(1)] = (match.group(2), rest[: end.start() if end else len(rest)])
    return out


def mentions(text: str, option: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def intro() -> str:
    first = HEADING.search(README)
    assert first is not None
    return README[: first.start()]


PAIRS = [(name, option) for name, command in COMMANDS.items() for option in long_options(command)]


def test_the_cli_has_the_commands_this_test_expects() -> None:
    """Guard against the test passing vacuously if the command objects change shape."""
    assert {
        "init",
        "new-team",
        "scaffold",
        "types",
        "check",
        "status",
        "build-report",
        "export",
    } <= set(COMMANDS)
    assert ("check", "--list-rules") in PAIRS and ("init", "--no-git") in PAIRS
    assert ("check", "--jobs") not in PAIRS  # hidden


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_section(name: str) -> None:
    assert name in sections(), f"README.md has no section «### `jv {name} …`»"


@pytest.mark.parametrize(("name", "option"), PAIRS, ids=[f"{n} {o}" for n, o in PAIRS])
def test_every_option_is_documented(name: str, option: str) -> None:
    if option in SHARED:
        assert mentions(intro(), option), f"{option} is not explained before the commands"
    else:
        synopsis, text = sections().get(name, ("", ""))
        assert mentions(synopsis + text, option), (
            f"`jv {name} {option}` is not mentioned in its README section"
        )


@pytest.mark.parametrize("name", sorted(sections()))
def test_the_options_in_a_heading_exist(name: str) -> None:
    synopsis, _text = sections()[name]
    command = COMMANDS[name]
    known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
    shown = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", synopsis))
    assert shown <= known, f"README shows {sorted(shown - known)} for jv {name}"


def test_the_root_options_are_documented() -> None:
    for param in CLI.params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert mentions(README, option), option
    assert mentions(README, "--help")

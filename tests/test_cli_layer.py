"""The command line layer: exit codes from error classes, flag hints, format choices, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jobbvinner_cli.cli.common import HINTS, message_of
from jobbvinner_cli.errors import ConfigError, Hint, JvError, UsageError
from tests.conftest import Run

SRC = Path(__file__).resolve().parents[1] / "src" / "jobbvinner_cli"


def _sources() -> dict[str, str]:
    return {p.relative_to(SRC).as_posix(): p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}


def test_exit_code_follows_the_class() -> None:
    assert JvError("x").exit_code == 1
    assert UsageError("x").exit_code == 2
    assert ConfigError("pilot.yaml", [(3, "feil")]).exit_code == 2
    assert issubclass(ConfigError, UsageError)


def test_every_hint_is_worded_with_a_flag() -> None:
    assert set(HINTS) == set(Hint)
    assert all(re.search(r"--[a-z]", text) for text in HINTS.values())


def test_a_hint_follows_the_message_or_a_list() -> None:
    error = JvError("Filen finnes allerede.", hint=Hint.REPLACE_FILE)
    assert message_of(error) == (
        "Filen finnes allerede. Bruk --force hvis du vil erstatte den (innholdet går da tapt)."
    )
    listed = JvError("3 feil:\n  a\n  b", hint=Hint.BUILD_DRAFT)
    assert message_of(listed).splitlines()[-1].startswith("Rett feilene, eller bygg et utkast")


def test_only_the_cli_imports_typer_and_only_the_terminal_imports_rich() -> None:
    for name, text in _sources().items():
        if re.search(r"^\s*(import|from) typer\b", text, re.M):
            assert name.startswith("cli/"), name
        if re.search(r"^\s*(import|from) rich\b", text, re.M):
            assert name == "formats/terminal.py", name


def test_the_terminal_styles_every_severity_and_state() -> None:
    from jobbvinner_cli.check.deadlines import State
    from jobbvinner_cli.diagnostics import Severity
    from jobbvinner_cli.formats import terminal

    assert set(terminal.STYLES) == {s.value for s in Severity}
    assert set(terminal.SYMBOLS) == {s.value for s in State}


# The shared helpers of the command modules: they import only each other, never a command.
CLI_HELPERS = {"common", "language", "check_output", "clickkit", "lazycommands", "usage_errors"}


def _cli_imports(text: str) -> set[str]:
    dotted = re.findall(r"from jobbvinner_cli\.cli\.(\w+) import", text)
    bare = re.findall(r"from jobbvinner_cli\.cli import (\w+)", text)
    return set(dotted) | set(bare)


def test_the_cli_modules_do_not_import_each_other_in_a_cycle() -> None:
    for name, text in _sources().items():
        if name.startswith("cli/") and name not in ("cli/__init__.py", "cli/app.py"):
            module = name.removeprefix("cli/").removesuffix(".py")
            # a command module imports helpers only, never another command module
            assert _cli_imports(text) - {module} <= CLI_HELPERS, name


def test_no_format_or_flag_names_in_domain_error_messages() -> None:
    flags = re.compile(r"--(force|team|nr|pilot|slug|draft|format|samling|referansegruppe)\b")
    for name, text in _sources().items():
        if name.startswith(("cli/", "formats/", "render/", "check/")):
            continue
        assert not flags.search(text), name


def test_format_is_case_insensitive_and_bad_formats_get_a_norwegian_message(
    pilot: Path, run: Run
) -> None:
    result = run("status", "--today", "2018-06-01", "--format", "JSON", cwd=pilot)
    assert result.exit_code == 0 and result.stdout.lstrip().startswith("{")
    result = run("status", "-f", "xml", cwd=pilot)
    assert result.exit_code == 2
    assert (
        "Feil: --format «xml» finnes ikke. Velg en av: text, json, csv, md, xlsx." in result.output
    )
    result = run("check", "-f", "xml", cwd=pilot)
    assert (
        result.exit_code == 2 and "Feil: --format «xml» finnes ikke. Velg en av:" in result.output
    )
    result = run("build-report", "-f", "rtf", cwd=pilot)
    assert result.exit_code == 2 and "Velg en av: pdf, docx, html." in result.output


@pytest.mark.parametrize(
    ("command", "choices"),
    [
        ("check", "text|json|github|junit|sarif|auto|md"),
        ("status", "text|json|csv|md|xlsx"),
        ("build-report", "pdf|docx|html"),
    ],
)
def test_help_lists_the_format_choices(run: Run, command: str, choices: str) -> None:
    assert choices in run(command, "--help").stdout


def test_one_today_parser_for_every_command(pilot: Path, run: Run) -> None:
    for command in ("check", "status", "build-report"):
        result = run(command, "--today", "31.12.2018", cwd=pilot)
        assert result.exit_code == 2
        assert "--today «31.12.2018» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD" in result.output


def test_the_flag_a_bad_value_came_from_is_named(pilot: Path, run: Run) -> None:
    result = run("new-team", "Rindal", "--referansegruppe", "Frøya", cwd=pilot)
    assert result.exit_code == 2
    assert "--referansegruppe: «Frøya» er ikke et gyldig teamnavn" in result.output
    result = run("init", str(pilot.parent / "ny"), "--name", "P", "--samling", "1.1.2020")
    assert result.exit_code == 2
    assert "--samling: «1.1.2020» er ikke en dato." in result.output


def test_markup_in_names_is_printed_as_it_is(tmp_path: Path, run: Run) -> None:
    root = tmp_path / "p"
    result = run("init", str(root), "--name", "Pilot [/] [bold]", "--samling", "2020-01-01",
                 "--samling", "2020-03-01", "--samling", "2020-06-01", "--no-git")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "«Pilot [/] [bold]»" in result.stdout
    result = run("new-team", "Bodø [/]", "--slug", "bodo", cwd=root)
    assert result.exit_code == 0, result.output
    assert "«Bodø [/]» (bodo)" in result.stdout
    result = run("status", "--today", "2020-02-01", cwd=root)
    assert result.exit_code == 0, result.output
    assert "Bodø [/]" in result.stdout


def test_jv_help_lists_the_commands_as_typer_does_without_making_them() -> None:
    """`jv --help` lists each command from its help text alone (cli/lazycommands.py); the
    list is the one Typer writes from the commands themselves, and none of them is made."""
    import typer.main
    from typer.core import TyperGroup

    from jobbvinner_cli.cli import app
    from jobbvinner_cli.cli.lazycommands import LazyCommands

    group = typer.main.get_command(app)
    ctx = group.make_context("jv", [], resilient_parsing=True)
    ours = ctx.make_formatter()
    group.format_commands(ctx, ours)
    assert isinstance(group.commands, LazyCommands)
    assert group.commands.built() == []
    typers = ctx.make_formatter()
    TyperGroup.format_commands(group, ctx, typers)  # makes every command
    assert group.commands.built() == list(group.commands)
    assert ours.getvalue() == typers.getvalue()
    assert "  check " in ours.getvalue() and "Kommandoer:" in ours.getvalue()

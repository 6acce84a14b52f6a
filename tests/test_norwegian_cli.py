"""Norwegian all the way: every command's --help and Click's usage errors in bokmål.

The commands are found in the app itself, so a command added later is walked too.
English stays available with JV_LANG=en or --lang en.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from jobbvinner_cli import __version__
from jobbvinner_cli.cli import app
from jobbvinner_cli.cli.clickkit import JvCommand
from tests.clikit import jv

# Words and marks Click and Typer print in English; none of them is Norwegian.
ENGLISH = re.compile(
    r"\b(Usage|Options|Arguments|Commands|Show this|Error|Missing|Invalid|No such|"
    r"Did you mean|Possible|Try|for help|required|default|env var|Input should|greater|"
    r"less than|Aborted|does not|not exist|requires|unexpected|value for|COMMAND|ARGS|"
    r"OPTIONS|DIRECTORY|TEXT|INTEGER|PATH|FILE|Install|current shell)\b"
    r"|<(str|int|path|dir|file|list\[.*?\]|int range|float|datetime)>|\{\w+\}"
)


def _commands() -> list[list[str]]:
    """The command paths of the app: [], ["init"], ["check"], … (groups walked too)."""
    found: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = _commands()


def test_the_walk_finds_every_registered_command() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert {"", "init", "new-team", "scaffold", "check", "status", "export"} <= names
    group = typer.main.get_command(app)
    for name, command in getattr(group, "commands", {}).items():
        assert isinstance(command, JvCommand), f"jv {name} is not a JvCommand"


def _english(text: str) -> list[str]:
    return [m.group(0) for m in ENGLISH.finditer(text)]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "jv")
def test_help_is_norwegian(path: list[str]) -> None:
    result = jv(*path, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Bruk: jv"), result.output
    assert _english(result.output) == [], result.output
    assert "Vis denne hjelpen og avslutt." in result.output


USAGE_ERRORS = [
    (["check", "--nope"], "Feil: Valget «--nope» finnes ikke."),
    (["checkk"], "Feil: Kommandoen «checkk» finnes ikke. Mente du «check»?"),
    (["init"], "Feil: Mangler argumentet «MAPPE»."),
    (["init", "x"], "Feil: Mangler valget «--name» / «-n»."),
    (["new-team"], "Feil: Mangler argumentet «KOMMUNE»."),
    (
        ["scaffold", "fremdriftsplan", "--nr", "0"],
        "Feil: Ugyldig verdi for «--nr»: «0» må være minst 1.",
    ),
    (
        ["scaffold", "fremdriftsplan", "--nr", "x"],
        "Feil: Ugyldig verdi for «--nr»: «x» må være et heltall, for eksempel 2.",
    ),
    (["init", "x", "-n", "y", "--samlinger", "99"], "«99» kan være høyst 20."),
    (["check", "--team"], "Feil: Valget «--team» trenger en verdi."),
    (["check", "--strict=ja"], "Feil: Valget «--strict» tar ingen verdi."),
    (["types", "ekstra"], "Feil: For mange argumenter: ekstra."),
    (["check", "--jobs", "-1"], "Feil: Ugyldig verdi for «--jobs»: «-1» må være minst 0."),
    (["check", "--format", "xml"], "Feil: --format «xml» finnes ikke."),
    (["--lang", "sv", "check"], "«sv» er ikke et språk jv har. Velg nb eller en."),
]


@pytest.mark.parametrize(
    ("args", "expected"), USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS]
)
def test_usage_errors_are_norwegian(args: list[str], expected: str, tmp_path: Path) -> None:
    result = jv(*args)
    assert result.exit_code == 2, result.output
    assert expected in result.output, result.output
    assert _english(result.output) == [], result.output
    assert "Traceback" not in result.output


def test_a_usage_error_shows_the_usage_line_and_where_help_is() -> None:
    result = jv("check", "--nope")
    assert result.output.splitlines()[:2] == [
        "Bruk: jv check [VALG] [FIL]...",
        "Se «jv check -h» for hjelp.",
    ]


def test_jv_alone_shows_the_help_in_norwegian() -> None:
    result = jv()
    assert result.output.startswith("Bruk: jv [VALG] KOMMANDO [ARGUMENTER]...")
    assert "Kommandoer:" in result.output
    assert _english(result.output) == []


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--lang", "en", "check", "--nope"], {}), (["check", "--nope"], {"JV_LANG": "en"})],
)
def test_english_stays_available(args: list[str], env: dict[str, str]) -> None:
    result = jv(*args, env=env)
    assert result.exit_code == 2
    assert "Usage: jv check [OPTIONS]" in result.output
    assert "No such option: --nope" in result.output


def test_english_help_with_jv_lang() -> None:
    result = jv("init", "--help", env={"JV_LANG": "en"})
    assert result.output.startswith("Usage: jv init [OPTIONS] MAPPE")
    assert "Show this message and exit." in result.output
    # and the next command line is Norwegian again
    assert jv("init", "--help").output.startswith("Bruk: jv init [VALG] MAPPE")


def test_metavars_follow_the_type() -> None:
    out = jv("check", "--help").output
    assert "--pilot MAPPE" in out
    assert "--today ÅÅÅÅ-MM-DD" in out
    assert "-t, --team TEKST" in out
    out = jv("export", "--help").output
    assert "-o, --output FIL" in out
    assert "--nr TALL" in out
    assert "--samling DATO" in jv("init", "--help").output


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str) -> None:
    result = jv(flag)
    assert result.exit_code == 0
    assert result.output == f"jv {__version__}\n"


@pytest.mark.parametrize(
    ("shell", "needle"),
    [("bash", "complete -o default -F"), ("zsh", "compdef"), ("fish", "complete --command jv")],
)
def test_completion_script_for_each_shell(
    shell: str, needle: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Typer reads this when it builds the command: the shell is then named, not detected
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = jv("--show-completion", shell)
    assert result.exit_code == 0, result.output
    assert needle in result.output
    assert "_JV_COMPLETE" in result.output


@pytest.mark.parametrize(
    ("shell", "script", "rc"),
    [
        ("bash", ".bash_completions/jv.sh", ".bashrc"),
        ("zsh", ".zfunc/_jv", ".zshrc"),
        ("fish", ".config/fish/completions/jv.fish", None),
    ],
)
def test_install_completion_writes_the_script(
    shell: str, script: str, rc: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = jv("--install-completion", shell, env={"HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert "_JV_COMPLETE" in (tmp_path / script).read_text(encoding="utf-8")
    if rc is not None:
        assert (tmp_path / rc).is_file()
    assert result.output.startswith(f"Fullføring med Tab for {shell} er lagt inn i ")
    assert _english(result.output) == []


def test_completion_completes_commands() -> None:
    result = jv(
        env={"_JV_COMPLETE": "complete_bash", "COMP_WORDS": "jv sta", "COMP_CWORD": "1"},
    )
    assert result.output.split() == ["status"]


def test_a_new_command_with_rich_help_panels_is_norwegian_too() -> None:
    from typer.testing import CliRunner

    from jobbvinner_cli.cli.clickkit import JvGroup, JvTyper

    demo = JvTyper(cls=JvGroup, rich_markup_mode="rich", add_completion=False)

    @demo.command()
    def hei(navn: str, antall: int = 1, mappe: Path | None = None) -> None:
        """Si hei."""

    @demo.command()
    def ha_det() -> None:
        """Si ha det."""

    runner = CliRunner()
    env = {"COLUMNS": "100", "NO_COLOR": "1"}
    out = runner.invoke(demo, ["hei", "--help"], env=env, catch_exceptions=False).output
    assert "Argumenter" in out and "Valg" in out and "Vis denne hjelpen og avslutt." in out
    assert "NAVN" in out and "TALL" in out and "[standard: 1]" in out and "[påkrevd]" in out
    assert _english(out) == [], out
    error = runner.invoke(demo, ["hei"], env=env, catch_exceptions=False)
    assert error.exit_code == 2
    assert "Feil: Mangler argumentet «NAVN»." in error.output
    assert _english(error.output) == [], error.output


def test_an_unknown_shell_gets_a_norwegian_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    for flag in ("--show-completion", "--install-completion"):
        result = jv(flag, "tcsh")
        assert result.exit_code == 2
        assert (
            f"Feil: Ugyldig verdi for «{flag}»: «tcsh» finnes ikke. "
            "Velg en av: bash, zsh, fish, powershell, pwsh."
        ) in result.output
        assert _english(result.output) == []


def test_a_shell_without_completion_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import typer._completion_shared as shared

    monkeypatch.delenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", raising=False)
    monkeypatch.setattr(shared, "_get_shell_name", lambda: "tcsh")
    for flag in ("--show-completion", "--install-completion"):
        result = jv(flag)
        assert result.exit_code == 1
        assert "Feil: Fant ikke ut hvilket skall du bruker («tcsh»)." in result.output


def test_lang_is_an_option_of_jv_itself() -> None:
    result = jv("check", "--lang", "en")
    assert result.exit_code == 2
    assert "Feil: Valget «--lang» finnes ikke." in result.output
    assert jv("--lang=en", "checkk").output.startswith("Usage: jv [OPTIONS]")


def test_bash_completes_commands_with_the_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    import subprocess
    import sys

    bash = shutil.which("bash")
    program = Path(sys.executable).parent / "jv"
    if bash is None or not program.exists():
        pytest.skip("needs bash and the installed jv script")
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    script = tmp_path / "jv.sh"
    script.write_text(jv("--show-completion", "bash").output, encoding="utf-8")
    run = (
        f'source "{script}"; PATH="{program.parent}:$PATH"; '
        'COMP_WORDS=(jv sta); COMP_CWORD=1; _jv_completion jv; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run([bash, "-c", run], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["status"]


def test_a_file_given_for_a_folder_is_refused_in_norwegian(tmp_path: Path) -> None:
    # Typer calls an option that wants a folder «dir» (not «Directory») in its message
    not_a_folder = tmp_path / "pilot.yaml"
    not_a_folder.write_text("navn: x\n", encoding="utf-8")
    result = jv("check", "--pilot", str(not_a_folder))
    assert result.exit_code == 2, result.output
    assert f"Feil: Ugyldig verdi for «--pilot»: «{not_a_folder}» er en fil, ikke en mappe." in (
        result.output
    )
    assert _english(result.output) == [], result.output

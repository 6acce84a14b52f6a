"""Control characters from a pilot's text are shown, not acted on, in every text output."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clikit import copy_example, edit, jv

# YAML's own escapes (\\e is ESC, \\a is BEL): the file is valid, the value is hostile
ESCAPES = "Hitra\\e]0;tittel\\a\\e[2J"


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    pilot = copy_example(tmp_path / "pilot")
    edit(pilot / "teams" / "hitra" / "team.yaml", "kommune: Hitra", f'kommune: "{ESCAPES}"')
    edit(
        pilot / "teams" / "hitra" / "hovedplan.md",
        "## 1. Beskriv kommunen",
        "## 1. Beskriv kommunen\n\n## Ekstra \x1b[31mrød\x1b[0m overskrift",
    )
    return pilot


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_status_tables_show_control_characters(pilot: Path, fmt: str) -> None:
    result = jv("status", "--pilot", str(pilot), "--format", fmt, "--today", "2019-12-31")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    if fmt != "json":  # JSON escapes them itself (\u001b), which is valid and inert
        assert "Hitra␛]0;tittel␇␛[2J" in result.stdout


def test_github_annotations_show_control_characters(pilot: Path) -> None:
    result = jv("check", "--pilot", str(pilot), "--format", "github", "--today", "2019-12-31")
    assert result.stdout.count("::") >= 2  # annotations were written
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout

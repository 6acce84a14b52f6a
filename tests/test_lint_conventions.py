"""What jv writes passes the linters pilots' editors run: yamllint and markdownlint-cli2 with
their default rules, plus the two small configurations `jv init` writes (.yamllint,
.markdownlint.yaml: no line-length limit for Norwegian prose, «on:» in workflows)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.clikit import jv


def scaffolded(root: Path, variant: str) -> Path:
    args = ["init", str(root), "--name", "Jobbvinner Salten", "--region", "Salten",
            "--prosjektleder", "Kari Nordmann", "--epost", "kari@example.no",
            "--malvariant", variant, "--no-git"]  # fmt: skip
    for day in ("2019-10-15", "2020-01-28", "2020-06-11"):
        args += ["--samling", day]
    assert jv(*args).exit_code == 0
    pilot = ["--pilot", str(root)]
    assert jv("new-team", "Bodø", "--gruppeleder", "Kari Nordmann", *pilot).exit_code == 0
    assert jv("new-team", "Fauske", "--referansegruppe", "bodo", *pilot).exit_code == 0
    for doctype in ("fremdriftsplan", "statusrapport", "sluttrapport"):
        assert jv("scaffold", doctype, "--team", "bodo", *pilot).exit_code == 0
    assert jv("scaffold", "prosjektplan", *pilot).exit_code == 0
    return root


def yamllint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yamllint", "-f", "parsable", "."],
        cwd=root,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("variant", ["orkdal", "ostfold"])
def test_yaml_passes_yamllint(tmp_path: Path, variant: str) -> None:
    pytest.importorskip("yamllint")
    root = scaffolded(tmp_path / "p", variant)
    result = yamllint(root)
    assert result.returncode == 0, result.stdout + result.stderr
    # the linter is really looking: a trailing space fails it
    team = root / "teams/fauske/team.yaml"
    team.write_text(team.read_text(encoding="utf-8") + "fritak: [] \n", encoding="utf-8")
    assert "trailing-spaces" in yamllint(root).stdout


def markdownlint(root: Path, tool: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([tool, "**/*.md"], cwd=root, capture_output=True, text=True)


@pytest.mark.parametrize("variant", ["orkdal", "ostfold"])
def test_markdown_passes_markdownlint(tmp_path: Path, variant: str) -> None:
    tool = shutil.which("markdownlint-cli2")
    if tool is None:
        pytest.skip("markdownlint-cli2 is not installed (npm install -g markdownlint-cli2)")
    root = scaffolded(tmp_path / "p", variant)
    result = markdownlint(root, tool)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Linting: 18 file(s)" in result.stdout + result.stderr
    plan = root / "teams/bodo/hovedplan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n\n\n## Til slutt  \n", encoding="utf-8")
    broken = markdownlint(root, tool)
    assert "MD012" in broken.stdout + broken.stderr


@pytest.mark.parametrize("extra", [["--samlinger", "3"], ["--metode", "tiltaksplan"]])
def test_a_new_pilot_without_dates_passes_yamllint(tmp_path: Path, extra: list[str]) -> None:
    pytest.importorskip("yamllint")
    root = tmp_path / "p"
    assert jv("init", str(root), "--name", "T", "--no-git", *extra).exit_code == 0
    result = yamllint(root)
    assert result.returncode == 0, result.stdout + result.stderr

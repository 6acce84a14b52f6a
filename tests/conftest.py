from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from jobbvinner_cli.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "pilot-orkdal"

ORKDAL_GATHERINGS = [
    "2017-11-10",
    "2018-02-27",
    "2018-06-14",
    "2018-11-13..2018-11-14",
    "2019-02-27",
    "2019-06-04",
]

Run = Callable[..., Result]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    runner = CliRunner()

    def invoke(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def pilot(tmp_path: Path, run: Run) -> Path:
    """A fresh pilot with Orkdal's six gatherings, no git, and two teams."""
    root = tmp_path / "pilot"
    args = ["init", str(root), "--name", "Jobbvinner Test", "--region", "Testregionen",
            "--prosjektleder", "Kari Nordmann", "--epost", "kari@example.no", "--no-git"]  # fmt: skip
    for day in ORKDAL_GATHERINGS:
        args += ["--samling", day]
    result = run(*args, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert run("new-team", "Frøya", "--gruppeleder", "Ola Hansen", cwd=root).exit_code == 0
    assert run("new-team", "Hitra", cwd=root).exit_code == 0
    return root


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes, to prove nothing changed."""
    out = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            out[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out

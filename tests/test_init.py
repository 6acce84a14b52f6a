from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from jobbvinner_cli.model.chapters import CHAPTERS
from tests.conftest import Run, snapshot


def test_init_writes_a_complete_pilot(tmp_path: Path, run: Run) -> None:
    root = tmp_path / "pilot-salten"
    result = run(
        "init", str(root), "--name", "Jobbvinner Salten", "--region", "Salten",
        "--samling", "2019-10-15", "--samling", "2020-01-28", "--samling", "2020-06-11",
        "--no-git", cwd=tmp_path,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((root / "pilot.yaml").read_text(encoding="utf-8"))
    assert data["navn"] == "Jobbvinner Salten"
    assert [str(s["dato"]) for s in data["samlinger"]] == ["2019-10-15", "2020-01-28", "2020-06-11"]
    assert [s["nr"] for s in data["samlinger"]] == [1, 2, 3]
    assert (root / "teams").is_dir()
    assert (root / ".gitignore").is_file()
    chapters = sorted(p.name for p in (root / "rapport").glob("*.md"))
    assert chapters == sorted(c.filename for c in CHAPTERS)
    assert (
        (root / "rapport" / "00-forord.md")
        .read_text(encoding="utf-8")
        .startswith("# Forord {.unnumbered}")
    )


def test_init_with_placeholders_is_editable(tmp_path: Path, run: Run) -> None:
    root = tmp_path / "p"
    assert run("init", str(root), "--name", "P", "--samlinger", "4", "--no-git").exit_code == 0
    data = yaml.safe_load((root / "pilot.yaml").read_text(encoding="utf-8"))
    assert [s["nr"] for s in data["samlinger"]] == [1, 2, 3, 4]
    # Without dates, documents can be made, and their due date waits for the gathering's.
    result = run("new-team", "Bodø", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / "teams" / "bodo" / "hovedplan.md").read_text(encoding="utf-8")
    assert "\nfrist: \n" in text
    assert "innen (dato ikke fastsatt)." in text
    found = run("check", "--format", "json", cwd=root)
    infos = [d for d in json.loads(found.stdout)["diagnostics"] if d["code"] == "JV308"]
    assert {d["path"]: d["message"] for d in infos}["teams/bodo/hovedplan.md"] == (
        "Hovedplan har ingen frist ennå: samling 1 har ingen dato. Fyll inn datoen i "
        "pilot.yaml, så får dokumentet frist."
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_makes_a_git_repository(tmp_path: Path, run: Run) -> None:
    root = tmp_path / "p"
    assert run("init", str(root), "--name", "P", "--samling", "2020-01-01").exit_code == 0
    assert (root / ".git").is_dir()


def test_init_refuses_an_existing_pilot(pilot: Path, run: Run) -> None:
    before = snapshot(pilot)
    result = run("init", str(pilot), "--name", "Annen", "--samling", "2020-01-01", "--no-git")
    assert result.exit_code == 2
    assert "har allerede en pilot" in result.output
    assert snapshot(pilot) == before


def test_init_refuses_dates_out_of_order(tmp_path: Path, run: Run) -> None:
    result = run(
        "init", str(tmp_path / "p"), "--name", "P",
        "--samling", "2020-05-01", "--samling", "2020-01-01", "--no-git",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "datorekkefølge" in result.output
    assert not (tmp_path / "p").exists()


def test_invalid_pilot_yaml_names_file_line_and_key(pilot: Path, run: Run) -> None:
    path = pilot / "pilot.yaml"
    text = path.read_text(encoding="utf-8").replace("dato: 2018-02-27", "dato: 27.02.2018", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    dato: 27.02.2018") + 1
    result = run("scaffold", "fremdriftsplan", "--team", "froya", cwd=pilot)
    assert result.exit_code == 2
    assert f"pilot.yaml:{line}: JV114 samlinger[2].dato: må være en dato på formen ÅÅÅÅ-MM-DD" in (
        result.output
    )
    assert "Traceback" not in result.output


def test_commands_find_the_pilot_from_a_subfolder(pilot: Path, run: Run) -> None:
    result = run("scaffold", "fremdriftsplan", "--team", "froya", cwd=pilot / "teams" / "froya")
    assert result.exit_code == 0, result.output
    assert (pilot / "teams" / "froya" / "fremdriftsplan-1.md").is_file()


def test_no_pilot_found_is_a_clear_usage_error(tmp_path: Path, run: Run) -> None:
    result = run("new-team", "Bodø", cwd=tmp_path)
    assert result.exit_code == 2
    assert "Fant ingen pilot" in result.output

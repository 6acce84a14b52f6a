from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import Run, snapshot


@pytest.mark.parametrize(
    ("kommune", "slug"),
    [("Bø", "bo"), ("Aure/Hemne", "aure-hemne"), ("Sørfold", "sorfold"), ("Ærøy", "aeroy")],
)
def test_slugs_are_readable(pilot: Path, run: Run, kommune: str, slug: str) -> None:
    result = run("new-team", kommune, cwd=pilot)
    assert result.exit_code == 0, result.output
    team = yaml.safe_load((pilot / "teams" / slug / "team.yaml").read_text(encoding="utf-8"))
    assert team["kommune"] == kommune
    assert (pilot / "teams" / slug / "hovedplan.md").is_file()


def test_new_team_records_group_leader(pilot: Path) -> None:
    team = yaml.safe_load((pilot / "teams" / "froya" / "team.yaml").read_text(encoding="utf-8"))
    assert team["gruppeleder"] == "Ola Hansen"
    assert team["medlemmer"][0]["navn"] == "Ola Hansen"
    assert team["status"] == "aktiv"


def test_existing_team_is_refused_and_untouched(pilot: Path, run: Run) -> None:
    before = snapshot(pilot)
    result = run("new-team", "Frøya", "--gruppeleder", "Noen Andre", cwd=pilot)
    assert result.exit_code == 2
    assert "Teamet «froya» finnes allerede" in result.output
    assert snapshot(pilot) == before


@pytest.mark.parametrize("name", ["../evil", "..", "/etc", "  ", "~root", "a\\b", "..\\x"])
def test_path_like_names_are_refused(pilot: Path, run: Run, name: str) -> None:
    outside = snapshot(pilot.parent)
    result = run("new-team", name, cwd=pilot)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert snapshot(pilot.parent) == outside


@pytest.mark.parametrize("slug", ["../x", "A", "a/b", "", "a..b"])
def test_bad_explicit_slugs_are_refused(pilot: Path, run: Run, slug: str) -> None:
    before = snapshot(pilot.parent)
    result = run("new-team", "Bodø", "--slug", slug, cwd=pilot)
    assert result.exit_code == 2
    assert snapshot(pilot.parent) == before


def test_referansegruppe_must_exist_and_not_be_self(pilot: Path, run: Run) -> None:
    assert run("new-team", "Rindal", "--referansegruppe", "nope", cwd=pilot).exit_code == 2
    assert run("new-team", "Rindal", "--slug", "rindal", "--referansegruppe", "rindal",
               cwd=pilot).exit_code == 2  # fmt: skip
    result = run("new-team", "Rindal", "--referansegruppe", "froya", cwd=pilot)
    assert result.exit_code == 0
    team = yaml.safe_load((pilot / "teams" / "rindal" / "team.yaml").read_text(encoding="utf-8"))
    assert team["referansegruppe"] == "froya"

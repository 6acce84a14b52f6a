"""`jv init` writes a CI workflow and a pre-commit configuration that run `jv check`."""

from __future__ import annotations

from pathlib import Path

import yaml
from pilotkit import jv

REPO = Path(__file__).resolve().parents[2]


def test_init_writes_ci_and_pre_commit(tmp_path: Path) -> None:
    root = tmp_path / "pilot"
    result = jv("init", str(root), "--name", "Test", "--samling", "2019-10-15", "--no-git")
    assert result.exit_code == 0
    workflow = yaml.safe_load((root / ".github/workflows/jv-check.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    assert "jv check --format github" in steps[-1]["run"]
    assert steps[0]["with"]["fetch-depth"] == 0  # delivery dates come from the history
    config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["id"] == "jv-check" and hook["entry"].startswith("jv check")
    assert hook["language"] == "python"  # pre-commit installs jv itself, the same as CI
    assert hook["additional_dependencies"] == ["jobbvinner-cli==0.1.0"]
    # the hook passes on the pilot jv init wrote
    assert jv(*hook["entry"].split()[1:], "--pilot", str(root)).exit_code == 0


def test_init_does_not_overwrite_an_existing_workflow(tmp_path: Path) -> None:
    root = tmp_path / "pilot"
    (root / ".github/workflows").mkdir(parents=True)
    (root / ".github/workflows/jv-check.yml").write_text("# egen\n", encoding="utf-8")
    assert jv("init", str(root), "--name", "Test", "--no-git").exit_code == 0
    assert (root / ".github/workflows/jv-check.yml").read_text(encoding="utf-8") == "# egen\n"


def test_repository_ships_the_pre_commit_hook() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"]: hook for hook in hooks}
    assert ids["jv-check"]["entry"].startswith("jv check")
    assert ids["jv-check"]["language"] == "python"
    assert ids["jv-check"]["pass_filenames"] is False


def test_the_hooks_run_for_every_file_jv_check_reads(tmp_path: Path) -> None:
    import re

    root = tmp_path / "pilot"
    assert jv("init", str(root), "--name", "T", "--no-git").exit_code == 0
    local = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    shipped = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    patterns = {local["repos"][0]["hooks"][0]["files"]} | {hook["files"] for hook in shipped}
    assert len(patterns) == 1  # one list, in both places
    [pattern] = patterns
    read = ["pilot.yaml", "prosjektplan.md", "tiltaksplan.yaml", "teams/bodo/hovedplan.md",
            "templates/types/hovedplan.yaml", "rapport/00-forord.md", "oppmote/samling-1.csv",
            "evaluering/samling-2.csv"]  # fmt: skip
    assert [p for p in read if not re.search(pattern, p)] == []
    assert not re.search(pattern, "README.md")

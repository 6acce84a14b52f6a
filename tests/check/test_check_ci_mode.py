"""`jv check` in a pilot's CI: capped annotations, every finding in the job summary, and
overdue deadlines as warnings for the teams a pull request does not touch."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pilotkit import TODAY, Pilot
from tests.clikit import jv

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.no",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.no",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def undeliver(pilot: Pilot, rel: str) -> None:
    text = pilot.read(rel).replace("status: levert", "status: utkast", 1)
    pilot.write(rel, re.sub(r"^levert: .*$", "levert:", text, count=1, flags=re.M))


def all_documents(pilot: Pilot) -> list[str]:
    return sorted(p.relative_to(pilot.root).as_posix() for p in pilot.root.glob("teams/*/*.md"))


def test_github_shows_ten_annotations_a_kind_and_the_summary_has_them_all(
    pilot: Pilot, tmp_path: Path
) -> None:
    for rel in all_documents(pilot):
        undeliver(pilot, rel)
    _, diagnostics, _ = pilot.check()
    overdue = [d for d in diagnostics if d["code"] == "JV302"]
    errors = [d for d in diagnostics if d["severity"] == "error"]
    assert len(overdue) > 10
    summary = tmp_path / "summary.md"
    summary.write_text("# Fra et tidligere steg\n", encoding="utf-8")
    result = jv(
        "check", "--pilot", str(pilot.root), "--today", TODAY, "--format", "github",
        env={"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(pilot.root)},
    )  # fmt: skip
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert (
        f"jv check: {len(errors) - 10} feil til er ikke vist som merknader (GitHub viser bare 10 "
        "av hver sort); alle står i jobbens sammendrag."
    ) in lines
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Fra et tidligere steg\n## jv check\n")  # appended, as GitHub wants
    rows = [line for line in text.splitlines() if re.match(r"^\| (feil|advarsel|merknad) \|", line)]
    assert len(rows) == len(diagnostics)
    first = overdue[0]
    line = first["line"] or ""
    assert f"| feil | {first['path']} | {line} | JV302 ikke-levert | {first['message']} |" in rows


def test_format_md_prints_the_summary_table(pilot: Pilot) -> None:
    undeliver(pilot, "teams/froya/statusrapport-1.md")
    line = pilot.line_of("teams/froya/statusrapport-1.md", "status: utkast")
    result = jv("check", "--pilot", str(pilot.root), "--today", TODAY, "--format", "md")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "## jv check\n\n1 feil, 0 advarsler, 0 merknader i 36 filer.\n\n"
        "| Alvor | Fil | Linje | Regel | Melding |\n|---|---|---|---|---|\n"
        f"| feil | teams/froya/statusrapport-1.md | {line} | JV302 ikke-levert | Statusrapport 1 "
    )


def test_a_clean_pilot_summary_has_no_table(pilot: Pilot) -> None:
    result = jv("check", "--pilot", str(pilot.root), "--today", TODAY, "--format", "md")
    assert result.exit_code == 0
    assert result.stdout == "## jv check\n\n0 feil, 0 advarsler, 0 merknader i 36 filer.\n"


# --- --endret-siden ---------------------------------------------------------------------------


def git(cwd: Path, *args: str) -> None:
    result = subprocess.run(
        ["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def branch(pilot: Pilot) -> Pilot:
    """The pilot on main with hitra's statusrapport-2 overdue, and a branch «pr» from there."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    undeliver(pilot, "teams/hitra/statusrapport-2.md")
    git(pilot.root, "init", "-q", "-b", "main")
    git(pilot.root, "add", "-A")
    git(pilot.root, "commit", "-q", "-m", "pilot")
    git(pilot.root, "checkout", "-q", "-b", "pr")
    return pilot


def commit_edit(pilot: Pilot, rel: str, old: str, new: str) -> None:
    pilot.edit(rel, old, new)
    git(pilot.root, "commit", "-q", "-am", f"edit {rel}")


def overdue(pilot: Pilot, *args: str) -> tuple[int, list[tuple[str, str, str]]]:
    code, diagnostics, _ = pilot.check(*args)
    return code, [(d["path"], d["severity"], d["message"]) for d in diagnostics]


def test_overdue_in_an_untouched_team_is_a_warning(branch: Pilot) -> None:
    commit_edit(branch, "teams/froya/hovedplan.md", "mentor for alle nye", "mentor for alle")
    code, found = overdue(branch, "--endret-siden", "main")
    assert code == 0
    [(path, severity, message)] = found
    assert (path, severity) == ("teams/hitra/statusrapport-2.md", "warning")
    assert message.endswith(" Bare en advarsel her: endringene rører ikke dette teamet.")
    # without the option, as on main and in the weekly run: an error
    code, found = overdue(branch)
    assert code == 1 and found[0][1] == "error"


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("teams/hitra/hovedplan.md", "mentor for alle nye", "mentor for alle"),
        ("pilot.yaml", "Jobbvinner Test", "Jobbvinner Testen"),  # deadlines of every team
    ],
)
def test_overdue_in_a_touched_team_stays_an_error(
    branch: Pilot, rel: str, old: str, new: str
) -> None:
    commit_edit(branch, rel, old, new)
    code, found = overdue(branch, "--endret-siden", "main")
    assert code == 1 and [s for _, s, _ in found] == ["error"]


def test_an_unknown_ref_is_a_usage_error(branch: Pilot) -> None:
    result = jv("check", "--pilot", str(branch.root), "--endret-siden", "origin/finnesikke")
    assert result.exit_code == 2
    assert "--endret-siden origin/finnesikke: git finner ikke «origin/finnesikke»" in result.output


def test_the_summary_stays_under_githubs_limit(
    pilot: Pilot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobbvinner_cli.formats import check_markdown

    for rel in all_documents(pilot):
        undeliver(pilot, rel)
    _, diagnostics, _ = pilot.check()
    monkeypatch.setattr(check_markdown, "MAX_CHARS", 1000)  # GitHub's is 1 MiB
    result = jv("check", "--pilot", str(pilot.root), "--today", TODAY, "--format", "md")
    rows = [line for line in result.stdout.splitlines() if line.startswith("| feil |")]
    assert 0 < len(rows) < len(diagnostics)
    assert result.stdout.endswith(
        f"\n\n… og {len(diagnostics) - len(rows)} funn til: kjør «jv check» for alle.\n"
    )

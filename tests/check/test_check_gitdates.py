"""Delivery dates from git: one history for all documents, a pilot in a subfolder, a shallow clone."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pilotkit import Pilot

SR2 = "teams/froya/statusrapport-2.md"  # due 2018-06-04
SR1 = "teams/hitra/statusrapport-1.md"  # due 2018-02-16

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(root: Path, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Kari",
        "GIT_AUTHOR_EMAIL": "kari@example.no",
        "GIT_COMMITTER_NAME": "Kari",
        "GIT_COMMITTER_EMAIL": "kari@example.no",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00"
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _undated(pilot: Pilot, rel: str, delivered: str) -> None:
    pilot.edit(rel, "status: levert", "status: utkast")
    pilot.edit(rel, f"levert: {delivered}", "levert:")


def _history(pilot: Pilot, repo: Path) -> None:
    """Two documents without «levert:», delivered late in two later commits."""
    _undated(pilot, SR2, "2018-06-04")
    _undated(pilot, SR1, "2018-02-16")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "utkast", date="2018-01-20")
    pilot.edit(SR1, "status: utkast", "status: levert")
    _git(repo, "commit", "-q", "-am", "levert", date="2018-02-19")
    pilot.edit(SR2, "status: utkast", "status: levert")
    pilot.edit(SR1, "# ", "#  ")  # a later change that leaves the status alone
    _git(repo, "commit", "-q", "-am", "levert", date="2018-06-09")


def _late(pilot: Pilot, root: Path) -> list[tuple[str, str, str]]:
    _, diagnostics, _ = Pilot(root).check()
    return [(d["code"], d["path"], d["message"]) for d in diagnostics]


def test_every_document_dated_from_one_history(pilot: Pilot) -> None:
    _history(pilot, pilot.root)
    found = _late(pilot, pilot.root)
    assert [(code, path) for code, path, _ in found] == [("JV303", SR2), ("JV303", SR1)]
    assert "9. juni 2018 (datoen er fra git-historikken), 5 dager" in found[0][2]
    assert "19. februar 2018 (datoen er fra git-historikken), 3 dager" in found[1][2]


def test_pilot_in_a_subfolder_of_the_repository(pilot: Pilot) -> None:
    _history(pilot, pilot.root.parent)
    assert [(code, path) for code, path, _ in _late(pilot, pilot.root)] == [
        ("JV303", SR2),
        ("JV303", SR1),
    ]


def test_shallow_clone_is_said_once_instead_of_dating(pilot: Pilot, tmp_path: Path) -> None:
    _history(pilot, pilot.root)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", pilot.root.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    _, diagnostics, _ = Pilot(clone).check()
    found = [(d["code"], d["path"], d["severity"]) for d in diagnostics]
    assert found == [
        ("JV307", "pilot.yaml", "info"),
        ("JV305", SR2, "warning"),
        ("JV305", SR1, "warning"),
    ]
    assert "git fetch --unshallow" in diagnostics[0]["message"]


def test_history_not_asked_says_nothing_about_a_shallow_clone(pilot: Pilot, tmp_path: Path) -> None:
    _git(pilot.root, "init", "-q")
    _git(pilot.root, "add", "-A")
    _git(pilot.root, "commit", "-q", "-m", "alt levert", date="2018-01-20")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", pilot.root.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    assert Pilot(clone).found() == set()

"""Files jv writes get the mode the user's umask asks for, as any editor's would."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.clikit import jv

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o027)  # group may read, others nothing
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_new_team_and_scaffold_honour_the_umask(tmp_path: Path, umask: None) -> None:
    root = tmp_path / "p"
    assert jv("init", str(root), "--name", "T", "--samling", "2019-10-15",
              "--samling", "2020-01-28", "--no-git").exit_code == 0  # fmt: skip
    assert jv("new-team", "Bodø", "--pilot", str(root)).exit_code == 0
    assert jv("scaffold", "fremdriftsplan", "--team", "bodo", "--pilot", str(root)).exit_code == 0
    written = [
        root / "pilot.yaml",
        root / ".github/workflows/jv-check.yml",
        root / "rapport/00-forord.md",
        root / "teams/bodo/team.yaml",
        root / "teams/bodo/hovedplan.md",
        root / "teams/bodo/fremdriftsplan-1.md",
    ]
    assert {p.relative_to(root).as_posix(): oct(mode(p)) for p in written} == {
        p.relative_to(root).as_posix(): "0o640" for p in written
    }
    # a file replaced with --force keeps the mode its owner gave it
    plan = root / "teams/bodo/fremdriftsplan-1.md"
    plan.chmod(0o664)
    assert jv("scaffold", "fremdriftsplan", "--team", "bodo", "--nr", "1", "--force",
              "--pilot", str(root)).exit_code == 0  # fmt: skip
    assert mode(plan) == 0o664
    assert not list(root.rglob(".*.tmp"))

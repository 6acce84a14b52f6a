"""`jv check` in every format, on the example pilot and on its broken copy (conftest.BROKEN)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from tests.clikit import TODAY, jv
from tests.snapshots.snapkit import CHECK_EXIT, normalise


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_check(pilot: str, tmp_path: Path, fmt: str, snapshot: SnapshotAssertion) -> None:
    # GITHUB_WORKSPACE is the folder above the pilot: annotations name pilot/teams/…
    env = {"GITHUB_WORKSPACE": str(tmp_path)}
    result = jv("check", "--pilot", "pilot", "--today", TODAY, "--format", fmt, env=env)
    assert result.exit_code == CHECK_EXIT[pilot], result.output
    assert result.stderr == ""
    if fmt == "json":
        json.loads(result.stdout)
    assert normalise(result.stdout, tmp_path, rich=fmt == "text") == snapshot


def test_auto_is_text_outside_github_actions(pilot: str, tmp_path: Path) -> None:
    auto = jv("check", "--pilot", "pilot", "--today", TODAY)
    text = jv("check", "--pilot", "pilot", "--today", TODAY, "--format", "text")
    assert auto.stdout == text.stdout
    assert auto.exit_code == text.exit_code == CHECK_EXIT[pilot]

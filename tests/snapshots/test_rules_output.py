"""The rule table: `jv check --list-rules` in text, JSON and Markdown, and `--explain`."""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from tests.clikit import jv
from tests.snapshots.snapkit import normalise


@pytest.mark.parametrize("code", ["JV201", "JV303"])
def test_explain(code: str, tmp_path: Path, snapshot: SnapshotAssertion) -> None:
    result = jv("check", "--explain", code)
    assert result.exit_code == 0, result.output
    assert normalise(result.stdout, tmp_path, rich=True) == snapshot


def test_explain_is_case_insensitive(tmp_path: Path) -> None:
    assert jv("check", "--explain", "jv201").stdout == jv("check", "--explain", "JV201").stdout


@pytest.mark.parametrize("fmt", ["text", "json", "md"])
def test_list_rules(fmt: str, tmp_path: Path, snapshot: SnapshotAssertion) -> None:
    result = jv("check", "--list-rules", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert normalise(result.stdout, tmp_path, rich=fmt == "text") == snapshot

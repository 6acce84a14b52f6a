"""`jv status` in every format, on the example pilot and its broken copy; `jv types`."""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from tests.clikit import TODAY, jv
from tests.snapshots.snapkit import normalise


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "md"])
def test_status(pilot: str, tmp_path: Path, fmt: str, snapshot: SnapshotAssertion) -> None:
    result = jv("status", "--pilot", "pilot", "--today", TODAY, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert normalise(result.stdout, tmp_path, rich=fmt == "text") == snapshot


def test_types(example: Path, tmp_path: Path, snapshot: SnapshotAssertion) -> None:
    result = jv("types", "--pilot", "pilot")
    assert result.exit_code == 0, result.output
    assert normalise(result.stdout, tmp_path, rich=True) == snapshot

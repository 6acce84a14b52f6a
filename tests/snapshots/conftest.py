"""Fixtures for the snapshot tests: the example pilot, whole and broken, copied to tmp_path.

Each test runs jv from tmp_path with ``--pilot pilot``, so every path in the output is
relative and the same on every machine. The snapshots live in __snapshots__/; after an
intended change of an output, review the diff and update them with

    python -m pytest tests/snapshots --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clikit import copy_example
from tests.snapshots.snapkit import CHECK_EXIT, break_pilot


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example pilot at tmp_path/pilot; the current folder is tmp_path."""
    monkeypatch.chdir(tmp_path)
    return copy_example(tmp_path / "pilot")


@pytest.fixture
def broken(example: Path) -> Path:
    """The example pilot with the mistakes listed in snapkit.BROKEN."""
    return break_pilot(example)


@pytest.fixture(params=list(CHECK_EXIT))
def pilot(request: pytest.FixtureRequest) -> str:
    """Lay out the example pilot or its broken copy at tmp_path/pilot; return which one."""
    request.getfixturevalue(request.param)
    name: str = request.param
    return name

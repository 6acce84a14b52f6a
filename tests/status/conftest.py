"""The status tests use the same clean pilot as the check tests (tests/check/pilotkit.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "check"))

from pilotkit import Pilot, build_pilot


@pytest.fixture(scope="session")
def clean_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "pilot"
    build_pilot(root)
    return root


@pytest.fixture
def pilot(clean_template: Path, tmp_path: Path) -> Pilot:
    root = tmp_path / "pilot"
    shutil.copytree(clean_template, root, symlinks=True)
    return Pilot(root)

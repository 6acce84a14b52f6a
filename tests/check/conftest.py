"""Fixtures: a clean pilot built once with the jv commands, copied fresh for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
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

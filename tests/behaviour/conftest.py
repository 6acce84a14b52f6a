"""Fixtures: the clean pilot of tests/check/pilotkit.py, and a copy of the example pilot.

Everything here drives jv through its command line and reads the files it writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "check"))

from pilotkit import clean_template, pilot

from tests.clikit import copy_example

__all__ = ["clean_template", "example", "pilot"]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of examples/pilot-orkdal at tmp_path/pilot."""
    return copy_example(tmp_path / "pilot")

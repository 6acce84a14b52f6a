"""The status tests use the same clean pilot as the check tests (tests/check/pilotkit.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "check"))

from pilotkit import clean_template, pilot

__all__ = ["clean_template", "pilot"]

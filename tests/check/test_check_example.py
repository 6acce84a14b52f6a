"""The example pilot in examples/pilot-orkdal passes the check (once it exists)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.clikit import run_jv

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pilot-orkdal"


@pytest.mark.skipif(not (EXAMPLE / "pilot.yaml").is_file(), reason="no example pilot yet")
def test_example_pilot_has_no_errors() -> None:
    result = run_jv(["check", "--pilot", str(EXAMPLE), "--today", "2019-12-31", "--format", "json"])
    data = json.loads(result.stdout)
    errors = [d for d in data["diagnostics"] if d["severity"] == "error"]
    assert errors == []
    assert result.exit_code == 0

"""`jv check --format json`: the diagnostics and the counts as one JSON object."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from jobbvinner_cli.formats.summary import summary

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult


def render(report: CheckResult) -> str:
    """One diagnostic a line: still easy to read and to diff, and written by json's C
    encoder (``indent`` makes json fall back to its Python encoder, several times slower)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = ",\n".join(f"  {encode(d.as_json())}" for d in report.diagnostics)
    diagnostics = f"[\n{lines}\n]" if lines else "[]"
    return f'{{"diagnostics": {diagnostics},\n"summary": {encode(summary(report))}}}'

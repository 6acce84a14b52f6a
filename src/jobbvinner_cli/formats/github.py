"""`jv check --format github`: workflow commands that GitHub Actions shows on the files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from jobbvinner_cli.check.registry import RULES
from jobbvinner_cli.diagnostics import Severity
from jobbvinner_cli.formats.summary import summary_line

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_prefix(root: Path) -> str:
    """The pilot's folder relative to the repository checkout, so annotations land on files."""
    base = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    try:
        rel = root.resolve().relative_to(Path(base).resolve()).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." else rel + "/"


def render(report: CheckResult, summary: bool = True) -> str:
    prefix = workspace_prefix(report.root)
    out = []
    for d in report.diagnostics:
        props = [f"file={_prop(prefix + d.path)}"]
        if d.line:
            props.append(f"line={d.line}")
            if d.column:
                props.append(f"col={d.column}")
        props.append(f"title={_prop(f'{d.code} {RULES[d.code].name}')}")
        out.append(f"::{COMMANDS[d.severity]} {','.join(props)}::{_data(d.message)}")
    if summary:
        out.append(f"jv check: {summary_line(report)}")
    return "\n".join(out)

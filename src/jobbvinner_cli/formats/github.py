"""`jv check --format github`: workflow commands that GitHub Actions shows on the files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from jobbvinner_cli.check.registry import RULES
from jobbvinner_cli.diagnostics import Severity
from jobbvinner_cli.formats.controls import printable
from jobbvinner_cli.formats.summary import summary_line

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# GitHub shows 10 annotations of each kind per step and drops the rest; jv prints those 10
# and names the rest, which the job summary (formats/check_markdown.py) lists in full.
ANNOTATION_LIMIT = 10
KIND_NAMES = {Severity.ERROR: "feil", Severity.WARNING: "advarsler", Severity.INFO: "merknader"}


def _data(text: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)  # the other control characters, shown not acted on


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
    shown = dict.fromkeys(COMMANDS, 0)
    for d in report.diagnostics:
        if shown[d.severity] == ANNOTATION_LIMIT:
            continue
        shown[d.severity] += 1
        props = [f"file={_prop(prefix + d.path)}"]
        if d.line:
            props.append(f"line={d.line}")
            if d.column:
                props.append(f"col={d.column}")
        props.append(f"title={_prop(f'{d.code} {RULES[d.code].name}')}")
        out.append(f"::{COMMANDS[d.severity]} {','.join(props)}::{_data(d.message)}")
    if summary:
        out.append(f"jv check: {summary_line(report)}")
    for severity, count in shown.items():
        left = report.count(severity) - count
        if left:
            out.append(
                f"jv check: {left} {KIND_NAMES[severity]} til er ikke vist som merknader "
                f"(GitHub viser bare {ANNOTATION_LIMIT} av hver sort); alle står i jobbens "
                "sammendrag."
            )
    return "\n".join(out)

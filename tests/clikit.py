"""Run `jv` as a user would, through the command line only, with output that does not vary.

The tests that import this module exercise jv through `jobbvinner_cli.cli.app` and the files
on disk, never through the package's internal modules, so they survive refactorings.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from jobbvinner_cli.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "pilot-orkdal"
TODAY = "2019-12-31"

# Rich picks colours and width from the environment: no colour (not a terminal, nothing
# forced), a fixed width, and nothing that makes jv think it runs under GitHub Actions.
STABLE_ENV: dict[str, str | None] = {
    "COLUMNS": "100",
    "LINES": "40",
    "FORCE_COLOR": None,
    "NO_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "JUPYTER_COLUMNS": None,
    "GITHUB_ACTIONS": None,
    "GITHUB_WORKSPACE": None,
    "GITHUB_STEP_SUMMARY": None,  # jv check --format github appends to it
}


def jv(*args: str, env: Mapping[str, str | None] | None = None) -> Result:
    """Run `jv ARGS` in-process; a crash raises instead of becoming an exit code."""
    return run_jv(list(args), env={**STABLE_ENV, **(env or {})})


def run_jv(args: list[str], **options: Any) -> Result:
    """`jv ARGS` through Typer's runner, letting a crash through as the exception it is."""
    return CliRunner().invoke(app, args, catch_exceptions=False, **options)


def copy_example(target: Path) -> Path:
    """A private copy of examples/pilot-orkdal at ``target`` (outside any git repository)."""
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".git"))
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a file, failing loudly when ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def set_field(path: Path, key: str, value: str) -> None:
    """Set a top-level front matter or YAML key (``key: value`` on its own line)."""
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(rf"^{re.escape(key)}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
    assert n == 1, f"no «{key}:» line in {path}"
    path.write_text(new, encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line of ``path`` that contains ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def excel_csv(text: str) -> list[dict[str, str]]:
    """The rows of `jv status --format csv` as Norwegian Excel reads them: UTF-8 after a BOM,
    semicolon-separated (hours keep their decimal comma: «7,5»)."""
    import csv
    import io

    assert text.startswith("\ufeff"), "no BOM: Excel would read the file as Windows-1252"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))

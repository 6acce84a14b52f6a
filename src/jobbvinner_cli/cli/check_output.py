"""Where `jv check` puts its result: the chosen format, on stdout or in --output-file.

JUnit and SARIF are read by CI steps that expect a file whatever happened, so when
the check cannot run (no pilot, pilot.yaml unreadable) they still get one that
says so; the error is shown as well and the exit code stays 2.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jobbvinner_cli.cli.common import message_of, write
from jobbvinner_cli.diagnostics import Severity
from jobbvinner_cli.errors import JvError

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckOptions, CheckResult

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def emit(text: str, output_file: Path | None) -> None:
    """The text on stdout, or written atomically to ``output_file`` (without colours)."""
    if output_file is None:
        if text:
            write(text)
        return
    from jobbvinner_cli.textio import write_atomic

    plain = _ANSI.sub("", text)
    try:
        write_atomic(output_file, plain if not plain or plain.endswith("\n") else plain + "\n")
    except OSError as exc:
        raise JvError(
            f"Klarte ikke å skrive resultatet til {output_file}: {exc.strerror or exc}. "
            "Sjekk at mappen finnes og at du kan skrive i den."
        ) from None


def rendered(report: CheckResult, fmt: str, strict: bool, quiet: bool = False) -> str:
    if fmt == "json":
        from jobbvinner_cli.formats import check_json

        return check_json.render(report)
    if fmt == "junit":
        from jobbvinner_cli.formats import junit

        return junit.render(report, strict)
    if fmt == "sarif":
        from jobbvinner_cli.formats import sarif

        return sarif.render(report)
    if quiet:
        kept = [d for d in report.diagnostics if d.severity is not Severity.INFO]
        if not kept:
            return ""
        report = dataclasses.replace(report, diagnostics=kept)
    if fmt == "github":
        from jobbvinner_cli.formats import github

        return github.render(report, summary=not quiet)
    if fmt == "md":
        from jobbvinner_cli.formats import check_markdown

        return check_markdown.render(report)
    from jobbvinner_cli.formats import terminal

    return terminal.check_text(report, summary=not quiet)


def write_step_summary(report: CheckResult) -> None:
    """Under GitHub Actions, every finding goes to the job summary (annotations are capped)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from jobbvinner_cli.formats import check_markdown

    try:
        # GitHub's protocol: each step appends to the file it names
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(check_markdown.render(report) + "\n")
    except OSError as exc:
        raise JvError(
            f"Kunne ikke skrive jobbens sammendrag til {target} (GITHUB_STEP_SUMMARY): "
            f"{exc.strerror}."
        ) from None


@contextmanager
def failure_report(fmt: str, output_file: Path | None) -> Iterator[None]:
    """Write a JUnit or SARIF report that says why, when the check cannot run."""
    try:
        yield
    except JvError as exc:
        if fmt in {"junit", "sarif"}:
            from jobbvinner_cli.formats import junit, sarif

            module = junit if fmt == "junit" else sarif
            emit(module.render_error(message_of(exc)), output_file)
        raise


def run_fixes(options: CheckOptions, show_diff: bool) -> int:
    """--fix (or --diff): repair, or show, what is mechanical; the number of files."""
    import typer

    from jobbvinner_cli.authoring.fix import apply_fixes, plan_fixes, unified_diff
    from jobbvinner_cli.check.engine import run_check

    touched: set[str] = set()
    # a second round: files the check could not find while pilot.yaml was unreadable
    for _ in range(2):
        report = run_check(options)
        fixes = [f for f in plan_fixes(report.root, _paths(report)) if f.rel not in touched]
        if not fixes:
            break
        if show_diff:
            write("".join(unified_diff(f) for f in fixes))
            return len(fixes)
        apply_fixes(report.root, fixes)
        for f in fixes:
            touched.add(f.rel)
            typer.echo(f"Rettet {f.rel}: {', '.join(f.fixed.changes)}.", err=True)
        if not report.fatal:
            break
    return len(touched)


def _paths(report: CheckResult) -> list[str]:
    return [*report.files, *(d.path for d in report.diagnostics)]

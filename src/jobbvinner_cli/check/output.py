"""Printing a check: text (Rich), JSON, GitHub annotations, JUnit XML; and the rule table."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from jobbvinner_cli.check.engine import CheckResult as Report
from jobbvinner_cli.check.registry import FAMILIES, RULES
from jobbvinner_cli.diagnostics import Diagnostic, Rule, Severity

if TYPE_CHECKING:
    from rich.console import Console

# Rich is imported only for text output: JSON, GitHub and JUnit start faster without it.


def console() -> Console:
    """A console for stdout: colours on a terminal (unless NO_COLOR), plain text in a pipe."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=not sys.stdout.isatty())


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)


STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def summary(report: Report) -> dict[str, int]:
    return {
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "infos": report.count(Severity.INFO),
        "files": len(report.files),
    }


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(report: Report) -> str:
    s = summary(report)
    return (
        f"{_plural(s['errors'], 'feil', 'feil')}, "
        f"{_plural(s['warnings'], 'advarsel', 'advarsler')}, "
        f"{_plural(s['infos'], 'merknad', 'merknader')} i "
        f"{_plural(s['files'], 'fil', 'filer')}."
    )


# --- text ----------------------------------------------------------------------------------


def _group_title(report: Report, team: str | None) -> str:
    if team is None:
        return "Piloten"
    info = report.ctx.teams.get(team) if report.ctx is not None else None
    if info is not None and info.team is not None:
        extra = " – trukket" if info.team.withdrawn else ""
        return f"{info.team.kommune} (teams/{team}){extra}"
    return f"teams/{team}"


def render_text(report: Report) -> None:
    out = console()

    def group_key(d: Diagnostic) -> tuple[int, str]:
        return (0, "") if d.team is None else (1, d.team)

    ordered = sorted(report.diagnostics, key=lambda d: (group_key(d), d.sort_key()))
    width = max((len(str(d.line)) for d in ordered if d.line), default=1)
    for (_, team_key), in_group in groupby(ordered, key=group_key):
        out.print(f"[bold]{escape(_group_title(report, team_key or None))}[/]")
        for path, items in groupby(in_group, key=lambda d: d.path):
            out.print(f"  [underline]{escape(path)}[/]")
            for d in items:
                where = str(d.line).rjust(width) if d.line else "–".rjust(width)
                label = d.severity.label.ljust(8)
                out.print(
                    f"    {where}  [{STYLES[d.severity]}]{label}[/] [dim]{d.code}[/]  "
                    f"{escape(d.message)}"
                )
        out.print()
    s = summary(report)
    style = "bold red" if s["errors"] else ("yellow" if s["warnings"] else "green")
    if not report.diagnostics:
        out.print(f"[green]Ingen funn[/] i {_plural(s['files'], 'fil', 'filer')}.")
    else:
        out.print(f"[{style}]{escape(summary_line(report))}[/]")


# --- json ----------------------------------------------------------------------------------


def render_json(report: Report) -> str:
    return json.dumps(
        {
            "diagnostics": [d.as_json() for d in report.diagnostics],
            "summary": summary(report),
        },
        ensure_ascii=False,
        indent=2,
    )


# --- GitHub annotations ----------------------------------------------------------------------


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _workspace_prefix(root: Path) -> str:
    """The pilot's folder relative to the repository checkout, so annotations land on files."""
    base = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    try:
        rel = root.resolve().relative_to(Path(base).resolve()).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." else rel + "/"


def render_github(report: Report) -> str:
    prefix = _workspace_prefix(report.root)
    command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    out = []
    for d in report.diagnostics:
        props = [f"file={_gh_prop(prefix + d.path)}"]
        if d.line:
            props.append(f"line={d.line}")
        props.append(f"title={_gh_prop(f'{d.code} {RULES[d.code].name}')}")
        out.append(f"::{command[d.severity]} {','.join(props)}::{_gh_data(d.message)}")
    out.append(f"jv check: {summary_line(report)}")
    return "\n".join(out)


# --- JUnit XML -------------------------------------------------------------------------------


def render_junit(report: Report, strict: bool = False) -> str:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    by_path: dict[str, list[Diagnostic]] = {}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    paths = list(dict.fromkeys([*report.files, *by_path]))
    failures = sum(1 for p in paths if any(d.severity in failing for d in by_path.get(p, [])))
    suites = ET.Element(
        "testsuites", name="jv check", tests=str(len(paths)), failures=str(failures)
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="jv check",
        tests=str(len(paths)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    for path in paths:
        items = by_path.get(path, [])
        team = next((d.team for d in items if d.team), None)
        if team is None and path.startswith("teams/"):
            team = path.split("/")[1]
        case = ET.SubElement(
            suite, "testcase", classname=f"teams.{team}" if team else "pilot", name=path, file=path
        )
        bad = [d for d in items if d.severity in failing]
        if bad:
            failure = ET.SubElement(
                case,
                "failure",
                type=bad[0].code,
                message=f"{len(bad)} funn: {bad[0].message}",
            )
            failure.text = "\n".join(_plain(d) for d in bad)
        rest = [d for d in items if d.severity not in failing]
        if rest:
            ET.SubElement(case, "system-out").text = "\n".join(_plain(d) for d in rest)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def _plain(d: Diagnostic) -> str:
    where = f"{d.path}:{d.line}" if d.line else d.path
    return f"{where}: {d.severity.label} {d.code}: {d.message}"


# --- the rule table --------------------------------------------------------------------------


def _by_family() -> Iterable[tuple[str, list[Rule]]]:
    for family in FAMILIES:
        yield family, [r for r in RULES.values() if r.family == family]


def rules_text() -> None:
    out = console()
    for family, rules in _by_family():
        out.print(f"[bold]{escape(family)}[/]")
        for r in rules:
            out.print(
                f"  {r.code}  [{STYLES[r.severity]}]{r.severity.label:<8}[/] "
                f"{escape(r.name):<26} {escape(r.summary)}"
            )
        out.print()
    out.print("Mer om en regel: jv check --explain KODE")


def rules_json() -> str:
    return json.dumps(
        [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "family": r.family,
                "summary": r.summary,
                "explanation": r.explanation,
                "failing_example": r.bad,
                "passing_example": r.good,
            }
            for r in RULES.values()
        ],
        ensure_ascii=False,
        indent=2,
    )


def _fence(text: str) -> str:
    return f"```\n{text}\n```"


def rules_markdown() -> str:
    lines = [
        "# Reglene i `jv check`",
        "",
        "<!-- Generert fra regeltabellen (src/jobbvinner_cli/check/registry.py) med",
        "     `jv check --list-rules --format md > docs/rules.md`. Ikke rediger for hånd. -->",
        "",
        "`jv check` sjekker piloten: pilot.yaml, team.yaml og teamenes dokumenter. Hver regel har "
        "en fast kode og en standard alvorlighetsgrad: **feil** (error) gir exit-kode 1, "
        "**advarsel** (warning) gir exit-kode 1 bare med `--strict`, og **merknad** (info) er "
        "bare til opplysning.",
        "",
        "Exit-koder: 0 ingen feil (advarsler tillatt), 1 feil funnet (eller advarsler med "
        "`--strict`), 2 sjekken kunne ikke kjøres (ingen pilot funnet, ugyldige valg, pilot.yaml "
        "kan ikke leses).",
        "",
        "En regel slås av med `--ignore KODE`, eller per fil i pilot.yaml:",
        "",
        "```yaml",
        "ignorer:",
        '  - {sti: "teams/bodo/*", kode: JV502}',
        "```",
        "",
        "| Kode | Navn | Alvorlighet | Beskrivelse |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.label} | {r.summary} |"
        for r in RULES.values()
    ]
    for family, rules in _by_family():
        lines += ["", f"## {family}"]
        for r in rules:
            lines += [
                "",
                f"### {r.code}",
                "",
                f"**{r.name}** – {r.severity.label}. {r.summary}",
                "",
                r.explanation,
                "",
                "Feiler:",
                "",
                _fence(r.bad),
                "",
                "Består:",
                "",
                _fence(r.good),
            ]
    return "\n".join(lines) + "\n"


def explain_text(rule: Rule) -> None:
    out = console()
    out.print(
        f"[bold]{rule.code}[/] {escape(rule.name)} ({rule.severity.label}, {escape(rule.family.lower())})"
    )
    out.print(escape(rule.summary))
    out.print()
    out.print(escape(rule.explanation))
    out.print()
    out.print("[bold]Feiler:[/]")
    for line in rule.bad.splitlines():
        out.print(f"  {escape(line)}")
    out.print()
    out.print("[bold]Består:[/]")
    for line in rule.good.splitlines():
        out.print(f"  {escape(line)}")

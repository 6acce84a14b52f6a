"""`jv check` and `jv status` (registered on the main app).

Only typer and the standard library are imported here; the machinery is
imported inside the commands so that `jv --help` stays fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fnmatch
import os
import sys
from typing import Annotated

import typer

from jobbvinner_cli.cli import PilotOption, _err, _run, app
from jobbvinner_cli.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError

CHECK_FORMATS = ("text", "json", "github", "junit", "auto")
STATUS_FORMATS = ("text", "json", "csv", "md")

TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="ÅÅÅÅ-MM-DD",
        help="Datoen fristene sjekkes mot. Standard: dagens dato.",
    ),
]


def _parse_today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            f"--today «{value}» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2019-12-31."
        ) from None


def _choose(value: str, allowed: tuple[str, ...], option: str) -> str:
    chosen = value.strip().lower()
    if chosen not in allowed:
        raise UsageError(f"{option} «{value}» finnes ikke. Velg en av: {', '.join(allowed)}.")
    return chosen


def _safe_stdout() -> None:
    """Never fail on printing æøå to a terminal or pipe with a narrow encoding."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # exotic streams
            reconfigure(errors="replace")


@app.command(
    "check",
    epilog=(
        "Exit-koder: 0 ingen feil (advarsler er lov), 1 feil funnet (eller advarsler med "
        "--strict), 2 sjekken kunne ikke kjøres (ingen pilot funnet, ugyldige valg, pilot.yaml "
        "kan ikke leses)."
    ),
)
def check_command(
    pilot: PilotOption = None,
    today: TodayOption = None,
    team: Annotated[
        str | None,
        typer.Option("--team", "-t", help="Sjekk bare dette teamet (mappenavnet under teams/)."),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text, json, github (annotasjoner i GitHub Actions), junit (XML) eller auto "
            "(github under GitHub Actions, ellers text). Med --list-rules også md.",
        ),
    ] = "auto",
    strict: Annotated[
        bool, typer.Option("--strict", help="La advarsler gi exit-kode 1, som feil.")
    ] = False,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="KODE",
            help="Slå av en regel (for eksempel JV502). Gjenta for flere; * virker (JV5*).",
        ),
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="Vis alle reglene og avslutt.")
    ] = False,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain", metavar="KODE", help="Forklar en regel, med eksempler, og avslutt."
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", hidden=True, min=0, help="Antall prosesser (0: automatisk).")
    ] = 0,
) -> None:
    """Sjekk piloten: pilot.yaml, team.yaml og teamenes dokumenter, med fil og linje for hvert funn.

    Finner feil i filer og felter, seksjoner som mangler eller ikke er fylt ut,
    frister som har gått ut, effektmål og perioder som ikke stemmer, og
    personopplysninger. Ingen filer blir endret. Se alle reglene med
    --list-rules, og én regel med --explain KODE.
    """
    _safe_stdout()

    def action() -> int:
        from jobbvinner_cli.check.rules import RULES, Severity
        from jobbvinner_cli.formats import check_json, github, junit, rules_doc, terminal

        fmt_choices = (*CHECK_FORMATS, "md") if list_rules else CHECK_FORMATS
        fmt = _choose(output_format, fmt_choices, "--format")
        if list_rules:
            if fmt == "md":
                typer.echo(rules_doc.rules_markdown(), nl=False)
            elif fmt == "json":
                typer.echo(rules_doc.rules_json())
            else:
                typer.echo(terminal.rules_text(), nl=False, color=True)
            return EXIT_OK
        if explain is not None:
            rule = RULES.get(explain.strip().upper())
            if rule is None:
                raise UsageError(
                    f"Regelen «{explain}» finnes ikke. Se alle med «jv check --list-rules»."
                )
            typer.echo(terminal.explain_text(rule), nl=False, color=True)
            return EXIT_OK
        codes: list[str] = []
        for item in ignore or []:
            codes += [c.strip().upper() for c in item.split(",") if c.strip()]
        for code in codes:
            if not any(fnmatch.fnmatchcase(known, code) for known in RULES):
                raise UsageError(
                    f"--ignore {code}: ingen regel har den koden. Se «jv check --list-rules»."
                )
        if team is not None:
            from jobbvinner_cli.slugs import check_slug

            check_slug(team)
        day = _parse_today(today)
        if fmt == "auto":
            fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

        from jobbvinner_cli.check.engine import CheckOptions, run_check

        report = run_check(CheckOptions(pilot=pilot, today=day, team=team, ignore=codes, jobs=jobs))
        if fmt == "json":
            typer.echo(check_json.render(report))
        elif fmt == "github":
            typer.echo(github.render(report))
        elif fmt == "junit":
            typer.echo(junit.render(report, strict))
        else:
            typer.echo(terminal.check_text(report), nl=False, color=True)
        if report.fatal:
            _err(
                "pilot.yaml kan ikke leses, så resten av piloten er ikke sjekket. Rett feilen over."
            )
            return EXIT_USAGE
        errors = report.count(Severity.ERROR)
        warnings = report.count(Severity.WARNING)
        return EXIT_FAILED if errors or (strict and warnings) else EXIT_OK

    code = _run(action)
    raise typer.Exit(code)


@app.command("status")
def status_command(
    pilot: PilotOption = None,
    today: TodayOption = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", help="text, json, csv eller md (Markdown-tabell)."),
    ] = "text",
) -> None:
    """Oversikt for prosjektlederen: hvert team og dokument med status, neste frist og timer.

    Status per dokument: levert, levert for sent, mangler (forfalt), ikke levert
    (forfalt), utkast, ikke forfalt, eller ikke påkrevd (teamet har trukket seg
    eller er fritatt).
    """
    _safe_stdout()

    def action() -> None:
        fmt = _choose(output_format, STATUS_FORMATS, "--format")
        day = _parse_today(today)
        from jobbvinner_cli.formats import status_tables, terminal
        from jobbvinner_cli.status import build_status

        table = build_status(pilot, day)
        text = {
            "json": lambda: status_tables.render_json(table) + "\n",
            "csv": lambda: status_tables.as_csv(table),
            "md": lambda: status_tables.as_markdown(table),
            "text": lambda: terminal.status_text(table),
        }[fmt]()
        typer.echo(text, nl=False, color=True)

    _run(action)

"""`jv check`: the pilot's files against the rule table."""

from __future__ import annotations

import fnmatch
import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from jobbvinner_cli.cli.common import (
    PilotOption,
    TodayOption,
    choice,
    option_value,
    parse_today,
    run,
    safe_stdout,
    write,
)
from jobbvinner_cli.errors import EXIT_FAILED, EXIT_OK, UsageError
from jobbvinner_cli.gcpause import without_cycle_collection


class CheckFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    JUNIT = "junit"
    SARIF = "sarif"
    AUTO = "auto"
    MD = "md"  # the findings as Markdown (GitHub's job summary); the rule table with --list-rules


EPILOG = (
    "Exit-koder: 0 ingen feil (advarsler er lov), 1 feil funnet (eller advarsler med "
    "--strict), 2 sjekken kunne ikke kjøres (ingen pilot funnet, ugyldige valg, pilot.yaml "
    "kan ikke leses)."
)


def check_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FIL",
            help="Sjekk bare disse filene eller mappene (slik pre-commit gir de endrede "
            "filene). Uten: hele piloten.",
            show_default=False,
        ),
    ] = None,
    pilot: PilotOption = None,
    today: TodayOption = None,
    team: Annotated[
        str | None,
        typer.Option("--team", "-t", help="Sjekk bare dette teamet (mappenavnet under teams/)."),
    ] = None,
    output_format: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            parser=choice(CheckFormat, "--format"),
            help="text, json, github (annotasjoner i GitHub Actions, og alle funn i jobbens "
            "sammendrag), junit (XML), sarif (GitHub code scanning), md (Markdown-tabell) eller "
            "auto (github under GitHub Actions, ellers text).",
        ),
    ] = CheckFormat.AUTO,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Vis bare feil og advarsler, uten merknader og oppsummering; ingenting når "
            "alt er i orden. Exit-koden er den samme.",
        ),
    ] = False,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            dir_okay=False,
            help="Skriv resultatet til denne filen i stedet for på skjermen (for eksempel "
            "jv-check.sarif i CI). JUnit og SARIF skrives også når sjekken ikke kan kjøres.",
        ),
    ] = None,
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
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Rett de mekaniske feilene først: BOM, Windows-linjeskift, Windows-1252-tekst "
            "(til UTF-8), datoer som 02.11.2018 (til 2018-11-02), verdier med «: » eller « #» "
            "(i anførselstegn) og «Levert» (til «levert»). Filene skrives atomisk; så sjekkes "
            "piloten som vanlig.",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            "--dry-run",
            help="Vis hva --fix ville rettet, som en diff, uten å skrive noe. Exit-kode 1 hvis "
            "noe kan rettes.",
        ),
    ] = False,
    endret_siden: Annotated[
        str | None,
        typer.Option(
            "--endret-siden",
            metavar="REF",
            help="For en pull request: frister som har gått ut (JV301, JV302) blir advarsler "
            "for team som ikke er endret siden git-REF (for eksempel origin/main). Endres "
            "pilot.yaml, gjelder fristene alle team.",
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", hidden=True, min=0, help="Antall prosesser (0: én).")
    ] = 0,
) -> None:
    """Sjekk piloten: pilot.yaml, team.yaml og teamenes dokumenter, med fil og linje for hvert funn.

    Finner feil i filer og felter, seksjoner som mangler eller ikke er fylt ut,
    frister som har gått ut, effektmål og perioder som ikke stemmer, og
    personopplysninger. Sjekker også sluttrapporten: kapitler i rapport/ og seksjoner i
    prosjektplan.md som bare har veiledningen, og filer i rapport/ som ikke blir med
    (rapporten tar med hver .md-fil rett under rapport/, i navnerekkefølge). Ingen filer
    blir endret (unntatt med --fix). Se alle reglene med --list-rules, og én regel med
    --explain KODE.

    Med filer (jv check teams/bodo/hovedplan.md …) vises bare funnene i dem,
    de samme som en sjekk av hele piloten gir for dem.
    """
    safe_stdout()

    def action() -> int:
        fmt = output_format
        if list_rules:
            return _list_rules(fmt)
        if explain is not None:
            return _explain(explain)
        if fmt is CheckFormat.AUTO:
            in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
            fmt = CheckFormat.GITHUB if in_actions else CheckFormat.TEXT

        # importing the check, the output step too make many objects and no cycles (see
        # gcpause.py): the collector would walk the classes and models being built
        with without_cycle_collection():
            from jobbvinner_cli.check.engine import CheckOptions, run_check
            from jobbvinner_cli.cli.check_output import (
                emit,
                failure_report,
                rendered,
                run_fixes,
                write_step_summary,
            )
            from jobbvinner_cli.diagnostics import Severity

            # a JUnit or SARIF file is written even when the check cannot run
            with failure_report(fmt.value, output_file):
                codes = _ignored_codes(ignore or [])
                if team is not None:
                    from jobbvinner_cli.slugs import check_slug

                    with option_value("--team"):
                        check_slug(team)
                day = parse_today(today)
                options = CheckOptions(
                    pilot=pilot, today=day, team=team, ignore=codes, jobs=jobs, paths=paths or None
                )
                if fix or diff:
                    fixable = run_fixes(options, show_diff=diff)
                    if diff:
                        return EXIT_FAILED if fixable else EXIT_OK
                report = run_check(options)
                if endret_siden is not None and not report.fatal:
                    from jobbvinner_cli.check.touched import relax_since

                    report.diagnostics = relax_since(report.root, endret_siden, report.diagnostics)
            text = rendered(report, fmt.value, strict, quiet)
        emit(text, output_file)
        if fmt is CheckFormat.GITHUB:
            write_step_summary(report)
        if report.fatal:
            raise UsageError(
                "pilot.yaml kan ikke leses, så resten av piloten er ikke sjekket. Rett feilen over."
            )
        errors = report.count(Severity.ERROR)
        warnings = report.count(Severity.WARNING)
        return EXIT_FAILED if errors or (strict and warnings) else EXIT_OK

    raise typer.Exit(run(action))


# Rich (formats.terminal) is imported only for text: the other formats start faster.


def _list_rules(fmt: CheckFormat) -> int:
    from jobbvinner_cli.formats import rules_doc

    if fmt is CheckFormat.MD:
        write(rules_doc.rules_markdown())
    elif fmt is CheckFormat.JSON:
        write(rules_doc.rules_json())
    else:
        from jobbvinner_cli.formats import terminal

        write(terminal.rules_text())
    return EXIT_OK


def _explain(code: str) -> int:
    from jobbvinner_cli.check.registry import RULES

    rule = RULES.get(code.strip().upper())
    if rule is None:
        raise UsageError(f"Regelen «{code}» finnes ikke. Se alle med «jv check --list-rules».")
    from jobbvinner_cli.formats import terminal

    write(terminal.explain_text(rule))
    return EXIT_OK


def _ignored_codes(values: list[str]) -> list[str]:
    """The codes of --ignore (repeated or comma-separated), each matching some rule."""
    from jobbvinner_cli.check.registry import RULES

    codes = [c.strip().upper() for item in values for c in item.split(",") if c.strip()]
    for code in codes:
        if not any(fnmatch.fnmatchcase(known, code) for known in RULES):
            raise UsageError(
                f"--ignore {code}: ingen regel har den koden. Se «jv check --list-rules»."
            )
    return codes

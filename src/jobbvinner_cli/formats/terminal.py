"""The terminal: the command line's messages, and check results and status as coloured text.

This is the only module that imports Rich. The consoles follow the output:
colours on a terminal (unless NO_COLOR; FORCE_COLOR forces them), plain text
in a pipe. Text from the user (team names, titles, messages) is never read as
Rich markup, so «[/]» in a name is printed as it is.

The renderings (:func:`check_text`, :func:`rules_text`, :func:`explain_text`,
:func:`status_text`) return the text with its colour codes; the command line
writes it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import groupby
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.markup import escape as _rich_escape
from rich.table import Table
from rich.text import Text

from jobbvinner_cli.dates import format_short
from jobbvinner_cli.formats.controls import printable
from jobbvinner_cli.formats.status_symbols import SYMBOLS

if TYPE_CHECKING:
    from jobbvinner_cli.check.engine import CheckResult
    from jobbvinner_cli.diagnostics import Diagnostic, Rule
    from jobbvinner_cli.status import StatusTable

# The check is imported only inside the renderings: it takes a third of a second to load,
# too long to wait for a one-line message. So the styles go by the enums' values.

Part = str | tuple[str, str]
"""A piece of a message: plain text, or (text, Rich style) such as ("Laget", "green")."""

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}  # by Severity


_LONE_ESCAPE = re.compile(r"\\\[(?![a-z#/@])")


def escape(text: str) -> str:
    """User text made safe to put inside Rich markup: markup and control characters shown
    as they are, never acted on."""
    # Rich reads «\[» as an escaped bracket even before text that is no tag: keep the backslash
    return _rich_escape(_LONE_ESCAPE.sub(r"\\\\[", printable(text)))


def _safe(part: Part) -> Part:
    return printable(part) if isinstance(part, str) else (printable(part[0]), part[1])


# --- the command line's own messages ------------------------------------------------------


def say(*parts: Part) -> None:
    """One line on stdout; plain parts are printed as they are, never read as markup."""
    Console(highlight=False, soft_wrap=True, emoji=False).print(Text.assemble(*map(_safe, parts)))


def error(message: str) -> None:
    """«Feil: …» on stderr."""
    Console(stderr=True, highlight=False, soft_wrap=True, emoji=False).print(
        Text.assemble(("Feil:", "bold red"), " ", printable(message))
    )


def warning(message: str, *, stderr: bool = False) -> None:
    """«Advarsel: …» on stdout (on stderr when stdout carries a file, such as a calendar)."""
    if stderr:
        Console(stderr=True, highlight=False, soft_wrap=True, emoji=False).print(
            Text.assemble(("Advarsel:", "yellow"), " ", printable(message))
        )
        return
    say(("Advarsel:", "yellow"), " ", message)


@contextmanager
def spinner(describe: Callable[[str], str]) -> Iterator[Callable[[str], None]]:
    """A spinner on stderr with the current stage on a terminal; silent otherwise.

    Yields the function to call with each new stage; ``describe`` words it.
    """
    if not sys.stderr.isatty():
        yield lambda _stage: None
        return
    console = Console(stderr=True)
    with console.status("Starter …") as status:

        def update(stage: str) -> None:
            status.update(escape(describe(stage)) + " …")

        yield update


# --- jv check ------------------------------------------------------------------------------


def _stdout(*, soft_wrap: bool | None = None, width: int | None = None) -> Console:
    """A console for stdout that soft-wraps in a pipe (one finding a line) by default."""
    wrap = not sys.stdout.isatty() if soft_wrap is None else soft_wrap
    return Console(highlight=False, soft_wrap=wrap, width=width, emoji=False)


def _group_title(report: CheckResult, team: str | None) -> str:
    if team is None:
        return "Piloten"
    info = report.ctx.teams.get(team) if report.ctx is not None else None
    if info is not None and info.team is not None:
        extra = " – trukket" if info.team.withdrawn else ""
        return f"{info.team.kommune} (teams/{team}){extra}"
    return f"teams/{team}"


def check_text(report: CheckResult, summary: bool = True) -> str:
    """The findings grouped by team and file, then the counts (unless not ``summary``)."""
    from jobbvinner_cli.formats.summary import summary as counts
    from jobbvinner_cli.formats.summary import summary_line
    from jobbvinner_cli.words import plural

    out = _stdout()

    def group_key(d: Diagnostic) -> tuple[int, str]:
        return (0, "") if d.team is None else (1, d.team)

    ordered = sorted(report.diagnostics, key=lambda d: (group_key(d), d.sort_key()))

    def position(d: Diagnostic) -> str:
        if not d.line:
            return "–"
        return f"{d.line}:{d.column}" if d.column else str(d.line)

    width = max((len(position(d)) for d in ordered), default=1)
    with out.capture() as captured:
        for (_, team_key), in_group in groupby(ordered, key=group_key):
            out.print(f"[bold]{escape(_group_title(report, team_key or None))}[/]")
            for path, items in groupby(in_group, key=lambda d: d.path):
                out.print(f"  [underline]{escape(path)}[/]")
                for d in items:
                    where = position(d).rjust(width)
                    label = d.severity.label.ljust(8)
                    out.print(
                        f"    {where}  [{STYLES[d.severity.value]}]{label}[/] [dim]{d.code}[/]  "
                        f"{escape(d.message)}"
                    )
            out.print()
        s = counts(report)
        style = "bold red" if s["errors"] else ("yellow" if s["warnings"] else "green")
        if not summary:
            pass
        elif not report.diagnostics:
            out.print(f"[green]Ingen funn[/] i {plural(s['files'], 'fil', 'filer')}.")
        else:
            out.print(f"[{style}]{escape(summary_line(report))}[/]")
    text = captured.get()
    return text if summary else text.rstrip("\n")


def rules_text() -> str:
    """Every rule, by family: code, severity, name and summary."""
    from jobbvinner_cli.formats.rules_doc import by_family

    out = _stdout()
    with out.capture() as captured:
        for family, rules in by_family():
            out.print(f"[bold]{escape(family)}[/]")
            for r in rules:
                out.print(
                    f"  {r.code}  [{STYLES[r.severity.value]}]{r.severity.label:<8}[/] "
                    f"{escape(r.name):<26} {escape(r.summary)}"
                )
            out.print()
        out.print("Mer om en regel: jv check --explain KODE")
    return captured.get()


def explain_text(rule: Rule) -> str:
    """One rule with its explanation and examples."""
    out = _stdout()
    with out.capture() as captured:
        out.print(
            f"[bold]{rule.code}[/] {escape(rule.name)} "
            f"({rule.severity.label}, {escape(rule.family.lower())})"
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
    return captured.get()


# --- jv status -----------------------------------------------------------------------------


def status_text(table: StatusTable) -> str:
    """Teams × documents as symbols, the legend, and the hours per period."""
    # a pipe or file gets the whole table; a terminal gets its own width
    console = _stdout(soft_wrap=False, width=None if sys.stdout.isatty() else 200)
    with console.capture() as captured:
        _print_status(console, table)
    return captured.get()


def _print_status(console: Console, table: StatusTable) -> None:
    from jobbvinner_cli.model.delivery import State

    if not _print_start(console, table):
        return
    if not table.columns:
        console.print(
            "Ingen frister kan regnes ut ennå: fyll inn datoene for samlingene i pilot.yaml."
        )
    shorts = {c.doc_id: c.short for c in table.columns}
    grid = Table(
        title=f"Status per {format_short(table.today)}",
        title_justify="left",
        box=box.SIMPLE,
        pad_edge=False,
    )
    grid.add_column("Team", no_wrap=True, max_width=24)
    for column in table.columns:
        grid.add_column(escape(column.short), justify="center", no_wrap=True, min_width=2)
    grid.add_column("Neste frist", no_wrap=True)
    for row in table.rows:
        name = row.kommune + (" (trukket)" if row.withdrawn else "")
        cells = []
        for column in table.columns:
            entry = row.cells.get(column.doc_id)
            if entry is None:
                cells.append("?" if not row.readable else "")
                continue
            symbol, style = SYMBOLS[entry.state.value]
            cells.append(f"[{style}]{symbol}[/]")
        upcoming = "–"
        if row.next_due is not None:
            where = row.next_due.slot
            due = format_short(where.due) if where.due else "frist ikke fastsatt"
            upcoming = f"{shorts.get(where.doc_id, where.doc_id)} {due}"
        grid.add_row(escape(name), *cells, escape(upcoming))
    console.print(grid)
    legend = []
    for state in State:
        symbol, style = SYMBOLS[state.value]
        legend.append(f"[{style}]{symbol}[/] {state.label}")
    console.print("  ".join(legend))
    names = ", ".join(
        f"{short} = {doctype.title.lower()}"
        for short, doctype in {
            c.short.rstrip("0123456789"): c.doctype for c in table.columns
        }.items()
    )
    if names:
        console.print(f"Kolonner: {escape(names)} (med nummer).")
    for row in table.rows:
        if row.withdrawn is not None:
            console.print(
                f"{escape(row.kommune)} trakk seg {format_short(row.withdrawn)} og skylder "
                "ingenting med frist etter det."
            )
    _print_notes(console, table)
    if table.periods:
        console.print()
        console.print(_hours_table(table))
    if table.attendance_recorded:
        console.print()
        console.print(_attendance_table(table))


def _print_start(console: Console, table: StatusTable) -> bool:
    """The measures of a pilot run by goals and measures; whether the teams follow."""
    if table.by_measures:
        _print_measures(console, table)
        return bool(table.rows)
    if not table.rows:
        console.print("Piloten har ingen team ennå. Lag et med «jv new-team KOMMUNE».")
        return False
    return True


def _print_measures(console: Console, table: StatusTable) -> None:
    """A pilot run by goals and measures: its measures, and its events before and after today."""
    if not table.measures:
        console.print("Tiltaksplanen har ingen tiltak ennå. Skriv dem i tiltaksplan.yaml.")
    else:
        grid = Table(
            title=f"Tiltak per {format_short(table.today)}",
            title_justify="left",
            box=box.SIMPLE,
            pad_edge=False,
        )
        for title in ("Tiltak", "Mål", "Status", "Startet", "Resultater", "Siste resultat"):
            grid.add_column(title, no_wrap=title != "Tiltak")
        for m in table.measures:
            known = [r for r in m.resultater if r.dato is None or r.dato <= table.today]
            dated = [r.dato for r in known if r.dato is not None]
            grid.add_row(
                escape(f"{m.id}. {m.navn}"),
                escape(", ".join(m.mål)),
                escape(m.status.label),
                format_short(m.start) if m.start else "–",
                str(len(known)),
                format_short(max(dated)) if dated else "–",
            )
        console.print(grid)
    past = [e for e in table.events if e.dato <= table.today]
    coming = [e for e in table.events if e.dato > table.today]
    if table.events:
        console.print(f"Hendelser: {len(past)} holdt, {len(coming)} kommende.")
    for event in coming[:5]:
        console.print(f"  {format_short(event.dato)}  {escape(event.label)}")


def _hours_table(table: StatusTable) -> Table:
    from jobbvinner_cli.formats.status_tables import hours_text

    hours = Table(
        title="Timer per periode",
        caption="Fra statusrapportene og sluttrapporten som er levert.",
        caption_justify="left",
        title_justify="left",
        box=box.SIMPLE,
        pad_edge=False,
    )
    hours.add_column("Team", no_wrap=True)
    for first, second in table.periods:
        hours.add_column(f"{first}.–{second}.", justify="right")
    hours.add_column("Sum", justify="right")
    for row in table.rows:
        values = [hours_text(row.hours.get(a)) or "–" for a, _ in table.periods]
        hours.add_row(escape(row.kommune), *values, hours_text(sum(row.hours.values())) or "–")
    return hours


def _attendance_table(table: StatusTable) -> Table:
    grid = Table(
        title="Oppmøte per samling",
        caption="Medlemmer til stede av teamets medlemmer, fra oppmote/.",
        caption_justify="left",
        title_justify="left",
        box=box.SIMPLE,
        pad_edge=False,
    )
    grid.add_column("Team", no_wrap=True)
    for nr in table.attendance_recorded:
        grid.add_column(f"{nr}.", justify="right")
    for row in table.rows:
        cells = [f"{row.attendance.get(nr, 0)}/{row.members}" for nr in table.attendance_recorded]
        grid.add_row(escape(row.kommune), *cells)
    return grid


def _print_notes(console: Console, table: StatusTable) -> None:
    """Excused documents with their reasons, and documents whose due date is not fixed."""
    from jobbvinner_cli.model.delivery import State

    pilot_wide = {c.doc_id: c.excused for c in table.columns if c.excused is not None}
    excused: dict[tuple[str, str], list[str]] = {
        (doc_id, reason): ["alle team"] for doc_id, reason in pilot_wide.items()
    }
    for row in table.rows:
        for entry in row.cells.values():
            key = (entry.slot.doc_id, entry.excuse or "")
            if entry.state is State.EXCUSED and key not in excused:
                excused.setdefault(key, []).append(row.kommune)
            elif entry.state is State.EXCUSED and excused[key] != ["alle team"]:
                excused[key].append(row.kommune)
    undated = [c.doc_id for c in table.columns if c.due is None]
    for (doc_id, reason), teams in excused.items():
        why = f": {reason}" if reason else ""
        console.print(f"Fritatt: {escape(doc_id)} for {escape(', '.join(teams))}{escape(why)}.")
    if undated:
        console.print(
            f"Frist ikke fastsatt: {escape(', '.join(undated))} (samlingen fristen regnes fra, "
            "har ingen dato i pilot.yaml)."
        )

"""The report's generated parts: tables and the hours chart, from pilot.yaml, team.yaml and
the teams' documents, so nothing is retyped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jobbvinner_cli.dates import format_date, format_span
from jobbvinner_cli.model.pilot import GatheringStatus
from jobbvinner_cli.pipeline.body import Item
from jobbvinner_cli.pipeline.hours import team_hours
from jobbvinner_cli.report.evaluation import evaluering, oppmote
from jobbvinner_cli.report.inputs import ReportInput
from jobbvinner_cli.report.measures import (
    hendelser,
    lokal_ledelse,
    role_dates,
    tiltak,
    tiltak_og_resultat,
)
from jobbvinner_cli.report.missing import with_not_delivered
from jobbvinner_cli.report.tables import grid_table, pipe_table


def organisasjon(data: ReportInput, workdir: Path) -> str:
    org = data.pilot.organisasjon
    out: list[str] = []
    for label, members in (
        ("Styringsgruppa", org.styringsgruppe),
        ("Prosjektgruppa", org.prosjektgruppe),
    ):
        if not members:
            continue
        rows = [[m.navn + role_dates(m), m.stilling, m.oppgave] for m in members]
        out.append(
            pipe_table(["Navn", "Stilling", "Oppgave"], rows, f"{label} i {data.pilot.navn}")
        )
    return "\n\n".join(out)


def samlinger(data: ReportInput, workdir: Path) -> str:
    rows = []
    for g in data.pilot.samlinger:
        when = format_span(g.dato, g.til) if g.dato else "ikke fastsatt"
        if g.status is GatheringStatus.CANCELLED:
            when += " (avlyst)"
        elif g.status is GatheringStatus.DIGITAL:
            when += " (digital)"
        host = g.vertskommune or g.sted
        rows.append([str(g.nr), when, host, g.tema, ", ".join(g.innledere)])
    return pipe_table(
        ["Nr", "Dato", "Vertskommune", "Tema", "Innledere"],
        rows,
        "Samlingene i utviklingsverkstedet",
    )


def deltakere(data: ReportInput, workdir: Path) -> str:
    text = [
        f"{len(data.teams)} kommuner startet i utviklingsverkstedet, og "
        f"{len(data.completed)} fullførte."
    ]
    rows = []
    for t in data.teams:
        if t.team.withdrawn and t.team.trukket is not None:
            state = f"Trakk seg {format_date(t.team.trukket.dato)}"
            reason = t.team.trukket.grunn
        else:
            state, reason = "Fullførte", ""
        rows.append([t.team.kommune, t.team.gruppeleder, state, reason])
    text.append(
        pipe_table(["Kommune", "Gruppeleder", "Deltakelse", "Grunn"], rows, "Deltakende kommuner")
    )
    return "\n\n".join(text)


def hours_table(data: ReportInput) -> tuple[list[str], dict[str, list[float | None]]]:
    """Period labels, and per team the hours of each period (as `jv status` counts them)."""
    count = max(len(data.pilot.samlinger) - 1, 0)
    labels = [f"{i}–{i + 1}" for i in range(1, count + 1)]
    table: dict[str, list[float | None]] = {}
    for t in data.teams:
        hours = team_hours(data.pilot, data.doctypes, t.docs, data.today)
        values: list[float | None] = [hours.get(p) for p in range(1, count + 1)]
        if any(v is not None for v in values):
            table[t.team.kommune] = values
    return labels, table


def timer(data: ReportInput, workdir: Path) -> str:
    labels, table = hours_table(data)
    if not table:
        return "Ingen team har rapportert timer ennå."
    from jobbvinner_cli.report.chart import hours_chart

    chart = hours_chart(labels, table, workdir / "bilder" / "timer.png")
    rows = []
    for kommune, values in table.items():
        total = sum(v for v in values if v is not None)
        rows.append([kommune, *[_num(v) for v in values], _num(total)])
    headers = ["Kommune", *[f"Periode {label}" for label in labels], "Sum"]
    return f"![Timer brukt av hvert team mellom samlingene]({chart})\n\n" + pipe_table(
        headers, rows, "Timer brukt mellom samlingene, per team og periode"
    )


def _bullets(items: list[Item]) -> str:
    return "\n".join("- " + " ".join(item.text.split()) for item in items)


def resultater(data: ReportInput, workdir: Path) -> str:
    rows = [
        [
            t.team.kommune,
            data.effect_goal(t),
            _bullets(data.role_items(t, "tiltak")),
            _bullets(data.role_items(t, "resultater")),
        ]
        for t in data.completed
    ]
    if not rows:
        return "Ingen team har levert sluttrapport ennå."
    return grid_table(
        ["Kommune", "Effektmål (fra hovedplanen)", "Tiltak", "Resultater"],
        rows,
        [12, 22, 30, 30],
        "Effektmål, tiltak og resultater per team, fra teamenes hovedplaner og sluttrapporter",
    )


def videre_oppgaver(data: ReportInput, workdir: Path) -> str:
    rows = []
    for t in data.completed:
        items = data.role_items(t, "videre-oppgaver")
        cell = _bullets(items) if items else data.role_prose(t, "videre-oppgaver")
        rows.append([t.team.kommune, cell])
    if not rows:
        return ""
    return grid_table(["Kommune", "Videre oppgaver"], rows, [14, 70], "Teamenes videre oppgaver")


def _num(value: float | None) -> str:
    if value is None:
        return "–"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


PARTS: dict[str, Callable[[ReportInput, Path], str]] = {
    "organisasjon": organisasjon,
    "samlinger": samlinger,
    "deltakere": deltakere,
    "timer": timer,
    "resultater": with_not_delivered(resultater),
    "videre-oppgaver": videre_oppgaver,
    "oppmote": oppmote,
    "evaluering": evaluering,
    "hendelser": hendelser,
    "lokal-ledelse": lokal_ledelse,
    "tiltak-og-resultat": tiltak_og_resultat,
    "tiltak": tiltak,
}

"""The report's generated parts: tables and the hours chart, from pilot.yaml, team.yaml and
the teams' documents, so nothing is retyped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jobbvinner_cli.dates import format_date, format_span
from jobbvinner_cli.model import gatherings
from jobbvinner_cli.model.pilot import REPORT_HEADINGS, GatheringStatus
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
from jobbvinner_cli.report.tables import data_table, grid_table, plain
from jobbvinner_cli.words import plural


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
            data_table(["Navn", "Stilling", "Oppgave"], rows, f"{label} i {data.pilot.navn}")
        )
    return "\n\n".join(out)


def samlinger(data: ReportInput, workdir: Path) -> str:
    rows = []
    for g in data.pilot.samlinger:
        if g.erstatter is not None:
            continue  # shown on the row of the gathering it replaces
        if g.cancelled and g.nr is not None and data.pilot.replacement(g.nr) is not None:
            instead = data.pilot.replacement(g.nr)
            assert instead is not None
            host = instead.vertskommune or instead.sted or g.vertskommune or g.sted
            rows.append(
                [
                    str(g.nr),
                    gatherings.replaced_text(data.pilot, g.nr),
                    host,
                    instead.tema or g.tema,
                    ", ".join(instead.innledere),
                ]
            )
            continue
        when = format_span(g.dato, g.til) if g.dato else "ikke fastsatt"
        if g.status is GatheringStatus.CANCELLED:
            when += " (avlyst)"
        elif g.status is GatheringStatus.DIGITAL:
            when += " (digital)"
        host = g.vertskommune or g.sted
        rows.append([str(g.nr), when, host, g.tema, ", ".join(g.innledere)])
    table = data_table(
        ["Nr", "Dato", "Vertskommune", "Tema", "Innledere"],
        rows,
        "Samlingene i utviklingsverkstedet",
    )
    return "\n\n".join([table, *exemptions(data)])


def _doc_title(data: ReportInput, doc_id: str) -> str:
    """«Fremdriftsplan 3» for fremdriftsplan-3."""
    name, _, nr = doc_id.rpartition("-")
    if nr.isdigit() and name in data.doctypes:
        return data.doctypes[name].display_title(int(nr))
    doctype = data.doctypes.get(doc_id)
    return doctype.title if doctype is not None else doc_id


def exemptions(data: ReportInput) -> list[str]:
    """The documents teams were excused from, with the reasons (pilot.yaml, team.yaml)."""
    lines = [
        f"{_doc_title(data, doc_id)} ble ikke krevd av noe team" + (f": {why}" if why else "") + "."
        for doc_id, why in data.pilot.frister.fritak.items()
    ]
    for t in data.teams:
        for doc_id, why in t.team.fritak.items():
            if doc_id not in data.pilot.frister.fritak:
                what = _doc_title(data, doc_id).lower()
                lines.append(
                    f"{t.team.kommune} ble fritatt for {what}" + (f": {why}" if why else "") + "."
                )
    return [" ".join(lines)] if lines else []


def deltakere(data: ReportInput, workdir: Path) -> str:
    text = [
        f"{plural(len(data.teams), 'kommune', 'kommuner')} startet i utviklingsverkstedet, og "
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
        data_table(["Kommune", "Gruppeleder", "Deltakelse", "Grunn"], rows, "Deltakende kommuner")
    )
    return "\n\n".join(text)


def hours_table(data: ReportInput) -> tuple[list[str], dict[str, list[float | None]]]:
    """Period labels, and per team the hours of each period (as `jv status` counts them)."""
    periods = gatherings.periods(data.pilot)
    labels = [f"{a}–{b}" for a, b in periods]
    table: dict[str, list[float | None]] = {}
    for t in data.teams:
        hours = team_hours(data.pilot, data.doctypes, t.docs, data.today)
        values: list[float | None] = [hours.get(a) for a, _ in periods]
        if any(v is not None for v in values):
            table[t.team.kommune] = values
    return labels, table


def timer(data: ReportInput, workdir: Path) -> str:
    labels, table = hours_table(data)
    if not table:
        return "Ingen team har rapportert timer ennå."
    from jobbvinner_cli.report.chart import hours_chart

    chart = hours_chart(labels, table, workdir / "bilder" / "timer.png", data.chart_format)
    rows = []
    for kommune, values in table.items():
        total = sum(v for v in values if v is not None)
        rows.append([kommune, *[_num(v) for v in values], _num(total)])
    headers = ["Kommune", *[f"Periode {label}" for label in labels], "Sum"]
    alt = _chart_alt(labels, table)
    return (
        f'![Timer brukt av hvert team mellom samlingene]({chart}){{alt="{alt}"}}\n\n'
        + data_table(headers, rows, "Timer brukt mellom samlingene, per team og periode")
    )


def heading(data: ReportInput, key: str) -> str:
    """A table heading: pilot.yaml «overskrifter», else the sluttrapport variant's (Østfold:
    «Hovedmål»), else jv's."""
    if key in data.pilot.overskrifter:
        return data.pilot.overskrifter[key]
    final = data.doctypes.get("sluttrapport")
    if final is not None:
        variant = final.variant_name(data.pilot.variant_for(final.name))
        found = final.variant_headings.get(variant, {}).get(key)
        if found:
            return found
    return REPORT_HEADINGS.get(key, key)


def resultater(data: ReportInput, workdir: Path) -> str:
    rows = [
        [
            plain(t.team.kommune),
            plain(data.effect_goal(t)),
            data.role_cell(t, "tiltak"),
            data.role_cell(t, "resultater"),
        ]
        for t in data.completed
    ]
    if not rows:
        return "Ingen team har levert sluttrapport ennå."
    goal = heading(data, "effektmål").split(" (")[0]  # «Effektmål (fra hovedplanen)»: the word
    return grid_table(
        ["Kommune", *(heading(data, key) for key in ("effektmål", "tiltak", "resultater"))],
        rows,
        f"{goal}, tiltak og resultater per team, fra teamenes hovedplaner og sluttrapporter",
    )


def videre_oppgaver(data: ReportInput, workdir: Path) -> str:
    rows = [[plain(t.team.kommune), data.role_cell(t, "videre-oppgaver")] for t in data.completed]
    if not rows:
        return ""
    return grid_table(
        ["Kommune", heading(data, "videre-oppgaver")], rows, "Teamenes videre oppgaver"
    )


def _chart_alt(labels: list[str], table: dict[str, list[float | None]]) -> str:
    """The chart's alternative text, for screen readers: what it shows, its peak, and
    where the numbers are."""
    peak = max(
        ((v, kommune, label) for kommune, values in table.items()
         for v, label in zip(values, labels, strict=True) if v is not None),
        key=lambda found: found[0],
        default=None,
    )  # fmt: skip
    text = (
        "Søylediagram over timene hvert team brukte mellom samlingene, én søyle per team for "
        f"hver periode fra {labels[0]} til {labels[-1]}."
        if labels
        else "Søylediagram over timene hvert team brukte mellom samlingene."
    )
    if peak is not None:
        text += f" Flest timer: {peak[1]}, {_num(peak[0])} {'time' if peak[0] == 1 else 'timer'} i periode {peak[2]}."
    text += " Tallene står i tabellen under figuren."
    return " ".join(text.replace('"', "").replace("\\", "").split())


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

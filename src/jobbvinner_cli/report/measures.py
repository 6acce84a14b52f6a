"""The report's parts for a pilot run by a plan of goals and measures: the events, the local
leadership and sub-projects, and the measures with their results, per goal and per measure."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jobbvinner_cli.dates import format_date
from jobbvinner_cli.model.pilot import EVENT_LABELS, OrgMember
from jobbvinner_cli.report.inputs import ReportInput
from jobbvinner_cli.report.tables import data_table, grid_table, plain

if TYPE_CHECKING:  # the register's models are made only for a pilot that has one
    from jobbvinner_cli.model.register import Measure, Register


def hendelser(data: ReportInput, workdir: Path) -> str:
    events = sorted(data.pilot.hendelser, key=lambda e: e.dato)
    if not events:
        return ""
    rows = [
        [
            format_date(e.dato),
            EVENT_LABELS[e.type],
            e.label if e.tittel else "",
            e.sted
            if e.kommune and e.kommune in e.sted
            else ", ".join(filter(None, (e.sted, e.kommune))),
            str(e.deltakere) if e.deltakere is not None else "",
        ]
        for e in events
    ]
    return data_table(
        ["Dato", "Hva", "Tittel", "Sted", "Deltakere"], rows, "Hendelser i prosjektet"
    )


def role_dates(member: OrgMember) -> str:
    """« (fram til 1. desember 2019)»: when the person had the role, where it is known."""
    if member.fra and member.til:
        return f" ({format_date(member.fra)} – {format_date(member.til)})"
    if member.til:
        return f" (fram til {format_date(member.til)})"
    if member.fra:
        return f" (fra {format_date(member.fra)})"
    return ""


def _person(member: OrgMember) -> str:
    return member.navn + (f", {member.stilling}" if member.stilling else "") + role_dates(member)


def lokal_ledelse(data: ReportInput, workdir: Path) -> str:
    org = data.pilot.organisasjon
    out: list[str] = []
    if org.lokal_prosjektledelse:
        rows = [
            [
                " og ".join(lead.kommuner),
                "; ".join(_person(p) for p in lead.personer),
                lead.stilling,
            ]
            for lead in org.lokal_prosjektledelse
        ]
        out.append(
            data_table(
                ["Kommuner", "Lokal prosjektledelse", "Stilling"], rows, "Lokal prosjektledelse"
            )
        )
    for sub in org.delprosjekter:
        lines = [f"**Delprosjekt: {sub.navn}.** {sub.beskrivelse}".rstrip()]
        if sub.arbeidsgruppe:
            lines.append("")
            lines.append("Arbeidsgruppe: " + "; ".join(_person(p) for p in sub.arbeidsgruppe) + ".")
        if sub.resultatmål:
            lines.append("")
            lines += [f"{i}. {goal}" for i, goal in enumerate(sub.resultatmål, 1)]
        if sub.rapport:
            lines.append("")
            lines.append(f"Delprosjektet har egen rapport: {sub.rapport}.")
        out.append("\n".join(lines))
    return "\n\n".join(out)


def _results(measure: Measure, goal: str | None = None) -> str:
    items = [r for r in measure.resultater if goal is None or goal in (r.mål or measure.mål)]
    return "\n".join(
        f"- {' '.join(r.tekst.split())}" + (f" ({format_date(r.dato)})" if r.dato else "")
        for r in items
    )


def tiltak_og_resultat(data: ReportInput, workdir: Path) -> str:
    register = data.register
    if register is None:
        return ""
    out: list[str] = []
    for goal, parent in register.goals():
        if goal.resultatmål:  # a delmål: its resultatmål follow, each with its measures
            out.append(f"## {goal.id}: {goal.tekst}")
            continue
        level = "###" if parent is not None else "##"
        out.append(f"{level} {goal.id}: {goal.tekst}")
        measures = register.measures_for(goal.id)
        if not measures:
            out.append("Ingen tiltak er knyttet til dette målet.")
            continue
        rows = [
            [
                plain(f"{m.id}. {m.navn}"),
                plain(", ".join(m.kommuner)),
                plain(m.status.label),
                _results(m, goal.id),
            ]
            for m in measures
        ]
        out.append(
            grid_table(
                ["Tiltak", "Kommuner", "Status", "Resultater"],
                rows,
                f"Tiltak og resultat for {goal.id}",
            )
        )
    return "\n\n".join(_unnumbered(out))


def tiltak(data: ReportInput, workdir: Path) -> str:
    register = data.register
    if register is None or not register.tiltak:
        return ""
    out: list[str] = []
    for m in register.tiltak:
        facts = [
            f"Mål: {', '.join(m.mål) or '–'}",
            f"kommuner: {', '.join(m.kommuner) or 'alle'}",
            f"ansvarlig: {m.ansvarlig or '–'}",
            f"status: {m.status.label}" + (f" (startet {format_date(m.start)})" if m.start else ""),
        ]
        text = [
            f"**Tiltak {m.id}: {m.navn}.** {m.beskrivelse}".rstrip(),
            "",
            "; ".join(facts) + ".",
        ]
        results = _results(m)
        if results:
            text += ["", results]
        out.append("\n".join(text))
    return "\n\n".join(out)


def _unnumbered(blocks: list[str]) -> list[str]:
    """Goal headings carry their own ids (R1, D2): no chapter numbering on top of them."""
    return [b + " {.unnumbered}" if b.startswith("#") else b for b in blocks]


def goal_summary(register: Register) -> list[list[str]]:
    return [[g.id, g.tekst, str(len(register.measures_for(g.id)))] for g, _ in register.goals()]

"""Sections the final report shows in a table cell: what a cell cannot show is said (JV211).

The report's results table and its table of further tasks take the sluttrapport sections
with a report role (``rapport:`` in the type). A cell holds lists and prose; a table, a code
block, raw HTML, a rule or an image in such a section cannot be shown there. The build
warns about the same places, from the same reading (pipeline/cells.py).
"""

from __future__ import annotations

from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.model.doctype import Section
from jobbvinner_cli.pipeline.body import Body
from jobbvinner_cli.pipeline.cells import LEFT_OUT_KINDS, left_out

JV211 = Rule(
    "JV211",
    "kan-ikke-vises-i-tabell",
    Severity.WARNING,
    "Innhold",
    "En seksjon som rapporten viser i en tabell, har noe en tabellcelle ikke kan vise.",
    "Sluttrapportens seksjoner for tiltak, resultater og videre oppgaver (rapport: i "
    "dokumenttypen) settes inn i tabellene i pilotens sluttrapport. Der kan de ha punkter, "
    "nummererte lister (også med underpunkter), punkter limt inn fra Word (•) og vanlig "
    "tekst. En tabell, en kodeblokk, HTML, en skillelinje eller et bilde kan ikke vises i en "
    "tabellcelle og blir ikke med i rapportens tabell. Skriv det som punkter eller tekst, "
    "eller flytt det til en annen seksjon.",
    "## 3. Tiltak gjennomført i hele perioden\n\n| Tiltak | Når |\n|---|---|\n"
    "| Mentorordning | Høsten 2018 |",
    "## 3. Tiltak gjennomført i hele perioden\n\n- Mentorordning (høsten 2018)",
)

RULES = (JV211,)


def check_report_section(
    body: Body, section: Section, title: str, start: int, end: int, sink: Sink
) -> None:
    if section.report_role is None:
        return
    for line, kind in left_out(body, start, end):
        sink.add(
            JV211,
            line,
            f"Seksjonen «{title}» settes inn i en tabell i sluttrapporten, men "
            f"{LEFT_OUT_KINDS.get(kind, kind)} kan ikke vises i en tabellcelle og blir ikke "
            "med der. Skriv det som punkter eller tekst, eller flytt det til en annen seksjon.",
        )

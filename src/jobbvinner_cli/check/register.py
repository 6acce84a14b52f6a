"""The goal register (tiltaksplan.yaml) of a pilot run by a plan of goals and measures."""

from __future__ import annotations

import difflib
from collections import Counter
from typing import TYPE_CHECKING

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.layout import REGISTER_FILE
from jobbvinner_cli.pipeline.config import load_register
from jobbvinner_cli.pipeline.yamltext import Node

if TYPE_CHECKING:  # made by load_register, for a pilot that has the file
    from jobbvinner_cli.model.register import Register

FAMILY = "Mål og tiltak"

JV801 = Rule(
    "JV801",
    "tiltak-ukjent-mål",
    Severity.ERROR,
    FAMILY,
    "Et tiltak eller et resultat viser til et mål som ikke finnes.",
    "Under «mål:» står id-ene til delmålene og resultatmålene tiltaket skal nå, slik de står "
    "i tiltaksplan.yaml. En id som ikke finnes, gjør at tiltaket ikke kommer med under noe mål "
    "i rapporten.",
    "resultatmål:\n  - {id: R1, tekst: …}\ntiltak:\n  - {id: A, navn: Studentstillinger, mål: [R7]}",
    "resultatmål:\n  - {id: R1, tekst: …}\ntiltak:\n  - {id: A, navn: Studentstillinger, mål: [R1]}",
)

JV802 = Rule(
    "JV802",
    "mål-uten-tiltak",
    Severity.WARNING,
    FAMILY,
    "Et mål har ingen tiltak.",
    "Hvert resultatmål (og hvert delmål uten resultatmål under seg) bør ha minst ett tiltak. "
    "Ellers står målet tomt under «Tiltak og resultat» i rapporten.",
    "resultatmål:\n  - {id: R3, tekst: Utvikle samarbeidsarenaer}\ntiltak: []",
    "resultatmål:\n  - {id: R3, tekst: Utvikle samarbeidsarenaer}\n"
    "tiltak:\n  - {id: C, navn: Veiledernettverk, mål: [R3]}",
)

JV803 = Rule(
    "JV803",
    "resultat-uten-dato",
    Severity.WARNING,
    FAMILY,
    "Et resultat har ingen dato.",
    "Rapportene underveis (til styringsgruppa og Helsedirektoratet) tar med resultatene siden "
    "forrige rapport; det kan jv bare regne ut når hvert resultat har en dato.",
    "resultater:\n  - {tekst: Full vg1-klasse}",
    "resultater:\n  - {dato: 2019-08-15, tekst: Full vg1-klasse}",
)

JV804 = Rule(
    "JV804",
    "id-brukt-to-ganger",
    Severity.ERROR,
    FAMILY,
    "Samme id er brukt for to mål eller to tiltak.",
    "Id-en er det tiltakene og resultatene viser til; to med samme id kan ikke skilles.",
    "tiltak:\n  - {id: A, navn: Ambassadører}\n  - {id: A, navn: Mentorordning}",
    "tiltak:\n  - {id: A, navn: Ambassadører}\n  - {id: B, navn: Mentorordning}",
)

JV805 = Rule(
    "JV805",
    "tiltaksplan-mangler",
    Severity.WARNING,
    FAMILY,
    "Piloten går etter en tiltaksplan, men tiltaksplan.yaml mangler.",
    "Med «metode: tiltaksplan» i pilot.yaml står målene og tiltakene i tiltaksplan.yaml; "
    "rapportens «Tiltak og resultat» lages derfra. «jv init --metode tiltaksplan» lager filen.",
    "metode: tiltaksplan   # og ingen tiltaksplan.yaml",
    "metode: tiltaksplan   # og tiltaksplan.yaml med hovedmål, delmål og tiltak",
)

RULES = (JV801, JV802, JV803, JV804, JV805)


def check_register(ctx: CheckContext, sinks: dict[str, Sink]) -> tuple[Register | None, bool]:
    """Read and check tiltaksplan.yaml; the register, and whether the file is there."""
    path = ctx.root / REGISTER_FILE
    present = path.exists() or path.is_symlink()
    sink = sinks.setdefault(REGISTER_FILE, Sink(REGISTER_FILE))
    if not present:
        if ctx.pilot is not None and ctx.pilot.by_measures:
            sink.add(
                JV805, None, "Piloten har «metode: tiltaksplan», men tiltaksplan.yaml finnes ikke."
            )
        return None, False
    register, tree = load_register(ctx.root, sink)
    if register is not None:
        _check_ids(register, tree, sink)
        _check_references(register, tree, sink)
    return register, True


def _line(tree: Node | None, *path: str | int) -> int | None:
    return tree.line_of(path) if tree is not None else None


def _goal_paths(register: Register) -> list[tuple[str, tuple[str | int, ...]]]:
    paths: list[tuple[str, tuple[str | int, ...]]] = []
    for i, goal in enumerate(register.delmål):
        paths.append((goal.id, ("delmål", i, "id")))
        for j, sub in enumerate(goal.resultatmål):
            paths.append((sub.id, ("delmål", i, "resultatmål", j, "id")))
    for i, goal in enumerate(register.resultatmål):
        paths.append((goal.id, ("resultatmål", i, "id")))
    return paths


def _check_ids(register: Register, tree: Node | None, sink: Sink) -> None:
    goals = _goal_paths(register)
    measures = [(m.id, ("tiltak", i, "id")) for i, m in enumerate(register.tiltak)]
    for kind, items in (("målet", goals), ("tiltaket", measures)):
        counts = Counter(ident for ident, _ in items)
        first: dict[str, int | None] = {}
        for ident, path in items:
            line = _line(tree, *path)
            if counts[ident] > 1 and ident in first:
                where = f" (også på linje {first[ident]})" if first[ident] else ""
                sink.add(
                    JV804,
                    line,
                    f"Id-en «{ident}» er brukt for {kind} før{where}. Gi det en egen id.",
                )
            first.setdefault(ident, line)


def _check_references(register: Register, tree: Node | None, sink: Sink) -> None:
    known = register.goal_ids()
    names = list(known)
    for i, measure in enumerate(register.tiltak):
        for j, ref in enumerate(measure.mål):
            if ref not in known:
                sink.add(
                    JV801, _line(tree, "tiltak", i, "mål", j), _unknown(measure.id, ref, names)
                )
        for k, result in enumerate(measure.resultater):
            for j, ref in enumerate(result.mål):
                if ref not in known:
                    line = _line(tree, "tiltak", i, "resultater", k, "mål", j)
                    sink.add(JV801, line, _unknown(measure.id, ref, names))
            if result.dato is None:
                line = _line(tree, "tiltak", i, "resultater", k)
                sink.add(
                    JV803,
                    line,
                    f"Et resultat av tiltak {measure.id} har ingen dato. Skriv «dato: ÅÅÅÅ-MM-DD».",
                )
    for ident, path in _goal_paths(register):
        goal = known[ident]
        if goal.resultatmål:  # a delmål is served through its resultatmål
            continue
        if not register.measures_for(ident):
            sink.add(
                JV802,
                _line(tree, *path),
                f"Målet {ident} («{_short(goal.tekst)}») har ingen tiltak. Sett {ident} under "
                "«mål:» hos tiltakene som skal nå det.",
            )


def _unknown(measure: str, ref: str, names: list[str]) -> str:
    close = difflib.get_close_matches(ref, names, n=1, cutoff=0.5)
    hint = (
        f" Mente du «{close[0]}»?"
        if close
        else f" Målene heter {', '.join(names) or 'ingenting ennå'}."
    )
    return f"Tiltak {measure} viser til målet «{ref}», som ikke finnes i tiltaksplan.yaml.{hint}"


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"

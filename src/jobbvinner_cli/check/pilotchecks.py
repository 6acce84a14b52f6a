"""Checks of pilot.yaml and team.yaml beyond their schema: gatherings, references, due dates, teams."""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import itertools

from jobbvinner_cli.check.consistency import JV405, JV406, JV407
from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.check.limits import TEAM_SIZE
from jobbvinner_cli.dates import format_date
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.model.pilot import REPORT_HEADINGS, GatheringStatus, Pilot
from jobbvinner_cli.model.refs import RefError, resolve_ref
from jobbvinner_cli.model.schedule import Slot, planned_numbers, rule_for
from jobbvinner_cli.model.workdays import DayOff
from jobbvinner_cli.pipeline.config import TeamInfo
from jobbvinner_cli.pipeline.yamltext import Node
from jobbvinner_cli.words import plural

FAMILY = "Pilotfilen"

JV602 = Rule(
    "JV602",
    "samlinger-rekkefolge",
    Severity.ERROR,
    FAMILY,
    "Samlingene står ikke i datorekkefølge.",
    "Samling N+1 er etter samling N. Står datoene i feil rekkefølge, blir periodene og "
    "fristene gale for alle team.",
    "samlinger:\n  - {nr: 1, dato: 2018-02-27}\n  - {nr: 2, dato: 2017-11-10}",
    "samlinger:\n  - {nr: 1, dato: 2017-11-10}\n  - {nr: 2, dato: 2018-02-27}",
)

JV603 = Rule(
    "JV603",
    "samling-uten-dato",
    Severity.INFO,
    FAMILY,
    "En samling har ingen dato ennå.",
    "Dokumentene som regnes fra samlingen, står i planen med «frist ikke fastsatt» til "
    "datoen er fylt inn (JV308). En avlyst samling trenger ingen dato. Fyll inn dato: "
    "ÅÅÅÅ-MM-DD når den er bestemt.",
    "  - nr: 4\n    dato:",
    "  - nr: 4\n    dato: 2018-11-13",
)

JV605 = Rule(
    "JV605",
    "samling-passert-planlagt",
    Severity.WARNING,
    FAMILY,
    "En samling som har vært, står fortsatt som planlagt.",
    "Datoen for samlingen er passert, men status er fortsatt «planlagt». Skriv hvordan "
    "det gikk: «gjennomført», «digital» eller «avlyst» (og legg en samling som erstatter "
    "den, med «erstatter: N»). En avlyst samling starter og slutter ingen periode.",
    "  - nr: 2\n    dato: 2018-02-27\n    status: planlagt   (i dag 2018-03-01)",
    "  - nr: 2\n    dato: 2018-02-27\n    status: gjennomført",
)

JV604 = Rule(
    "JV604",
    "ukjent-henvisning",
    Severity.WARNING,
    FAMILY,
    "En henvisning til et dokument, en type eller en regel som ikke finnes.",
    "Nøklene under frister, antall og maler i pilot.yaml, frister og fritak i team.yaml og "
    "kodene under ignorer må være dokumenter (som fremdriftsplan-2), dokumenttyper, "
    "malvarianter eller regelkoder jv kjenner. En skrivefeil gjør at unntaket ikke gjelder.",
    "frister:\n  unntak:\n    fremdrifsplan-2: 2018-03-21",
    "frister:\n  unntak:\n    fremdriftsplan-2: 2018-03-21",
)

RULES = (JV602, JV603, JV604, JV605)


def _line(tree: Node | None, path: tuple[str | int, ...]) -> int | None:
    return tree.line_of(path) if tree is not None else None


def _is_list(tree: Node | None, key: str) -> bool:
    node = tree.mapping.get(key) if tree is not None and tree.mapping is not None else None
    return node is not None and node.sequence is not None


def _suggest(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f" Mente du «{close[0]}»?" if close else ""


def valid_doc_ids(ctx: CheckContext) -> list[str]:
    """The documents a deadline, exemption or ignore may name: every number the plan can
    have, also one a cancelled gathering took out (exempting it is harmless)."""
    ids: list[str] = []
    for name, spec in ctx.specs.items():
        if spec.doctype.numbered:
            known = planned_numbers(spec.doctype, ctx.pilot) if ctx.pilot else spec.numbers
            ids.extend(f"{name}-{n}" for n in known)
        else:
            ids.append(name)
    return ids


def check_gatherings(ctx: CheckContext, sink: Sink) -> None:
    pilot, tree = ctx.pilot, ctx.pilot_tree
    if pilot is None:
        return
    broken = {p.path[:2] for p in ctx.pilot_problems if p.path[:1] == ("samlinger",)}
    index_of = {id(g): i for i, g in enumerate(pilot.samlinger)}
    dated = []
    for gathering in pilot.samlinger:
        index = index_of[id(gathering)]
        name = (
            f"Samlingen som erstatter samling {gathering.erstatter},"
            if gathering.erstatter is not None
            else f"Samling {gathering.nr}"
        )
        if gathering.dato is None:
            if not gathering.cancelled and ("samlinger", index) not in broken:
                sink.add(
                    JV603,
                    _line(tree, ("samlinger", index, "dato")),
                    f"{name} har ingen dato ennå. Dokumentene som regnes fra den, står med "
                    "«frist ikke fastsatt» til du fyller inn dato: ÅÅÅÅ-MM-DD.",
                )
            continue
        end = gathering.end or gathering.dato
        if (
            gathering.status is GatheringStatus.PLANNED
            and end < ctx.today
            and ("samlinger", index) not in broken
        ):
            sink.add(
                JV605,
                _line(tree, ("samlinger", index, "status"))
                or _line(tree, ("samlinger", index, "dato")),
                f"{name} var {format_date(gathering.dato)}, men står fortsatt som planlagt. "
                "Skriv «status: gjennomført» (eller digital eller avlyst).",
            )
    for nr in range(1, len(pilot.planned) + 1):
        held = pilot.held(nr)
        if held is not None and held.dato is not None:
            dated.append((index_of[id(held)], held))
    for (_, first), (index, later) in itertools.pairwise(dated):
        assert first.end is not None and later.dato is not None
        if later.dato < first.end:
            sink.add(
                JV602,
                _line(tree, ("samlinger", index, "dato")),
                f"Samling {later.nr} ({later.dato}) er før samling {first.nr} ({first.end}). "
                "Samlingene må stå i datorekkefølge, ellers blir periodene og fristene gale.",
            )


def check_references(ctx: CheckContext, sink: Sink, codes: list[str]) -> None:
    pilot, tree = ctx.pilot, ctx.pilot_tree
    if pilot is None:
        return
    types = list(ctx.doctypes)
    ids = valid_doc_ids(ctx)
    for key in pilot.frister.regler:
        if key not in ctx.doctypes:
            sink.add(
                JV604,
                _line(tree, ("frister", "regler", key)),
                f"frister.regler: «{key}» er ikke en dokumenttype.{_suggest(key, types)} "
                f"Kjente typer: {', '.join(types)}.",
            )
    for key in pilot.frister.unntak:
        if key not in ids:
            sink.add(
                JV604,
                _line(tree, ("frister", "unntak", key)),
                f"frister.unntak: «{key}» er ikke et dokument i piloten, så unntaket gjelder "
                f"ingenting.{_suggest(key, ids)} Skriv for eksempel «hovedplan» eller "
                "«fremdriftsplan-2».",
            )
    _check_exemptions_and_headings(pilot, tree, ids, sink)
    for key in pilot.antall:
        doctype = ctx.doctypes.get(key)
        if doctype is None or not doctype.numbered:
            numbered = [n for n, t in ctx.doctypes.items() if t.numbered]
            sink.add(
                JV604,
                _line(tree, ("antall", key)),
                f"antall: «{key}» er ikke en nummerert dokumenttype.{_suggest(key, numbered)} "
                f"Nummererte typer: {', '.join(numbered)}.",
            )
    for key, variant in pilot.maler.items():
        doctype = ctx.doctypes.get(key)
        if doctype is None:
            sink.add(
                JV604,
                _line(tree, ("maler", key)),
                f"maler: «{key}» er ikke en dokumenttype.{_suggest(key, types)}",
            )
        elif variant not in doctype.variants:
            sink.add(
                JV604,
                _line(tree, ("maler", key)),
                f"maler: {key} har ikke varianten «{variant}». Varianter: "
                f"{', '.join(doctype.variants)}.",
            )
    variants = sorted({v for t in ctx.doctypes.values() for v in t.variants})
    if pilot.malvariant not in variants:
        sink.add(
            JV604,
            _line(tree, ("malvariant",)),
            f"malvariant: ingen dokumenttype har varianten «{pilot.malvariant}», så jv bruker "
            f"hver types første variant.{_suggest(pilot.malvariant, variants)} Varianter: "
            f"{', '.join(variants)}.",
        )
    for index, entry in enumerate(pilot.ignorer):
        if not any(fnmatch.fnmatchcase(code, entry.kode.upper()) for code in codes):
            sink.add(
                JV604,
                _line(tree, ("ignorer", index, "kode")),
                f"ignorer: «{entry.kode}» er ikke en regelkode.{_suggest(entry.kode, codes)} "
                "Se «jv check --list-rules».",
            )


def _check_exemptions_and_headings(
    pilot: Pilot, tree: Node | None, ids: list[str], sink: Sink
) -> None:
    known = list(REPORT_HEADINGS)
    for key in pilot.overskrifter:
        if key not in REPORT_HEADINGS:
            sink.add(
                JV604,
                _line(tree, ("overskrifter", key)),
                f"overskrifter: «{key}» er ikke en overskrift i rapporten.{_suggest(key, known)} "
                f"Kjente: {', '.join(known)}.",
            )
    for key in pilot.frister.fritak:
        if key not in ids:
            sink.add(
                JV604,
                _line(tree, ("frister", "fritak", key)),
                f"frister.fritak: «{key}» er ikke et dokument i piloten, så fritaket gjelder "
                f"ingenting.{_suggest(key, ids)} Skriv for eksempel «fremdriftsplan-3».",
            )


def holiday_years(ctx: CheckContext) -> list[int]:
    """The years the pilot's gatherings and due dates fall in (teams' own deadlines too)."""
    days = [s.due for s in ctx.slots.get(None, {}).values() if s.due is not None]
    if ctx.pilot is not None:
        days += [g.dato for g in ctx.pilot.samlinger if g.dato is not None]
    for info in ctx.teams.values():
        if info.team is not None:
            days.extend(info.team.frister.values())
    return sorted({day.year for day in days})


def _rule_line(pilot: Pilot, tree: Node | None, where: Slot) -> int | None:
    doc_id = where.doc_id
    if doc_id in pilot.frister.unntak:
        return _line(tree, ("frister", "unntak", doc_id))
    if where.doctype.name in pilot.frister.regler:
        return _line(tree, ("frister", "regler", where.doctype.name))
    rule = rule_for(where.doctype, pilot)
    try:
        anchor = resolve_ref(rule.gathering, nr=where.nr, count=len(pilot.samlinger))
    except RefError:
        return None
    if not 1 <= anchor <= len(pilot.samlinger):
        return None
    key = "til" if rule.days >= 0 and pilot.samlinger[anchor - 1].til else "dato"
    return _line(tree, ("samlinger", anchor - 1, key))


def check_due_dates(
    ctx: CheckContext,
    sink: Sink,
    team_sinks: dict[str, Sink],
    holidays: dict[dt.date, str],
    years: list[int],
    *,
    with_pilot: bool = True,
) -> None:
    """Due dates on a weekend or public holiday; ``holidays`` of ``years`` (holiday_names),
    the other years looked up when needed. Without ``with_pilot`` only the teams' own."""
    pilot = ctx.pilot
    if pilot is None:
        return
    pilot_slots = list(ctx.slots.get(None, {}).values()) if with_pilot else []
    overrides = [
        (info, doc_id, day)
        for info in ctx.teams.values()
        if info.team is not None
        for doc_id, day in info.team.frister.items()
    ]
    off = DayOff(holidays, years)
    for where in pilot_slots:
        if where.due is None:
            continue
        reason = off.why(where.due)
        if reason is None:
            continue
        before = off.workday_before(where.due)
        sink.add(
            JV407,
            _rule_line(pilot, ctx.pilot_tree, where),
            f"Fristen for {where.doctype.display_title(where.nr).lower()}: {reason}. Flytt "
            f"den, for eksempel med «{where.doc_id}: {before}» under frister.unntak.",
        )
    for info, doc_id, day in overrides:
        reason = off.why(day)
        if reason is None or info.slug not in team_sinks:
            continue
        before = off.workday_before(day)
        team_sinks[info.slug].add(
            JV407,
            _line(info.tree, ("frister", doc_id)),
            f"Fristen for {doc_id}: {reason}. Velg en arbeidsdag, for eksempel «{doc_id}: "
            f"{before}».",
        )


def check_team(info: TeamInfo, sink: Sink, slugs: set[str], ids: list[str]) -> None:
    team, tree = info.team, info.tree
    if team is None:
        return
    reference = (team.referansegruppe or "").strip()
    if reference:
        if reference == info.slug:
            sink.add(
                JV405,
                _line(tree, ("referansegruppe",)),
                "Teamet kan ikke være referansegruppe for seg selv. Skriv mappenavnet til teamet "
                "dere følger.",
            )
        elif reference not in slugs:
            others = sorted(slugs - {info.slug})
            sink.add(
                JV405,
                _line(tree, ("referansegruppe",)),
                f"Referansegruppen «{reference}» er ikke et team i piloten.{_suggest(reference, others)} "
                "Skriv mappenavnet til teamet under teams/"
                + (f" (for eksempel «{others[0]}»)." if others else "."),
            )
    if not team.withdrawn:
        members = team.medlemmer
        names = {" ".join(m.navn.split()).casefold() for m in members}
        leader = " ".join(team.gruppeleder.split())
        if not leader:
            sink.add(
                JV406,
                _line(tree, ("gruppeleder",)),
                "Teamet har ingen gruppeleder. Skriv navnet i «gruppeleder:».",
            )
        elif members and leader.casefold() not in names:
            sink.add(
                JV406,
                _line(tree, ("gruppeleder",)),
                f"Gruppelederen «{leader}» står ikke blant medlemmene. Legg vedkommende til under "
                "«medlemmer:», eller rett navnet.",
            )
        low, high = TEAM_SIZE
        where = _line(tree, ("medlemmer",))
        if not low <= len(members) <= high:
            sink.add(
                JV406,
                where,
                f"Teamet har {plural(len(members), 'medlem', 'medlemmer')}; et kommuneteam skal ha {low}–{high}. "
                "Før opp alle under «medlemmer:».",
            )
        if not any(m.leder for m in members):
            sink.add(
                JV406,
                where,
                "Ingen i teamet er merket som leder med beslutningsmyndighet. Sett «leder: true» "
                "på minst én.",
            )
        if not any(m.tillitsvalgt for m in members):
            sink.add(
                JV406,
                where,
                "Ingen i teamet er merket som tillitsvalgt. Sett «tillitsvalgt: true» på minst én.",
            )
    for doc_id in team.frister:
        if doc_id not in ids:
            sink.add(
                JV604,
                _line(tree, ("frister", doc_id)),
                f"frister: «{doc_id}» er ikke et dokument i piloten, så fristen gjelder "
                f"ingenting.{_suggest(doc_id, ids)}",
            )
    for index, doc_id in enumerate(team.fritak):
        if doc_id not in ids:
            sink.add(
                JV604,
                _line(tree, ("fritak", index if _is_list(tree, "fritak") else doc_id)),
                f"fritak: «{doc_id}» er ikke et dokument i piloten, så fritaket gjelder "
                f"ingenting.{_suggest(doc_id, ids)}",
            )

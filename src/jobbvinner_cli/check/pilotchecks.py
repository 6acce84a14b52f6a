"""Checks of pilot.yaml and team.yaml beyond their schema: gatherings, references, due dates, teams."""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import importlib.util
import itertools
from pathlib import Path
from typing import Any

from jobbvinner_cli.check.consistency import JV405, JV406, JV407
from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.check.limits import TEAM_SIZE
from jobbvinner_cli.dates import format_date
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.model.pilot import GatheringStatus, Pilot
from jobbvinner_cli.model.refs import RefError, resolve_ref
from jobbvinner_cli.model.schedule import Slot, rule_for
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
    Severity.WARNING,
    FAMILY,
    "En samling har ingen dato.",
    "Uten dato kan ikke jv regne ut periodene og fristene som henger på samlingen, og de "
    "blir ikke sjekket. Fyll inn dato: ÅÅÅÅ-MM-DD.",
    "  - nr: 4\n    dato:",
    "  - nr: 4\n    dato: 2018-11-13",
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

RULES = (JV602, JV603, JV604)

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def _line(tree: Node | None, path: tuple[str | int, ...]) -> int | None:
    return tree.line_of(path) if tree is not None else None


def _suggest(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f" Mente du «{close[0]}»?" if close else ""


def valid_doc_ids(ctx: CheckContext) -> list[str]:
    ids: list[str] = []
    for name, spec in ctx.specs.items():
        if spec.doctype.numbered:
            ids.extend(f"{name}-{n}" for n in spec.numbers)
        else:
            ids.append(name)
    return ids


def check_gatherings(ctx: CheckContext, sink: Sink) -> None:
    pilot, tree = ctx.pilot, ctx.pilot_tree
    if pilot is None:
        return
    broken = {p.path[:2] for p in ctx.pilot_problems if p.path[:1] == ("samlinger",)}
    dated = []
    for index, gathering in enumerate(pilot.samlinger):
        if gathering.dato is None:
            if (
                gathering.status is not GatheringStatus.CANCELLED
                and ("samlinger", index) not in broken
            ):
                sink.add(
                    JV603,
                    _line(tree, ("samlinger", index, "dato")),
                    f"Samling {gathering.nr} har ingen dato. Periodene og fristene som regnes fra "
                    "den, blir ikke sjekket. Fyll inn dato: ÅÅÅÅ-MM-DD.",
                )
            continue
        dated.append((index, gathering))
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


def holiday_years(ctx: CheckContext) -> list[int]:
    """The years the pilot's gatherings and due dates fall in (teams' own deadlines too)."""
    days = [s.due for s in ctx.slots.get(None, {}).values()]
    if ctx.pilot is not None:
        days += [g.dato for g in ctx.pilot.samlinger if g.dato is not None]
    for info in ctx.teams.values():
        if info.team is not None:
            days.extend(info.team.frister.values())
    return sorted({day.year for day in days})


def _norway() -> Any:
    """The holidays package's ``Norway``, without importing every other country.

    ``import holidays.countries.norway`` first runs holidays/countries/__init__.py, which
    imports the modules of some 250 countries (about 0.08 s, a tenth of a large check).
    The Norwegian module needs only the package's base modules, so it is loaded from its
    file; if that ever fails (a new layout of the package), the normal import is used.
    """
    try:
        import holidays

        path = Path(holidays.__file__).with_name("countries") / "norway.py"
        spec = importlib.util.spec_from_file_location("_jv_holidays_norway", path)
        if spec is None or spec.loader is None:
            raise ImportError(path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.Norway
    except Exception:
        from holidays.countries.norway import Norway

        return Norway


def holiday_names(years: list[int]) -> dict[dt.date, str]:
    """Norwegian public holidays in ``years``, named in Norwegian (the holidays package)."""
    if not years:
        return {}
    return dict(_norway()(years=years, language="no").items())


class DayOff:
    """Weekends and Norwegian public holidays."""

    def __init__(self, names: dict[dt.date, str], years: list[int]) -> None:
        self._names = dict(names)
        self._years = set(years)

    def _load(self, year: int) -> None:
        if year not in self._years:
            self._years.add(year)
            self._names.update(holiday_names([year]))

    def why(self, day: dt.date) -> str | None:
        self._load(day.year)
        if day in self._names:
            return f"{WEEKDAYS[day.weekday()]} {format_date(day)} er en helligdag ({self._names[day].lower()})"
        if day.weekday() >= 5:
            return f"{format_date(day)} er en {WEEKDAYS[day.weekday()]}"
        return None

    def workday_before(self, day: dt.date) -> dt.date:
        for back in range(1, 15):
            candidate = day - dt.timedelta(days=back)
            self._load(candidate.year)
            if candidate.weekday() < 5 and candidate not in self._names:
                return candidate
        return day  # pragma: no cover - there is always a workday within two weeks


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
                _line(tree, ("fritak", index)),
                f"fritak: «{doc_id}» er ikke et dokument i piloten, så fritaket gjelder "
                f"ingenting.{_suggest(doc_id, ids)}",
            )

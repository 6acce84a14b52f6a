"""Each team's documents against their deadlines: shared by `jv check` and `jv status`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.check.limits import DUE_SOON_DAYS
from jobbvinner_cli.dates import format_date
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.layout import TEAMS_DIR
from jobbvinner_cli.model.delivery import State, Submission, delivered_later, delivery_state
from jobbvinner_cli.model.schedule import Slot, exemption
from jobbvinner_cli.pipeline.document import DocFacts
from jobbvinner_cli.words import plural

FAMILY = "Frister"

JV301 = Rule(
    "JV301",
    "dokument-mangler",
    Severity.ERROR,
    FAMILY,
    "Et dokument som har forfalt, finnes ikke.",
    "Fristen for dokumentet er i dag eller tidligere, og filen finnes ikke i teammappen. "
    "Fristene regnes fra samlingene og reglene i dokumenttypene og pilot.yaml, med unntak i "
    "pilot.yaml (frister.unntak) og team.yaml (frister, fritak). Et team som har trukket "
    "seg, skylder ingenting med frist etter datoen det trakk seg. Datoen for «i dag» kan "
    "settes med --today.",
    "teams/bodo/ uten statusrapport-2.md, frist 2018-06-04, i dag 2018-06-10",
    "teams/bodo/statusrapport-2.md med status: levert",
)

JV302 = Rule(
    "JV302",
    "ikke-levert",
    Severity.ERROR,
    FAMILY,
    "Et dokument som har forfalt, er ikke levert.",
    "Fristen er i dag eller tidligere, men dokumentet har ikke «status: levert». Er det "
    "levert, sett status: levert og levert: datoen det ble sendt.",
    "status: utkast  (frist 2018-06-04, i dag 2018-06-10)",
    "status: levert\nlevert: 2018-06-03",
)

JV303 = Rule(
    "JV303",
    "levert-for-sent",
    Severity.WARNING,
    FAMILY,
    "Dokumentet ble levert etter fristen.",
    "Leveringsdatoen er etter fristen; meldingen sier hvor mange dager. Leveringsdatoen er "
    "feltet «levert», eller, når det mangler, datoen i git-historikken da status ble levert.",
    "frist: 2018-06-04\nstatus: levert\nlevert: 2018-06-11",
    "frist: 2018-06-04\nstatus: levert\nlevert: 2018-06-01",
)

JV304 = Rule(
    "JV304",
    "frist-snart",
    Severity.INFO,
    FAMILY,
    f"Dokumentet har frist innen {DUE_SOON_DAYS} dager.",
    f"En påminnelse: dokumentet er ikke levert, og fristen er innen {DUE_SOON_DAYS} dager.",
    "statusrapport-2.md med status: utkast, frist om 5 dager",
    "statusrapport-2.md med status: levert",
)

JV305 = Rule(
    "JV305",
    "leveringsdato-ukjent",
    Severity.WARNING,
    FAMILY,
    "Dokumentet er levert, men leveringsdatoen er ukjent.",
    "Status er levert, men feltet «levert» er tomt, og git-historikken sier ikke når status "
    "ble levert (piloten er ikke et git-repo, eller endringen er ikke lagret med git commit "
    "ennå). Da kan ikke jv se om fristen ble holdt. Fyll inn levert: ÅÅÅÅ-MM-DD.",
    "status: levert\nlevert:",
    "status: levert\nlevert: 2018-06-01",
)

JV306 = Rule(
    "JV306",
    "leveringsdato-motstrid",
    Severity.WARNING,
    FAMILY,
    "Leveringsdatoen stemmer ikke med status, eller har ikke vært ennå.",
    "Feltet levert har en dato, men status er ikke levert; eller leveringsdatoen er i "
    "fremtiden. Rett status eller datoen. (Sjekker du piloten slik den var en tidligere dag, "
    "med --today, regnes et dokument levert etter den dagen som ikke levert ennå, uten "
    "denne meldingen.)",
    "status: utkast\nlevert: 2018-06-01",
    "status: levert\nlevert: 2018-06-01",
)

JV307 = Rule(
    "JV307",
    "git-historikk-mangler",
    Severity.INFO,
    FAMILY,
    "Git-historikken er avkortet, så den kan ikke gi leveringsdatoer.",
    "Piloten ligger i en grunn kopi av git-repoet (shallow clone, som GitHub Actions lager "
    "som standard): de eldre commitene mangler, og med dem datoene da status ble levert. jv "
    "sier det her én gang i stedet for å gi alle dokumentene datoen til siste commit. Hent "
    "hele historikken (git fetch --unshallow, eller fetch-depth: 0 i actions/checkout), "
    "eller fyll inn levert: ÅÅÅÅ-MM-DD i dokumentene.",
    "git clone --depth 1 …, og dokumenter med status: levert uten levert:",
    "git clone … (hele historikken), eller levert: 2018-06-01 i dokumentet",
)

JV308 = Rule(
    "JV308",
    "frist-ikke-fastsatt",
    Severity.INFO,
    FAMILY,
    "Dokumentet har ingen frist ennå: samlingen fristen regnes fra, har ingen dato.",
    "Dokumentet hører til planen, men samlingen fristen (eller perioden) regnes fra, har ikke "
    "fått dato i pilot.yaml. Når datoen er fylt inn, får dokumentet frist og blir sjekket "
    "mot den. Frist for ett dokument kan også settes med frister.unntak.",
    "samlinger:\n  - nr: 3\n    dato:",
    "samlinger:\n  - nr: 3\n    dato: 2020-06-11",
)

RULES = (JV301, JV302, JV303, JV304, JV305, JV306, JV307, JV308)


@dataclass
class Entry:
    slot: Slot
    path: str
    state: State
    facts: DocFacts | None
    delivered_on: dt.date | None = None
    excuse: str | None = None  # why the document is excused («» when no reason is given)
    delivered_later: dt.date | None = None  # looking back: delivered after «today»

    @property
    def days_late(self) -> int | None:
        if self.state is State.LATE and self.delivered_on is not None and self.slot.due:
            return (self.delivered_on - self.slot.due).days
        return None


def team_entries(
    ctx: CheckContext,
    slug: str,
    facts: dict[str, DocFacts],
    delivered_on: Callable[[DocFacts], dt.date | None],
) -> list[Entry]:
    """The team's documents in due order, each with its state on ``ctx.today``."""
    info = ctx.teams.get(slug)
    team = info.team if info is not None else None
    if team is None:
        return []
    slots = ctx.slots.get(slug) or {
        doc_id: s for doc_id, s in ctx.slots.get(None, {}).items() if s.doctype.scope == "team"
    }
    today = ctx.today
    entries: list[Entry] = []
    order = {name: i for i, name in enumerate(ctx.doctypes)}
    pilot = ctx.pilot
    for where in sorted(slots.values(), key=lambda s: s.sort_key(order)):
        doc = facts.get(where.doc_id)
        path = (
            doc.task.rel
            if doc is not None
            else f"{TEAMS_DIR}/{slug}/{where.doctype.filename(where.nr)}"
        )
        excuse = exemption(pilot, team, where.doc_id) if pilot is not None else None
        owed = not team.withdrawn_before(where.due)
        submission, when = None, None
        if doc is not None and owed:  # asking git for a date is slow: only when it matters
            when = delivered_on(doc) if doc.delivered else None
            submission = Submission(doc.status_known, doc.delivered, when)
        elif doc is not None:
            submission = Submission(doc.status_known, doc.delivered, None)
        state = delivery_state(submission, where.due, today, owed=owed, excused=excuse is not None)
        shown = when if state in (State.LATE, State.DELIVERED) else None
        entries.append(
            Entry(where, path, state, doc, shown, excuse, delivered_later(submission, today))
        )
    return entries


def _when(due: dt.date, today: dt.date) -> str:
    days = (today - due).days
    if days == 0:
        return "fristen er i dag"
    if days == 1:
        return f"fristen var i går, {format_date(due)}"
    return f"fristen var {format_date(due)}, for {plural(days, 'dag', 'dager')} siden"


def report_deadlines(ctx: CheckContext, slug: str, entries: list[Entry], sink: Sink) -> None:
    today = ctx.today
    for entry in entries:
        where = entry.slot
        title = where.doctype.display_title(where.nr)
        sink.document = where.doctype.name
        if where.due is None:
            if entry.state is State.UNDATED:
                sink.add(
                    JV308,
                    entry.facts.status_line if entry.facts is not None else None,
                    f"{title} har ingen frist ennå: samling {_anchor(ctx, entry)} har ingen "
                    "dato. Fyll inn datoen i pilot.yaml, så får dokumentet frist.",
                    path=entry.path,
                )
            continue
        if entry.state is State.MISSING:
            nr = f" --nr {where.nr}" if where.nr is not None else ""
            sink.add(
                JV301,
                None,
                f"{title} mangler: {_when(where.due, today)}. Lag den med «jv scaffold "
                f"{where.doctype.name} --team {slug}{nr}», skriv den og lever den.",
                path=entry.path,
            )
        elif entry.state is State.OVERDUE and entry.delivered_later is not None:
            assert entry.facts is not None
            sink.add(
                JV302,
                entry.facts.levert_line or entry.facts.status_line,
                f"{title} var ikke levert {format_date(today)}: {_when(where.due, today)}. "
                f"Den ble levert senere, {format_date(entry.delivered_later)}.",
                path=entry.path,
            )
        elif entry.state is State.OVERDUE:
            assert entry.facts is not None
            sink.add(
                JV302,
                entry.facts.status_line,
                f"{title} er ikke levert: {_when(where.due, today)}. Er den levert, skriv "
                "«status: levert» og «levert: ÅÅÅÅ-MM-DD».",
                path=entry.path,
            )
        elif entry.state is State.LATE:
            assert entry.facts is not None and entry.delivered_on is not None
            days = (entry.delivered_on - where.due).days
            source = "" if entry.facts.levert is not None else " (datoen er fra git-historikken)"
            sink.add(
                JV303,
                entry.facts.levert_line,
                f"{title} ble levert {format_date(entry.delivered_on)}{source}, "
                f"{days} {'dag' if days == 1 else 'dager'} etter fristen {format_date(where.due)}.",
                path=entry.path,
            )
        elif entry.state in (State.DRAFT, State.NOT_DUE):
            days = (where.due - today).days
            if days <= DUE_SOON_DAYS:
                line = entry.facts.status_line if entry.facts is not None else None
                sink.add(
                    JV304,
                    line,
                    f"{title} har frist {format_date(where.due)}, om {days} "
                    f"{'dag' if days == 1 else 'dager'}"
                    + (
                        " (ikke påbegynt)."
                        if entry.state is State.NOT_DUE and entry.delivered_later is None
                        else "."
                    ),
                    path=entry.path,
                )
        if (
            entry.state is State.DELIVERED
            and entry.delivered_on is None
            and entry.facts is not None
            and not entry.facts.levert_invalid
        ):
            sink.add(
                JV305,
                entry.facts.levert_line,
                f"{title} har status levert, men ingen leveringsdato, og git-historikken sier "
                "ikke når den ble levert. Skriv «levert: ÅÅÅÅ-MM-DD», så jv kan se om fristen "
                "ble holdt.",
                path=entry.path,
            )
    sink.document = None


def _anchor(ctx: CheckContext, entry: Entry) -> str:
    """The gathering(s) without a date that leave the document without a due date."""
    pilot = ctx.pilot
    if pilot is None:
        return "?"
    where = entry.slot
    return str(where.anchor if where.anchor is not None else where.gathering_to)

"""What every file's check needs, loaded once: pilot.yaml, the document types and the teams."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.catalog import load_doctypes
from jobbvinner_cli.check.diagnostics import Sink
from jobbvinner_cli.check.personal import EMAIL
from jobbvinner_cli.check.source import read_source
from jobbvinner_cli.check.yamlcheck import parse_tree, validate
from jobbvinner_cli.errors import ConfigError, JvError
from jobbvinner_cli.model.doctype import DocumentType, Section
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.schedule import Slot, numbers, slot, slots_for_team
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.repo import PILOT_FILE, TEAM_FILE, TEAMS_DIR, TEMPLATES_DIR
from jobbvinner_cli.validation import Problem
from jobbvinner_cli.yamltext import Node


@dataclass(frozen=True)
class TypeSpec:
    """A document type as the pilot uses it: its variant's sections and headings."""

    doctype: DocumentType
    sections: tuple[Section, ...]
    headings: list[str]
    numbers: range


@dataclass
class TeamInfo:
    slug: str
    team: Team | None  # None when team.yaml cannot be used
    tree: Node | None


@dataclass
class CheckContext:
    root: Path
    today: dt.date
    pilot: Pilot | None
    pilot_tree: Node | None
    pilot_problems: list[Problem]
    doctypes: dict[str, DocumentType]
    broken_types: set[str]
    specs: dict[str, TypeSpec]
    teams: dict[str, TeamInfo]
    contacts: frozenset[str]
    # team slug (None: the pilot-wide rules) -> doc id -> period and due date
    slots: dict[str | None, dict[str, Slot]] = field(default_factory=dict)

    def slot(self, team: str | None, doc_id: str) -> Slot | None:
        """The team's slot (with its own deadlines), else the pilot-wide one."""
        found = self.slots.get(team, {}).get(doc_id) if team is not None else None
        return found or self.slots.get(None, {}).get(doc_id)


def load_pilot(
    root: Path, sink: Sink
) -> tuple[bool, Pilot | None, Node | None, list[Problem], str]:
    """pilot.yaml: (readable, model, tree, problems, text). Unreadable stops the check."""
    text = read_source(root / PILOT_FILE, sink)
    if text is None:
        return False, None, None, [], ""
    ok, tree = parse_tree(text, sink, 0)
    if not ok:
        return False, None, None, [], text
    if tree is not None and tree.mapping is None:
        sink.add(
            "JV106",
            tree.line,
            "pilot.yaml må bestå av nøkler med verdier (navn:, samlinger: …), ikke en liste "
            "eller bare tekst.",
        )
        return False, None, tree, [], text
    pilot, problems = validate(tree, Pilot, sink, 0)
    return True, pilot, tree, problems, text


def load_types(
    root: Path, pilot: Pilot | None, sinks: dict[str, Sink]
) -> tuple[dict[str, DocumentType], set[str], dict[str, TypeSpec]]:
    problems: list[JvError] = []
    doctypes = load_doctypes(root / TEMPLATES_DIR, root, problems)
    broken: set[str] = set()
    for problem in problems:
        display = str(problem.path or f"{TEMPLATES_DIR}/types")
        sink = sinks.setdefault(display, Sink(display))
        broken.add(Path(display).stem)
        if isinstance(problem, ConfigError):
            for line, message in problem.problems:
                sink.add("JV601", line, f"Dokumenttypen kan ikke brukes: {message}")
        else:
            sink.add("JV601", problem.line, f"Dokumenttypen kan ikke brukes: {problem.message}")
    specs: dict[str, TypeSpec] = {}
    for name, doctype in doctypes.items():
        variant = pilot.variant_for(name) if pilot is not None else next(iter(doctype.variants))
        valid = numbers(doctype, pilot) if pilot is not None else range(1, 100)
        specs[name] = TypeSpec(doctype, doctype.sections(variant), doctype.headings(variant), valid)
    return doctypes, broken, specs


def load_team(root: Path, slug: str, sink: Sink) -> TeamInfo:
    info = TeamInfo(slug, None, None)
    text = read_source(root / TEAMS_DIR / slug / TEAM_FILE, sink)
    if text is None:
        return info
    ok, tree = parse_tree(text, sink, 0)
    if not ok:
        return info
    info.tree = tree
    info.team, _ = validate(tree, Team, sink, 0)
    return info


def contacts_of(pilot_text: str) -> frozenset[str]:
    """The pilot's own e-mail addresses: every address written in pilot.yaml."""
    return frozenset(m.group(0).lower() for m in EMAIL.finditer(pilot_text))


def compute_slots(
    pilot: Pilot | None, doctypes: dict[str, DocumentType]
) -> dict[str | None, dict[str, Slot]]:
    """Period and due date of every document by the pilot-wide rules (key None)."""
    result: dict[str | None, dict[str, Slot]] = {None: {}}
    if pilot is None or not pilot.samlinger:
        return result
    for doctype in doctypes.values():
        wanted: list[int | None] = list(numbers(doctype, pilot)) if doctype.numbered else [None]
        for nr in wanted:
            try:
                where = slot(doctype, pilot, nr)
            except ValueError:  # ScheduleError, RefError: no date to count from
                continue
            result[None][where.doc_id] = where
    return result


def add_team_slots(ctx: CheckContext) -> None:
    """The slots of teams with deadlines of their own (the others use the pilot-wide ones)."""
    if ctx.pilot is None or not ctx.pilot.samlinger:
        return
    team_types = [t for t in ctx.doctypes.values() if t.scope == "team"]
    for slug, info in ctx.teams.items():
        if info.team is not None and info.team.frister:
            ctx.slots[slug] = {
                s.doc_id: s for s in slots_for_team(team_types, ctx.pilot, info.team)
            }

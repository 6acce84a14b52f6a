"""What every file's check needs, loaded once: pilot.yaml, the document types and the teams."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.check.personal import Contacts
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.schedule import Slot, numbers, slot, slots_for_team
from jobbvinner_cli.pipeline.config import TeamInfo
from jobbvinner_cli.pipeline.document import TypeSpec
from jobbvinner_cli.pipeline.schema import Problem
from jobbvinner_cli.pipeline.yamltext import Node


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
    contacts: Contacts
    keep_documents: bool | frozenset[str] = False  # see CheckOptions.keep_documents
    # team slug (None: the pilot-wide rules) -> doc id -> period and due date
    slots: dict[str | None, dict[str, Slot]] = field(default_factory=dict)
    # the day the check runs, asked once: asking costs a look at the time zone each time
    clock_today: dt.date = field(default_factory=dt.date.today)

    def keeps(self, team: str | None, type_name: str | None) -> bool:
        """Whether a document's body and tree are kept for the caller."""
        keep = self.keep_documents
        if isinstance(keep, bool):
            return keep
        return team is None or type_name in keep

    def slot(self, team: str | None, doc_id: str) -> Slot | None:
        """The team's slot (with its own deadlines), else the pilot-wide one."""
        found = self.slots.get(team, {}).get(doc_id) if team is not None else None
        return found or self.slots.get(None, {}).get(doc_id)


def contacts_of(pilot_text: str) -> Contacts:
    """The pilot's own contacts: every e-mail address and phone number in pilot.yaml."""
    return Contacts(pilot_text)


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

"""What the report is made from: the documents `jv check` read, parsed and modelled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jobbvinner_cli.check.engine import CheckResult
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.gatheringdata import GatheringData
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.pipeline.body import Body
from jobbvinner_cli.pipeline.cells import section_cell
from jobbvinner_cli.pipeline.document import DocFacts, TypeSpec

if TYPE_CHECKING:  # the register's models are made only for a pilot that has one
    from jobbvinner_cli.model.register import Register


@dataclass
class TeamData:
    slug: str
    team: Team
    docs: dict[str, DocFacts] = field(default_factory=dict)


@dataclass
class ReportInput:
    root: Path
    pilot: Pilot
    doctypes: dict[str, DocumentType]
    specs: dict[str, TypeSpec]
    teams: list[TeamData]
    pilot_docs: dict[str, DocFacts]
    chapters: dict[str, str]  # rapport/ file -> text, as the check read it
    today: dt.date
    warnings: list[str] = field(default_factory=list)
    gatherings: GatheringData = field(default_factory=GatheringData)
    register: Register | None = None
    chart_format: str = "png"  # "pdf" or "html": the charts stay SVG (Typst, browsers)

    @classmethod
    def from_check(cls, result: CheckResult, today: dt.date) -> ReportInput:
        ctx = result.ctx
        assert ctx is not None and ctx.pilot is not None  # the caller refuses a fatal check
        teams: list[TeamData] = []
        warnings: list[str] = []
        for slug in sorted(ctx.teams):
            team = ctx.teams[slug].team
            if team is None:
                warnings.append(
                    f"teams/{slug}/team.yaml kan ikke brukes, så teamet er ikke med i rapporten."
                )
                continue
            teams.append(TeamData(slug, team, dict(result.facts.get(slug, {}))))
        return cls(
            result.root,
            ctx.pilot,
            ctx.doctypes,
            ctx.specs,
            teams,
            result.pilot_documents,
            result.chapters,
            today,
            warnings,
            result.gatherings,
            result.register,
        )

    @property
    def completed(self) -> list[TeamData]:
        return [t for t in self.teams if not t.team.withdrawn]

    def role_section(self, data: TeamData, role: str) -> tuple[Body, int, int] | None:
        """The body lines of the team's sluttrapport section that feeds ``role``."""
        spec = self.specs.get("sluttrapport")
        doc = data.docs.get("sluttrapport")
        if spec is None or doc is None or doc.body is None:
            return None
        wanted = spec.section_for_role(role)
        found = doc.section(spec, wanted.title) if wanted is not None else None
        if found is None:
            return None
        heading, end = found
        return doc.body, heading.end, end

    def role_cell(self, data: TeamData, role: str) -> str:
        """The team's section for ``role`` as table-cell Markdown: its lists and prose."""
        where = self.role_section(data, role)
        return section_cell(*where).markdown if where is not None else ""

    def effect_goal(self, data: TeamData) -> str:
        for doc_id in ("hovedplan", "sluttrapport"):
            doc = data.docs.get(doc_id)
            if doc is not None and doc.effect:
                return doc.effect
        return ""

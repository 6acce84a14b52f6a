"""A document type, defined once: sections, length limit, numbering, period and deadline rule.

Scaffold, check and build all read these definitions. The definitions
themselves are data (``templates/types/<type>.yaml``) so that a pilot can
change a type or add its own without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jobbvinner_cli.errors import Hint, UsageError
from jobbvinner_cli.model.refs import resolve_ref, uses_number, validate_ref


class _Strict(BaseModel):
    # A model's own validator is built the first time it is used on its own, not at import:
    # the models under a file's top-level model are validated inside that one's validator
    # and need none of their own (about 8 M instructions of `jv check`).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SectionDef(_Strict):
    # A stable name for the section: `jv sync` follows a section renamed in the template by
    # its id. Optional, so a pilot's older type definitions stay valid.
    id: str | None = Field(default=None, pattern=r"^[a-z0-9æøå]+(-[a-z0-9æøå]+)*$")
    tittel: str
    veiledning: list[str] = Field(default_factory=list)
    tabell: bool = False
    # What the pilot's final report takes from this section (tiltak, resultater, videre-oppgaver).
    rapport: str | None = None


class RuleDef(_Strict):
    samling: str
    dager: int = 0

    @field_validator("samling")
    @classmethod
    def _ref(cls, value: str) -> str:
        return validate_ref(value)


class VariantDef(_Strict):
    seksjoner: list[SectionDef]
    # The variant's own deadline rule (Østfold: the sluttrapport comes after the last gathering).
    frist: RuleDef | None = None
    # The report's table headings for this variant, e.g. {effektmål: Hovedmål}.
    overskrifter: dict[str, str] = Field(default_factory=dict)

    @field_validator("seksjoner")
    @classmethod
    def _unique_ids(cls, value: list[SectionDef]) -> list[SectionDef]:
        ids = [s.id for s in value if s.id is not None]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"seksjons-id brukt mer enn én gang: {', '.join(twice)}")
        return value


class PeriodDef(_Strict):
    fra: str
    til: str

    @field_validator("fra", "til")
    @classmethod
    def _ref(cls, value: str) -> str:
        return validate_ref(value)


class DocTypeDef(_Strict):
    """The YAML shape of a type definition."""

    # validated on its own (the models under it only inside it): its validator is built now
    model_config = ConfigDict(defer_build=False)

    tittel: str
    omfang: Literal["team", "pilot"] = "team"
    nummerert: bool = False
    nummer_maks: str | None = None
    maks_sider: int | None = Field(default=None, ge=1)
    periode: PeriodDef
    frist: RuleDef
    timer_for_periode: str | None = None
    # The document type that takes this one's place at the last gathering: a document
    # whose period ends there is not expected (unless pilot.yaml sets «antall»).
    erstattes_ved_siste_samling: str | None = None
    nummererte_seksjoner: bool = True
    varianter: dict[str, VariantDef]

    @field_validator("nummer_maks", "timer_for_periode")
    @classmethod
    def _ref(cls, value: str | None) -> str | None:
        return None if value is None else validate_ref(value)

    @field_validator("varianter")
    @classmethod
    def _some(cls, value: dict[str, VariantDef]) -> dict[str, VariantDef]:
        if not value:
            raise ValueError("minst én variant med seksjoner må være definert")
        return value


@dataclass(frozen=True)
class Section:
    title: str
    prompts: tuple[str, ...]
    table: bool = False
    report_role: str | None = None
    id: str | None = None


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class DeadlineRule(NamedTuple):
    """Due ``days`` after the end of gathering ``gathering`` (before its start when negative)."""

    gathering: str
    days: int


@dataclass(frozen=True)
class DocumentType:
    name: str
    title: str
    scope: Literal["team", "pilot"]
    numbered: bool
    max_number: str | None
    max_pages: int | None
    period_from: str
    period_to: str
    deadline: DeadlineRule
    hours_period: str | None
    numbered_sections: bool
    variants: dict[str, tuple[Section, ...]]
    replaced_at_last: str | None = None
    variant_deadlines: dict[str, DeadlineRule] = field(default_factory=dict)
    variant_headings: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_def(cls, name: str, d: DocTypeDef) -> DocumentType:
        return cls(
            name=name,
            title=d.tittel,
            scope=d.omfang,
            numbered=d.nummerert,
            max_number=d.nummer_maks,
            max_pages=d.maks_sider,
            period_from=d.periode.fra,
            period_to=d.periode.til,
            deadline=DeadlineRule(d.frist.samling, d.frist.dager),
            hours_period=d.timer_for_periode,
            numbered_sections=d.nummererte_seksjoner,
            variants={
                key: tuple(
                    Section(s.tittel, tuple(s.veiledning), s.tabell, s.rapport, s.id)
                    for s in v.seksjoner
                )
                for key, v in d.varianter.items()
            },
            replaced_at_last=d.erstattes_ved_siste_samling,
            variant_deadlines={
                key: DeadlineRule(v.frist.samling, v.frist.dager)
                for key, v in d.varianter.items()
                if v.frist is not None
            },
            variant_headings={key: dict(v.overskrifter) for key, v in d.varianter.items()},
        )

    def deadline_for(self, variant: str) -> DeadlineRule:
        """The deadline rule of the variant the pilot uses (the type's own when it has none)."""
        return self.variant_deadlines.get(self.variant_name(variant), self.deadline)

    def variant_name(self, wanted: str) -> str:
        """The variant to use: the wanted one if this type has it, else the first defined."""
        return wanted if wanted in self.variants else next(iter(self.variants))

    def sections(self, variant: str) -> tuple[Section, ...]:
        return self.variants[self.variant_name(variant)]

    def headings(self, variant: str) -> list[str]:
        """The section headings exactly as scaffolded (and as check expects them)."""
        sections = self.sections(variant)
        if self.numbered_sections:
            return [f"{i}. {s.title}" for i, s in enumerate(sections, 1)]
        return [s.title for s in sections]

    def numbers(self, gathering_count: int) -> range:
        """The valid document numbers for a pilot with ``gathering_count`` gatherings."""
        if not self.numbered:
            return range(0)
        top = resolve_ref(self.max_number or "siste", nr=None, count=gathering_count)
        return range(1, max(top, 0) + 1)

    def uses_number(self) -> bool:
        return uses_number(self.period_from) or uses_number(self.deadline.gathering)

    def doc_id(self, nr: int | None) -> str:
        return f"{self.name}-{nr}" if self.numbered else self.name

    def filename(self, nr: int | None) -> str:
        return f"{self.doc_id(nr)}.md"

    def display_title(self, nr: int | None) -> str:
        return f"{self.title} {nr}" if self.numbered else self.title

    def refuse_mismatch(self, team: str | None, nr: int | None) -> None:
        """Refuse a request whose team or number does not fit the type (a team's document
        asked for without its team, a number for an unnumbered type, …)."""
        if self.scope == "team" and team is None:
            raise UsageError(f"{self.title} hører til et team.", hint=Hint.NAME_TEAM)
        if self.scope == "pilot" and team is not None:
            raise UsageError(
                f"{self.title} gjelder hele piloten, ikke et team.", hint=Hint.DROP_TEAM
            )
        if self.numbered and nr is None:
            raise UsageError(f"{self.title} har nummer.", hint=Hint.NAME_NR)
        if not self.numbered and nr is not None:
            raise UsageError(f"{self.title} har ikke nummer.", hint=Hint.DROP_NR)

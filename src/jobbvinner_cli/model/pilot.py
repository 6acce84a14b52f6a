"""pilot.yaml: the pilot, its organisation, gatherings and deadline rules."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from jobbvinner_cli.model.doctype import RuleDef


class _Model(BaseModel):
    # A model's own validator is built the first time it is used on its own, not at import:
    # the models under a file's top-level model are validated inside that one's validator
    # and need none of their own (about 8 M instructions of `jv check`).
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Person(_Model):
    navn: str
    epost: str | None = None


class OrgMember(_Model):
    navn: str
    stilling: str = ""
    oppgave: str = ""
    fra: dt.date | None = None  # in the role from; «leder fram til 1.12.2019» is «til»
    til: dt.date | None = None


class LocalLeadership(_Model):
    """A local project leadership, shared by one or more municipalities (Hedmark's pairs)."""

    kommuner: list[str]
    personer: list[OrgMember] = Field(default_factory=list)
    stilling: str = ""  # e.g. «40 % stilling finansiert av KS»


class SubProject(_Model):
    navn: str
    beskrivelse: str = ""
    arbeidsgruppe: list[OrgMember] = Field(default_factory=list)
    resultatmål: list[str] = Field(default_factory=list)
    rapport: str = ""  # where its own report is (a file in the pilot, or a reference)


class Goals(_Model):
    hovedmål: str = ""
    delmål: list[str] = Field(default_factory=list)
    resultatmål: list[str] = Field(default_factory=list)


class Organisation(_Model):
    prosjekteier: str = ""
    styringsgruppe: list[OrgMember] = Field(default_factory=list)
    prosjektgruppe: list[OrgMember] = Field(default_factory=list)
    referansegruppe: list[OrgMember] = Field(default_factory=list)
    lokal_prosjektledelse: list[LocalLeadership] = Field(default_factory=list)
    delprosjekter: list[SubProject] = Field(default_factory=list)


class GatheringStatus(str, Enum):
    PLANNED = "planlagt"
    HELD = "gjennomført"
    CANCELLED = "avlyst"
    DIGITAL = "digital"


_STATUS_ALIASES = {
    "planned": "planlagt",
    "held": "gjennomført",
    "gjennomfort": "gjennomført",
    "cancelled": "avlyst",
    "canceled": "avlyst",
    "webinar": "digital",
}


class Gathering(_Model):
    # A gathering that replaces a cancelled one («erstatter: 3») takes its place in the
    # schedule and needs no number of its own.
    nr: int | None = Field(default=None, ge=1)
    dato: dt.date | None = None
    til: dt.date | None = None
    fra_kl: dt.time | None = None  # Oslo time; without it the gathering is an all-day event
    til_kl: dt.time | None = None
    sted: str = ""
    vertskommune: str = ""
    tema: str = ""
    innledere: list[str] = Field(default_factory=list)
    status: GatheringStatus = GatheringStatus.PLANNED
    erstatter: int | None = Field(default=None, ge=1)

    @field_validator("status", mode="before")
    @classmethod
    def _alias(cls, value: object) -> object:
        if isinstance(value, str):
            return _STATUS_ALIASES.get(value.strip().lower(), value.strip().lower())
        return value

    @model_validator(mode="after")
    def _end_after_start(self) -> Gathering:
        if self.til is not None and self.dato is not None and self.til < self.dato:
            raise ValueError(
                f"sluttdatoen (til: {self.til}) er før startdatoen (dato: {self.dato})"
            )
        return self

    @property
    def end(self) -> dt.date | None:
        return self.til or self.dato

    @property
    def cancelled(self) -> bool:
        return self.status is GatheringStatus.CANCELLED


class Method(str, Enum):
    WORKSHOP = "utviklingsverksted"  # teams, gatherings and the documents between them
    MEASURES = "tiltaksplan"  # a plan of goals and measures (Namsos, Hedmark)


class EventKind(str, Enum):
    WORKSHOP = "workshop"
    STEERING = "styringsgruppe"
    MILESTONE = "milepæl"
    PRESENTATION = "presentasjon"
    MEETING = "møte"


EVENT_LABELS = {
    EventKind.WORKSHOP: "Workshop",
    EventKind.STEERING: "Styringsgruppemøte",
    EventKind.MILESTONE: "Milepæl",
    EventKind.PRESENTATION: "Presentasjon",
    EventKind.MEETING: "Møte",
}


class Event(_Model):
    """Something that happened on a day: a workshop, a steering group meeting, a milestone."""

    dato: dt.date
    type: EventKind = EventKind.MEETING
    tittel: str = ""
    sted: str = ""
    kommune: str = ""
    deltakere: int | None = Field(default=None, ge=0)
    beskrivelse: str = ""

    @field_validator("type", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        if isinstance(value, str):
            lowered = value.strip().lower()
            return {"milepael": "milepæl", "mote": "møte"}.get(lowered, lowered)
        return value

    @property
    def label(self) -> str:
        return self.tittel or EVENT_LABELS[self.type]


class ReportSettings(_Model):
    """Which generated parts and appendices the final report has (None: the method's default)."""

    deler: dict[str, bool] = Field(default_factory=dict)
    vedlegg: bool | None = None
    # Markdown files in the pilot added as appendices, in order (an external evaluation,
    # a sub-project's report)
    vedlegg_filer: list[str] = Field(default_factory=list)


class Deadlines(_Model):
    regler: dict[str, RuleDef] = Field(default_factory=dict)
    unntak: dict[str, dt.date] = Field(default_factory=dict)
    # A due date computed by a rule that lands on a weekend or public holiday moves to
    # the workday before («forrige»), after («neste»), or stays («behold»).
    fridag: Literal["forrige", "neste", "behold"] = "forrige"
    # Documents no team owes, each with the reason (e.g. «samling 3 ble avlyst»).
    fritak: dict[str, str] = Field(default_factory=dict)


class Period(_Model):
    fra: dt.date | None = None
    til: dt.date | None = None


class IgnoreEntry(_Model):
    sti: str = "*"
    kode: str


# The final report's table headings pilot.yaml «overskrifter» may set, with jv's defaults
# (a type variant may have its own: Østfold's sluttrapport says «Hovedmål»).
REPORT_HEADINGS = {
    "effektmål": "Effektmål (fra hovedplanen)",
    "tiltak": "Tiltak",
    "resultater": "Resultater",
    "videre-oppgaver": "Videre oppgaver",
}


class Pilot(_Model):
    # validated on its own (the models under it only inside it): its validator is built now
    model_config = ConfigDict(defer_build=False)
    navn: str
    metode: Method = Method.WORKSHOP
    region: str = ""
    kommuner: list[str] = Field(default_factory=list)  # when the municipalities are no teams
    periode: Period = Field(default_factory=Period)
    prosjektleder: Person
    mål: Goals = Field(default_factory=Goals)
    organisasjon: Organisation = Field(default_factory=Organisation)
    samlinger: list[Gathering] = Field(default_factory=list)
    malvariant: str = "orkdal"
    maler: dict[str, str] = Field(default_factory=dict)
    frister: Deadlines = Field(default_factory=Deadlines)
    antall: dict[str, int] = Field(default_factory=dict)
    ignorer: list[IgnoreEntry] = Field(default_factory=list)
    hendelser: list[Event] = Field(default_factory=list)
    rapport: ReportSettings = Field(default_factory=ReportSettings)

    # Headings of the report's tables, e.g. «effektmål: Hovedmål» (default from the variant).
    overskrifter: dict[str, str] = Field(default_factory=dict)

    @field_validator("samlinger")
    @classmethod
    def _numbered_in_order(cls, value: list[Gathering]) -> list[Gathering]:
        planned = [g for g in value if g.erstatter is None]
        for index, gathering in enumerate(planned, 1):
            if gathering.nr is None:
                gathering.nr = index
            elif gathering.nr != index:
                raise ValueError(
                    f"samlingene må være nummerert 1, 2, 3 … i rekkefølge (en samling med "
                    f"«erstatter:» får ikke eget nummer); samling nummer {index} i lista har "
                    f"nr {gathering.nr}"
                )
        for gathering in value:
            target = gathering.erstatter
            if target is None:
                continue
            if not 1 <= target <= len(planned):
                raise ValueError(
                    f"«erstatter: {target}»: piloten har ingen samling {target} (samlingene er "
                    f"nummerert 1 til {len(planned)})"
                )
            if not planned[target - 1].cancelled:
                raise ValueError(
                    f"«erstatter: {target}»: samling {target} er ikke avlyst; skriv «status: "
                    f"avlyst» på samling {target}, eller fjern «erstatter:»"
                )
            if gathering.nr not in (None, target):
                raise ValueError(
                    f"samlingen som erstatter samling {target}, har «nr: {gathering.nr}»; den tar "
                    f"plassen til samling {target}, så fjern «nr:» (eller skriv nr: {target})"
                )
            if sum(1 for g in value if g.erstatter == target) > 1:
                raise ValueError(f"flere samlinger erstatter samling {target}; bare én kan det")
            gathering.nr = target
        return value

    @property
    def by_measures(self) -> bool:
        return self.metode is Method.MEASURES

    def variant_for(self, type_name: str) -> str:
        return self.maler.get(type_name, self.malvariant)

    @property
    def planned(self) -> list[Gathering]:
        """The gatherings as planned, numbered 1, 2, 3 … (replacements left out)."""
        return [g for g in self.samlinger if g.erstatter is None]

    def gathering(self, nr: int) -> Gathering:
        """Planned gathering ``nr``."""
        return self.planned[nr - 1]

    def replacement(self, nr: int) -> Gathering | None:
        """The gathering held in place of cancelled gathering ``nr``, if any."""
        return next((g for g in self.samlinger if g.erstatter == nr), None)

    def held(self, nr: int) -> Gathering | None:
        """What takes place in slot ``nr`` of the schedule: the gathering, its replacement,
        or nothing (cancelled, not replaced)."""
        planned = self.gathering(nr)
        return self.replacement(nr) if planned.cancelled else planned

    @property
    def recipient(self) -> str:
        leader = self.prosjektleder
        name = leader.navn.strip() or "prosjektleder"
        return f"{name} ({leader.epost})" if leader.epost else name

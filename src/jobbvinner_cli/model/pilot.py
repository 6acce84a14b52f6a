"""pilot.yaml: the pilot, its organisation, gatherings and deadline rules."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from jobbvinner_cli.model.doctype import RuleDef


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Person(_Model):
    navn: str
    epost: str | None = None


class OrgMember(_Model):
    navn: str
    stilling: str = ""
    oppgave: str = ""


class Goals(_Model):
    hovedmål: str = ""
    delmål: list[str] = Field(default_factory=list)
    resultatmål: list[str] = Field(default_factory=list)


class Organisation(_Model):
    prosjekteier: str = ""
    styringsgruppe: list[OrgMember] = Field(default_factory=list)
    prosjektgruppe: list[OrgMember] = Field(default_factory=list)
    referansegruppe: list[OrgMember] = Field(default_factory=list)


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
    nr: int = Field(ge=1)
    dato: dt.date | None = None
    til: dt.date | None = None
    fra_kl: dt.time | None = None  # Oslo time; without it the gathering is an all-day event
    til_kl: dt.time | None = None
    sted: str = ""
    vertskommune: str = ""
    tema: str = ""
    innledere: list[str] = Field(default_factory=list)
    status: GatheringStatus = GatheringStatus.PLANNED

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


class Deadlines(_Model):
    regler: dict[str, RuleDef] = Field(default_factory=dict)
    unntak: dict[str, dt.date] = Field(default_factory=dict)


class Period(_Model):
    fra: dt.date | None = None
    til: dt.date | None = None


class IgnoreEntry(_Model):
    sti: str = "*"
    kode: str


class Pilot(_Model):
    navn: str
    region: str = ""
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

    @field_validator("samlinger")
    @classmethod
    def _numbered_in_order(cls, value: list[Gathering]) -> list[Gathering]:
        for index, gathering in enumerate(value, 1):
            if gathering.nr != index:
                raise ValueError(
                    f"samlingene må være nummerert 1, 2, 3 … i rekkefølge; "
                    f"samling nummer {index} i lista har nr {gathering.nr}"
                )
        return value

    def variant_for(self, type_name: str) -> str:
        return self.maler.get(type_name, self.malvariant)

    def gathering(self, nr: int) -> Gathering:
        return self.samlinger[nr - 1]

    @property
    def recipient(self) -> str:
        leader = self.prosjektleder
        name = leader.navn.strip() or "prosjektleder"
        return f"{name} ({leader.epost})" if leader.epost else name

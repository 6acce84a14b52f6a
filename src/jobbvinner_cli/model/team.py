"""team.yaml: one municipality's team."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class _Model(BaseModel):
    # A model's own validator is built the first time it is used on its own, not at import:
    # the models under a file's top-level model are validated inside that one's validator
    # and need none of their own (about 8 M instructions of `jv check`).
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Member(_Model):
    navn: str
    rolle: str = ""
    leder: bool = False
    tillitsvalgt: bool = False
    epost: str | None = None  # used by `jv remind` for the group leader


class TeamStatus(str, Enum):
    ACTIVE = "aktiv"
    WITHDRAWN = "trukket"


class Withdrawal(_Model):
    dato: dt.date
    grunn: str = ""


class Team(_Model):
    # validated on its own (the models under it only inside it): its validator is built now
    model_config = ConfigDict(defer_build=False)
    kommune: str
    gruppeleder: str = ""
    medlemmer: list[Member] = Field(default_factory=list)
    referansegruppe: str | None = None
    status: TeamStatus = TeamStatus.ACTIVE
    trukket: Withdrawal | None = None
    frister: dict[str, dt.date] = Field(default_factory=dict)
    # Documents the team need not deliver: a list of ids, or id -> reason.
    fritak: dict[str, str] = Field(default_factory=dict)

    @field_validator("fritak", mode="before")
    @classmethod
    def _list_or_reasons(cls, value: object) -> object:
        if isinstance(value, list):
            return {str(v): "" for v in value}
        return value

    @model_validator(mode="after")
    def _withdrawal_has_date(self) -> Team:
        if self.status is TeamStatus.WITHDRAWN and self.trukket is None:
            raise ValueError(
                "status er «trukket», men «trukket:» med dato (og gjerne grunn) mangler"
            )
        return self

    @property
    def withdrawn(self) -> bool:
        return self.status is TeamStatus.WITHDRAWN

    def withdrawn_before(self, due: dt.date | None) -> bool:
        """Whether the team withdrew before a document due on ``due`` (undated: yes)."""
        if not self.withdrawn or self.trukket is None:
            return False
        return due is None or due > self.trukket.dato

    def owes(self, doc_id: str, due: dt.date | None) -> bool:
        """Whether the team must deliver this document (not excused, not after withdrawal)."""
        if doc_id in self.fritak:
            return False
        return not self.withdrawn_before(due)

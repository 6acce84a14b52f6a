"""The front matter of a team or pilot document, as tools read it."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class DocStatus(str, Enum):
    DRAFT = "utkast"
    DELIVERED = "levert"


class DocPeriod(BaseModel):
    # validated inside FrontMatter only: no validator of its own at import
    model_config = ConfigDict(extra="forbid", defer_build=True)
    fra: dt.date | None = None
    til: dt.date | None = None


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    team: str | None = None
    kommune: str | None = None
    nr: int | None = Field(default=None, ge=1)
    periode: DocPeriod | None = None
    frist: dt.date | None = None
    sendes_til: str | None = None
    status: DocStatus = DocStatus.DRAFT
    levert: dt.date | None = None
    gruppeleder: str | None = None
    effektmål: str | None = None
    resultatmål: str | list[str] | None = None
    # hours between two gatherings: a few dozen at most; 1e400 (infinity) is a typo
    timer: float | None = Field(default=None, ge=0, le=10_000, allow_inf_nan=False)

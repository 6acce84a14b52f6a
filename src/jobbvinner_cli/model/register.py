"""The goal register of a pilot run by a plan of goals and measures (tiltaksplan.yaml).

hovedmål → delmål → resultatmål, and the measures (tiltak) with the goals they serve, the
municipalities, who is responsible, start, status and the results along the way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Goal(_Model):
    id: str
    tekst: str
    resultatmål: list[Goal] = Field(default_factory=list)  # under a delmål

    @field_validator("id", mode="before")
    @classmethod
    def _text_id(cls, value: object) -> object:
        return str(value).strip() if isinstance(value, (int, str)) else value


class MeasureStatus(str, Enum):
    PLANNED = "planlagt"
    ONGOING = "pågår"
    DONE = "gjennomført"
    STOPPED = "avsluttet"

    @property
    def label(self) -> str:
        return self.value


class Result(_Model):
    dato: dt.date | None = None
    tekst: str
    mål: list[str] = Field(default_factory=list)  # the goals it answers; else the measure's


class Measure(_Model):
    id: str
    navn: str
    beskrivelse: str = ""
    mål: list[str] = Field(default_factory=list)
    kommuner: list[str] = Field(default_factory=list)
    ansvarlig: str = ""
    start: dt.date | None = None
    slutt: dt.date | None = None
    status: MeasureStatus = MeasureStatus.PLANNED
    resultater: list[Result] = Field(default_factory=list)

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: object) -> object:
        if isinstance(value, str):
            lowered = value.strip().lower()
            return {"pagar": "pågår", "gjennomfort": "gjennomført", "under arbeid": "pågår"}.get(
                lowered, lowered
            )
        return value

    @field_validator("id", mode="before")
    @classmethod
    def _text_id(cls, value: object) -> object:
        return str(value).strip() if isinstance(value, (int, str)) else value


class Register(_Model):
    hovedmål: str = ""
    delmål: list[Goal] = Field(default_factory=list)
    resultatmål: list[Goal] = Field(default_factory=list)  # straight under the hovedmål
    tiltak: list[Measure] = Field(default_factory=list)

    def goals(self) -> Iterator[tuple[Goal, Goal | None]]:
        """Every delmål and resultatmål in order, with the delmål a resultatmål is under."""
        for goal in self.delmål:
            yield goal, None
            for sub in goal.resultatmål:
                yield sub, goal
        for goal in self.resultatmål:
            yield goal, None

    def goal_ids(self) -> dict[str, Goal]:
        return {goal.id: goal for goal, _ in self.goals()}

    def measures_for(self, goal_id: str) -> list[Measure]:
        return [m for m in self.tiltak if goal_id in m.mål]

    def results_for(self, goal_id: str) -> list[tuple[Measure, Result]]:
        """The results that answer a goal: those naming it, and those of its measures that
        name no goal of their own."""
        found: list[tuple[Measure, Result]] = []
        for measure in self.tiltak:
            for result in measure.resultater:
                goals = result.mål or measure.mål
                if goal_id in goals:
                    found.append((measure, result))
        return found


@dataclass(frozen=True)
class RegisterState:
    """The register on a day: what is started, under way and done, and results since."""

    started: list[Measure]
    ongoing: list[Measure]
    done: list[Measure]
    new_results: list[tuple[Measure, Result]]


def finished_by(measure: Measure, day: dt.date) -> bool:
    """Whether the measure was done (or stopped) on ``day``: by its «slutt», else, when it
    has none, by its status once it had started."""
    if measure.status not in (MeasureStatus.DONE, MeasureStatus.STOPPED):
        return False
    if measure.slutt is not None:
        return measure.slutt <= day
    return measure.start is not None and measure.start <= day


def state_on(register: Register, day: dt.date, since: dt.date | None) -> RegisterState:
    """The register as it stood on ``day`` (its statuses are today's; «start» and «slutt»
    date them)."""
    started = [m for m in register.tiltak if m.start is not None and m.start <= day]
    done = [m for m in started if finished_by(m, day)]
    ongoing = [m for m in started if m not in done]
    new = [
        (m, r)
        for m in register.tiltak
        for r in m.resultater
        if r.dato is not None and r.dato <= day and (since is None or r.dato > since)
    ]
    return RegisterState(started, ongoing, done, new)

"""The gatherings as they really happen: which one holds each place in the schedule.

The pilot plans gatherings 1, 2, 3 …; document numbers and rules («N», «N+1»,
«siste») count those. A cancelled gathering holds its place only if another
replaces it («erstatter: 3», a webinar); otherwise it starts and ends no period,
and a period that would end there ends at the next gathering that takes place.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import NamedTuple

from jobbvinner_cli.dates import format_date
from jobbvinner_cli.model.pilot import Gathering, GatheringStatus, Pilot


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class Held(NamedTuple):
    """Place ``nr`` of the schedule and the gathering that takes place there."""

    nr: int
    gathering: Gathering

    @property
    def start(self) -> dt.date | None:
        return self.gathering.dato

    @property
    def end(self) -> dt.date | None:
        return self.gathering.end

    @property
    def replaced(self) -> bool:
        return self.gathering.erstatter is not None


def count(pilot: Pilot) -> int:
    return len(pilot.planned)


def held(pilot: Pilot, nr: int) -> Held | None:
    """What takes place at place ``nr``; None when it is cancelled and not replaced."""
    gathering = pilot.held(nr)
    return Held(nr, gathering) if gathering is not None else None


def held_from(pilot: Pilot, nr: int) -> Held | None:
    """Place ``nr``, or the first place after it that takes place (a period's end)."""
    for place in range(nr, count(pilot) + 1):
        found = held(pilot, place)
        if found is not None:
            return found
    return None


def held_before(pilot: Pilot, nr: int) -> Held | None:
    """Place ``nr``, or the last place before it that takes place."""
    for place in range(nr, 0, -1):
        found = held(pilot, place)
        if found is not None:
            return found
    return None


def last_held(pilot: Pilot) -> Held | None:
    return held_before(pilot, count(pilot))


def periods(pilot: Pilot) -> list[tuple[int, int]]:
    """The periods between gatherings that take place: (from place, to place), e.g. (2, 4)
    when gathering 3 was cancelled and nobody replaced it. Hours are counted per period,
    keyed by its first place."""
    places = [nr for nr in range(1, count(pilot) + 1) if held(pilot, nr) is not None]
    return list(itertools.pairwise(places))


def replaced_text(pilot: Pilot, nr: int) -> str:
    """«avlyst, erstattet av webinar 11. juni 2020» for a cancelled gathering ``nr``."""
    instead = pilot.replacement(nr)
    if instead is None:
        return "avlyst"
    kind = "webinar" if instead.status is GatheringStatus.DIGITAL else "samling"
    when = f" {format_date(instead.dato)}" if instead.dato else " (dato ikke fastsatt)"
    return f"avlyst, erstattet av {kind}{when}"

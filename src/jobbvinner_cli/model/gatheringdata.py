"""Who came to each gathering, and what the participants answered in its evaluation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class Attendee(NamedTuple):
    name: str
    slug: str | None  # the team whose member this is; None when the name is unknown
    line: int


@dataclass
class QuestionResult:
    """The answers to one question at one gathering: counts, or shares in per cent."""

    question: str
    counts: dict[str, float] = field(default_factory=dict)
    percent: bool = False

    @property
    def total(self) -> float:
        return sum(self.counts.values())

    def shares(self) -> dict[str, float]:
        """Each answer's share in per cent."""
        total = self.total
        if not total:
            return {answer: 0.0 for answer in self.counts}
        return {answer: 100 * n / total for answer, n in self.counts.items()}


@dataclass
class GatheringData:
    attendance: dict[int, list[Attendee]] = field(default_factory=dict)  # gathering nr
    evaluations: dict[int, dict[str, QuestionResult]] = field(default_factory=dict)

    def attended(self, slug: str, name: str) -> list[int]:
        """The gatherings this member of this team attended, in order."""
        key = name_key(name)
        return sorted(
            nr
            for nr, people in self.attendance.items()
            if any(p.slug == slug and name_key(p.name) == key for p in people)
        )

    def questions(self) -> list[str]:
        """Every question asked, in the order first asked."""
        seen: dict[str, None] = {}
        for nr in sorted(self.evaluations):
            for question in self.evaluations[nr]:
                seen.setdefault(question, None)
        return list(seen)


def name_key(name: str) -> str:
    """Names compare without case and extra spaces: «Kari  nordmann» is Kari Nordmann."""
    return " ".join(name.split()).casefold()


# Answer scales in the order the charts and tables show them, from the lowest.
SCALES: tuple[tuple[str, ...], ...] = (
    ("helt uenig", "uenig", "delvis uenig", "verken enig eller uenig", "nøytral",
     "delvis enig", "enig", "helt enig"),
    ("svært lav", "lav", "middels", "høy", "svært høy"),
    ("svært dårlig", "dårlig", "middels", "god", "svært god"),
    ("nei", "vet ikke", "ja"),
)  # fmt: skip


def answer_order(answers: Iterable[str]) -> list[str]:
    """Answers on a known scale in the scale's order; others in the order first given."""
    given = list(dict.fromkeys(answers))
    lowered = {a.casefold(): a for a in given}
    for scale in SCALES:
        if lowered and all(a in scale for a in lowered):
            return [lowered[a] for a in scale if a in lowered]
    return given

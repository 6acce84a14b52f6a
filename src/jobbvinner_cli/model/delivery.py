"""Delivery state of a document on a day, and the hours a team reports per period.

One function each, used by `jv check`, `jv status` and the report alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import Enum
from typing import NamedTuple

from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.schedule import hours_period


class State(str, Enum):
    DELIVERED = "delivered"
    LATE = "late"
    MISSING = "missing"  # due, and no file
    OVERDUE = "overdue"  # due, the file is there but not delivered
    DRAFT = "draft"  # not due yet, being written
    NOT_DUE = "not_due"  # not due yet, not begun
    NOT_OWED = "not_owed"  # withdrawn before the deadline
    EXCUSED = "excused"  # exempted (pilot.yaml frister.fritak, team.yaml fritak)
    UNDATED = "undated"  # owed, but the gathering it is due by has no date yet
    UNKNOWN = "unknown"  # the file's status cannot be read

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS = {
    State.DELIVERED: "levert",
    State.LATE: "levert for sent",
    State.MISSING: "mangler (forfalt)",
    State.OVERDUE: "ikke levert (forfalt)",
    State.DRAFT: "utkast",
    State.NOT_DUE: "ikke forfalt",
    State.NOT_OWED: "ikke påkrevd",
    State.EXCUSED: "fritatt",
    State.UNDATED: "frist ikke fastsatt",
    State.UNKNOWN: "ukjent (feil i filen)",
}


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class Submission(NamedTuple):
    """What a document says about its delivery."""

    status_known: bool  # the status can be read
    delivered: bool  # «status: levert»
    delivered_on: dt.date | None  # «levert:», else from git; None when unknown


def delivered_by(submission: Submission, today: dt.date) -> bool:
    """Whether the document counts as delivered on ``today`` (a delivery date after it is a
    look back in time: not delivered yet)."""
    when = submission.delivered_on
    return submission.delivered and (when is None or when <= today)


def delivered_later(submission: Submission | None, today: dt.date) -> dt.date | None:
    """The delivery date, when it is after ``today`` (a look back in time)."""
    if submission is None or not submission.delivered or submission.delivered_on is None:
        return None
    return submission.delivered_on if submission.delivered_on > today else None


def delivery_state(
    submission: Submission | None,
    due: dt.date | None,
    today: dt.date,
    *,
    owed: bool = True,
    excused: bool = False,
) -> State:
    """The state of a document due on ``due`` (None: not fixed yet), on ``today``;
    ``submission`` None: there is no file.

    Looking back (``today`` before the delivery date), a delivered document is as it was
    then: not due yet, or overdue; never a draft it perhaps never was.
    """
    if not owed:
        return State.NOT_OWED
    if excused:  # whatever the file says: nothing is owed, nothing can be late
        return State.EXCUSED
    if submission is not None and submission.status_known and delivered_by(submission, today):
        late = (
            due is not None
            and submission.delivered_on is not None
            and submission.delivered_on > due
        )
        return State.LATE if late else State.DELIVERED
    if submission is not None and not submission.status_known:
        return State.UNKNOWN
    if due is None:
        return State.UNDATED
    if submission is None or delivered_later(submission, today) is not None:
        if due > today:
            return State.NOT_DUE
        return State.MISSING if submission is None else State.OVERDUE
    return State.OVERDUE if due <= today else State.DRAFT


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class HoursReported(NamedTuple):
    doctype: DocumentType
    nr: int | None
    hours: float
    submission: Submission


def hours_per_period(
    pilot: Pilot, reports: Iterable[HoursReported], today: dt.date
) -> dict[int, float]:
    """Hours per period (1: gathering 1 to 2), summed over the documents delivered by
    ``today``; drafts do not count."""
    total: dict[int, float] = {}
    for report in reports:
        if not delivered_by(report.submission, today):
            continue
        period = hours_period(report.doctype, pilot, report.nr)
        if period is not None:
            total[period] = total.get(period, 0) + report.hours
    return total

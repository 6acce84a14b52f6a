"""The hours a team's documents report, per period: the one reading for status and report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from jobbvinner_cli.model.delivery import HoursReported, Submission, hours_per_period
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.pipeline.document import DocFacts


def team_hours(
    pilot: Pilot,
    doctypes: Mapping[str, DocumentType],
    documents: Mapping[str, DocFacts],
    today: dt.date,
) -> dict[int, float]:
    """Hours per period from the team's delivered documents (as `jv status` shows them)."""
    reports = [
        HoursReported(
            doctypes[facts.task.type_name],
            facts.task.nr,
            facts.timer,
            Submission(facts.status_known, facts.delivered, facts.levert),
        )
        for facts in documents.values()
        if facts.timer is not None and facts.task.type_name in doctypes
    ]
    return hours_per_period(pilot, reports, today)

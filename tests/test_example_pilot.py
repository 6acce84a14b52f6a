"""The example pilot is the reference later features test against: keep it whole and right."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from jobbvinner_cli.check.engine import CheckOptions, run_check
from jobbvinner_cli.model.schedule import slots_for_team
from jobbvinner_cli.pipeline.repo import PilotRepo
from tests.conftest import EXAMPLE

COMPLETED = ["froya", "hemne", "hitra", "meldal", "rennebu", "rindal", "skaun"]
WITHDRAWN = ["orkdal", "snillfjord"]


@pytest.fixture(scope="module")
def repo() -> PilotRepo:
    return PilotRepo.load(EXAMPLE)


def test_gatherings_and_teams(repo: PilotRepo) -> None:
    dates = [(str(g.dato), str(g.til) if g.til else None) for g in repo.pilot.samlinger]
    assert dates == [
        ("2017-11-10", None),
        ("2018-02-27", None),
        ("2018-06-14", None),
        ("2018-11-13", "2018-11-14"),
        ("2019-02-27", None),
        ("2019-06-04", None),
    ]
    assert repo.team_slugs() == sorted(COMPLETED + WITHDRAWN)
    assert [s for s in repo.team_slugs() if repo.team(s).withdrawn] == WITHDRAWN


def test_seed_due_dates(repo: PilotRepo) -> None:
    due = {s.doc_id: str(s.due) for s in slots_for_team(list(repo.doctypes.values()), repo.pilot)}
    assert due["hovedplan"] == "2017-12-01"
    assert due["fremdriftsplan-2"] == "2018-03-21"
    assert due["statusrapport-2"] == "2018-06-04"
    assert due["sluttrapport"] == "2019-05-24"
    assert sum(1 for k in due if k.startswith("statusrapport")) == 4
    assert sum(1 for k in due if k.startswith("fremdriftsplan")) == 5


@pytest.mark.parametrize("slug", COMPLETED)
def test_completed_team_has_every_document_with_the_defined_headings(
    repo: PilotRepo, slug: str
) -> None:
    folder = EXAMPLE / "teams" / slug
    names = sorted(p.name for p in folder.glob("*.md"))
    expected = ["hovedplan.md", "sluttrapport.md"]
    expected += [f"fremdriftsplan-{n}.md" for n in range(1, 6)]
    expected += [f"statusrapport-{n}.md" for n in range(1, 5)]
    assert names == sorted(expected)
    result = run_check(
        CheckOptions(pilot=EXAMPLE, today=dt.date(2019, 12, 31), team=slug, keep_documents=True)
    )
    documents = result.facts[slug]
    assert len(documents) == len(expected)
    effect = documents["hovedplan"].effect
    assert effect
    for doc in documents.values():
        assert doc.body is not None and doc.meta is not None
        headings = [h.text for h in doc.body.headings if h.level == 2]
        assert headings == repo.doctypes[doc.task.type_name].headings("orkdal"), doc.task.rel
        assert re.findall(r"^## (.+)$", doc.body.text, re.MULTILINE) == headings
        assert doc.delivered
        assert doc.effect == effect
        assert "**Veiledning:**" not in doc.body.text

"""Every document of the example pilot survives export to Word and import back.

The comparison is after jobbvinner_cli.word.normalise (front matter as data, body as
Pandoc writes GitHub Markdown). The check runs once; each document is exported and
imported through the same functions `jv export` and `jv import` use.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from jobbvinner_cli.check.engine import CheckOptions, run_check
from jobbvinner_cli.pipeline.repo import PilotRepo
from jobbvinner_cli.word.export import write_file
from jobbvinner_cli.word.identity import Identity
from jobbvinner_cli.word.importer import import_docx
from jobbvinner_cli.word.normalise import normalised
from tests.clikit import EXAMPLE, copy_example, jv


def _documents() -> list[tuple[str, str]]:
    """(team, file name) of every document; team "" for the pilot's own (prosjektplan)."""
    teams = sorted((p.parent.name, p.name) for p in (EXAMPLE / "teams").glob("*/*.md"))
    return [("", "prosjektplan.md"), *teams]


@pytest.fixture(scope="module")
def checked() -> tuple[object, PilotRepo]:
    result = run_check(CheckOptions(pilot=EXAMPLE, keep_documents=True))
    return result, PilotRepo.load(EXAMPLE)


def test_the_example_has_documents_to_round_trip() -> None:
    assert len(_documents()) > 80


def test_every_example_document_round_trips(
    checked: tuple[object, PilotRepo], tmp_path: Path
) -> None:
    result, repo = checked
    ctx = result.ctx  # type: ignore[attr-defined]

    def round_trip(team: str, name: str) -> str | None:
        stem = name.removesuffix(".md")
        base, _, number = stem.rpartition("-")
        type_name, nr = (base, int(number)) if number.isdigit() else (stem, None)
        display = f"teams/{team}/{name}" if team else name
        if team:
            doc = result.facts[team][stem]  # type: ignore[attr-defined]
            kommune = doc.text_field("kommune")
        else:
            doc = result.pilot_documents[stem]  # type: ignore[attr-defined]
            kommune = ctx.pilot.navn
        out = tmp_path / f"{team or 'pilot'}-{stem}.docx"
        write_file(
            EXAMPLE, ctx.pilot, doc, ctx.doctypes[type_name], nr, team or None, kommune, out,
            "docx", display,
        )  # fmt: skip
        imported = import_docx(
            EXAMPLE, out, given=Identity("", None, None), dry_run=True, force=False, repo=repo
        )
        original = (EXAMPLE / display).read_text(encoding="utf-8")
        assert imported.identity == Identity(type_name, nr, team or None)
        if normalised(imported.text) != normalised(original):
            return display
        return None

    # each document is pandoc and python in turn: two at a time keep both cores busy
    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [f for f in pool.map(lambda d: round_trip(*d), _documents()) if f]
    assert failures == []


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["statusrapport", "--nr", "3"], "statusrapport-3.md"),
        (["fremdriftsplan", "--nr", "3"], "fremdriftsplan-3.md"),
        (["hovedplan"], "hovedplan.md"),
        (["sluttrapport"], "sluttrapport.md"),
    ],
)
def test_a_template_sent_and_returned_untouched_imports_as_the_template(
    tmp_path: Path, args: list[str], name: str
) -> None:
    pilot = copy_example(tmp_path / "pilot")
    target = pilot / "teams" / "froya" / name
    target.unlink()
    sent = tmp_path / "mal.docx"
    result = jv("export", *args, "--team", "froya", "-o", str(sent), "--pilot", str(pilot))
    assert "(fra malen: dokumentet er ikke skrevet ennå)" in result.output
    assert jv("scaffold", *args, "--team", "froya", "--pilot", str(pilot)).exit_code == 0
    scaffolded = target.read_text(encoding="utf-8")
    result = jv("import", str(sent), "--force", "--pilot", str(pilot))
    assert f"Skrev teams/froya/{name}" in result.output, result.output
    assert "veiledningen står igjen, regnes som ikke utfylt" in result.output
    assert target.read_text(encoding="utf-8") == scaffolded

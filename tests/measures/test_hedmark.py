"""A pilot run by a plan of goals and measures: the Hedmark example, checked and built."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
import yaml
from docx import Document

from tests.clikit import REPO, jv

HEDMARK = REPO / "examples" / "pilot-hedmark"


def test_the_example_checks_clean() -> None:
    result = jv("check", "--pilot", str(HEDMARK), "--today", "2020-12-31")
    assert result.exit_code == 0
    assert result.stdout == "Ingen funn i 13 filer.\n"


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("hedmark") / "rapport.pdf"
    result = jv("build-report", "--pilot", str(HEDMARK), "-o", str(out), "--today", "2021-01-15")
    assert result.exit_code == 0, result.output
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    # words hyphenated at the end of a line (table cells hyphenate too): joined again
    text = re.sub(r"(?<=[a-zæøå])-\n(?=[a-zæøå])", "", text)
    return " ".join(text.split()).replace("\u00ad ", "")


def test_no_utviklingsverksted_leftovers_in_the_report(pdf_text: str) -> None:
    for word in ("tviklingsverksted", "samling", "Samling", "Ingen team", "0 kommuner", "Mal for"):
        assert word not in pdf_text, word
    assert "Deltakende kommuner Trysil, Engerdal, Kongsvinger og Sør-Odal" in pdf_text


def test_the_report_is_organised_by_goal_with_every_result(pdf_text: str) -> None:
    register = yaml.safe_load((HEDMARK / "tiltaksplan.yaml").read_text(encoding="utf-8"))
    for goal in register["resultatmål"]:
        assert f"Tiltak og resultat for {goal['id']}" in pdf_text
    for measure in register["tiltak"]:
        for result in measure["resultater"]:
            words = " ".join(result["tekst"].split())
            # each result at least once under a goal, and once under its measure
            assert pdf_text.count(words[:40]) >= 2, words
    section = pdf_text[pdf_text.index("Tiltak og resultat for R3") :]
    section = section[: section.index("Tiltak A: Rekrutteringsambassadører")]
    assert "I. Veiledernettverk" in section
    assert "Samarbeidet mellom Trysil og Engerdal har økt." in section
    assert "27 ansatte har fullført" not in section  # that result answers R1 only


def test_events_local_leadership_and_sub_project(pdf_text: str) -> None:
    assert (
        "4. april 2018 Workshop Workshop om rekruttering Kommunestyresalen, Trysil 80" in pdf_text
    )
    assert "31. oktober 2019 Styringsgruppemøte Evaluering av prosjektet" in pdf_text
    assert re.search(r"Kongsvinger og Sør-Odal Marte Trøen.*?\(fra 1\. september 2017\)", pdf_text)
    assert "(fram til 30. juni 2019)" in pdf_text
    assert "Delprosjekt: Videreutdanning i veiledning for helse- og omsorgstjenesten." in pdf_text


def test_docx_and_html_have_the_goal_tables(tmp_path: Path) -> None:
    docx = tmp_path / "r.docx"
    assert jv("build-report", "--pilot", str(HEDMARK), "-o", str(docx)).exit_code == 0
    headings = [
        p.text for p in Document(str(docx)).paragraphs if p.style.name.startswith("Heading")
    ]
    assert "Tiltak og resultat" in " ".join(headings)
    assert any(h.startswith("R2: Utvikle og iverksette") for h in headings)
    html = tmp_path / "r.html"
    assert jv("build-report", "--pilot", str(HEDMARK), "-o", str(html)).exit_code == 0
    assert "Tiltak og resultat for R1" in html.read_text(encoding="utf-8")


def test_status_shows_the_measures_and_the_events_on_a_day() -> None:
    result = jv("status", "--pilot", str(HEDMARK), "--today", "2019-06-01")
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert "A. Rekrutteringsambassadører R2 pågår 01.06.2018 1 15.11.2018" in lines
    assert "I. Veiledernettverk R3 pågår 01.08.2019 0 –" in lines
    assert "Hendelser: 9 holdt, 4 kommende." in lines
    assert "14.06.2019 Veilederutdanningen fullført" in lines
    assert "Piloten har ingen team" not in result.stdout


def test_the_organisation_shows_who_held_a_role_when(pdf_text: str) -> None:
    assert "Torunn Aasland (fram til 28. februar 2019)" in pdf_text
    assert "Øystein Rud (fra 1. mars 2019)" in pdf_text


def test_types_says_there_are_no_team_documents() -> None:
    result = jv("types", "--pilot", str(HEDMARK))
    assert result.exit_code == 0
    assert result.stdout.startswith("Piloten går etter en tiltaksplan (metode: tiltaksplan)")


def test_a_file_named_as_an_appendix_is_appended(pdf_text: str) -> None:
    assert "Vedlegg 1: Rapport fra delprosjektet Videreutdanning i veiledning" in pdf_text
    assert "27 ansatte fra de fire kommunene fullførte i juni 2019." in pdf_text


def test_a_missing_appendix_is_an_error_on_its_line(tmp_path: Path) -> None:
    import shutil

    pilot = Path(shutil.copytree(HEDMARK, tmp_path / "pilot"))
    (pilot / "vedlegg" / "delprosjekt-veiledning.md").unlink()
    result = jv("check", "--pilot", str(pilot))
    assert result.exit_code == 1
    assert "JV901  Vedlegget «vedlegg/delprosjekt-veiledning.md» finnes ikke" in result.stdout
    built = jv("build-report", "--pilot", str(pilot), "-o", str(tmp_path / "r.pdf"))
    assert built.exit_code == 1  # what check calls an error stops the build

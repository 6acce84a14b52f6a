"""`jv export` of one document: the document alone, as the team will fill it in Word."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.clikit import copy_example, jv


@pytest.fixture(scope="module")
def pilot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("export") / "pilot")
    (root / "teams" / "froya" / "statusrapport-4.md").unlink()
    return root


def _export(pilot: Path, out: Path, *args: str) -> str:
    result = jv("export", *args, "-o", str(out), "--pilot", str(pilot))
    assert result.exit_code == 0, result.output
    return result.output


def test_docx_is_the_document_alone_with_its_fields_and_word_headings(
    pilot: Path, tmp_path: Path
) -> None:
    out = tmp_path / "st2.docx"
    _export(pilot, out, "statusrapport", "--team", "froya", "--nr", "2")
    doc = Document(str(out))
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", "Statusrapport 2 – Frøya")
    assert not any(p.text in ("Innhold", "Deltakende kommuner") for p in doc.paragraphs)
    headings = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert [h.text[:3] for h in headings] == [f"{n}. " for n in range(1, 9)]
    assert headings[0].text == (
        "1. Korrigeringer fra forrige statusrapport når det gjelder resultatmål og tiltak"
    )
    # numbered once: by the number in the title, not also by Word's list numbering
    assert all(h._p.find(qn("w:pPr")).find(qn("w:numPr")) is None for h in headings)
    fields = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert fields == {
        "Deltakende team": "Frøya",
        "Gruppeleder": "Synnøve Strøm",
        "Effektmål": "Faglig forsvarlige tjenester uten bruk av vikarbyrå",
        "Resultatmål for perioden": "Forslag om utdanningsstipend med bindingstid er politisk "
        "behandlet, og alle sykepleierstudenter i praksis har fast veileder.",
        "Periode": "27. februar 2018 – 14. juni 2018",
        "Frist": "4. juni 2018",
        "Sendes til": "prosjektgruppa v/ Anne Marit Berg (anne.marit.berg@example.no) innen "
        "4. juni 2018",
    }
    assert doc.core_properties.title == "Statusrapport 2 – Frøya"
    assert "jv-dokument:statusrapport:2:froya" in doc.core_properties.keywords


def test_a_document_not_written_yet_is_exported_from_the_template_with_guidance_styled(
    pilot: Path, tmp_path: Path
) -> None:
    out = tmp_path / "st4.docx"
    output = _export(pilot, out, "statusrapport", "--team", "froya", "--nr", "4")
    assert "(fra malen: dokumentet er ikke skrevet ennå)" in output
    assert not (pilot / "teams" / "froya" / "statusrapport-4.md").exists()
    doc = Document(str(out))
    guidance = [p.text for p in doc.paragraphs if p.style.name == "Veiledning"]
    assert "Veiledning: Erstatt veiledningen med teamets tekst." in guidance
    assert "• Hva gikk etter planen?" in guidance
    style = doc.styles["Veiledning"]
    assert style.next_paragraph_style.name == "Body Text"  # Enter after it: normal text
    fields = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert fields["Resultatmål for perioden"] == ""  # there for the team to fill in


def _grid(table: object) -> list[int]:
    grid = table._tbl.find(qn("w:tblGrid"))  # type: ignore[attr-defined]
    return [int(col.get(qn("w:w"))) for col in grid.findall(qn("w:gridCol"))]


def test_the_fremdriftsplan_months_are_narrow_columns_to_mark(pilot: Path, tmp_path: Path) -> None:
    out = tmp_path / "fp2.docx"
    _export(pilot, out, "fremdriftsplan", "--team", "froya", "--nr", "2")
    table = Document(str(out)).tables[1]
    assert [c.text for c in table.rows[0].cells] == [
        "Delmål", "Tiltak", "Ansvarlig", "Mars", "April", "Mai", "Juni"
    ]  # fmt: skip
    assert [c.text for c in table.rows[2].cells][3:] == ["x", "x", "x", "x"]
    widths = _grid(table)
    assert max(widths[3:]) < min(widths[:3])
    assert sum(widths[3:]) < 0.45 * sum(widths)
    assert widths[1] == max(widths)  # the measures hold the most text


def test_pdf_of_a_one_page_document_is_one_page_numbered_once(pilot: Path, tmp_path: Path) -> None:
    out = tmp_path / "fp2.pdf"
    output = _export(pilot, out, "fremdriftsplan", "--team", "froya", "--nr", "2")
    assert "1 side" in output
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Fremdriftsplan 2 – Frøya" in text and "Innhold" not in text
    assert "Deltakende kommuner" not in text
    out = tmp_path / "st2.pdf"
    _export(pilot, out, "statusrapport", "--team", "froya", "--nr", "2")
    text = "\n".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "1. Korrigeringer fra forrige" in text
    assert "0.1" not in text and "1 1." not in text

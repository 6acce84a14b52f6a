"""The report's «Timer brukt mellom samlingene»: a bar chart and a table of hours per team."""

from __future__ import annotations

import base64
import struct
from pathlib import Path

import pytest
from docx import Document

from tests.behaviour.reportkit import build, read_html, status_hours
from tests.clikit import copy_example, edit, set_field

CAPTION = "Timer brukt mellom samlingene, per team og periode"
CHART = "Timer brukt av hvert team mellom samlingene"
# The chart's alternative text says what it shows and where its numbers are (the example's
# peak: Meldal, 15 hours between the third and fourth gathering, the first of its 15s).
ALT = (
    "Søylediagram over timene hvert team brukte mellom samlingene, én søyle per team for hver "
    "periode fra 1–2 til 5–6. Flest timer: Meldal, 15 timer i periode 3–4. Tallene står i "
    "tabellen under figuren."
)
HEADER = ["Kommune", *(f"Periode {n}–{n + 1}" for n in range(1, 6)), "Sum"]


def png_size(blob: bytes) -> tuple[int, int]:
    assert blob[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", blob[16:24])
    return width, height


def docx_rows(path: Path, first_row: list[str]) -> list[list[str]]:
    doc = Document(str(path))
    tables = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == first_row]
    assert len(tables) == 1
    return [[c.text for c in row.cells] for row in tables[0].rows[1:]]


def test_the_docx_has_the_hours_table_and_the_chart(example: Path, tmp_path: Path) -> None:
    set_field(example / "teams" / "froya" / "statusrapport-2.md", "timer", "11")  # was 8
    out = build(example, tmp_path / "rapport.docx")
    rows = docx_rows(out, HEADER)
    assert rows[0] == ["Frøya", "6", "11", "12", "9", "14", "52"]
    assert rows == [[kommune, *values] for kommune, values in status_hours(example).items()]
    # the withdrawn teams' hours are there, up to their withdrawal
    assert ["Orkdal", "4", "3", "–", "–", "–", "7"] in rows
    assert ["Snillfjord", "2", "–", "–", "–", "–", "2"] in rows

    doc = Document(str(out))
    captions = [p.text for p in doc.paragraphs]
    assert any(text.endswith(f": {CAPTION}") for text in captions)
    assert any(text.endswith(f": {CHART}") and text.startswith("Figur") for text in captions)
    images = [r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/image")]
    assert len(images) == 4  # the hours chart, and one chart per evaluation question
    for image in images:
        width, height = png_size(image.blob)
        assert width > 300 and height > 100
    assert f'descr="{ALT}"' in doc.element.xml


def test_the_html_report_embeds_the_chart(example: Path, tmp_path: Path) -> None:
    page = read_html(build(example, tmp_path / "rapport.html"))
    charts = [img for img in page.images if img.get("alt") == ALT]
    assert len(charts) == 1
    # the chart stays SVG in HTML (no raster step), at the PNG's size, with every team
    assert charts[0]["src"].startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(charts[0]["src"].split(",", 1)[1]).decode("utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="850" height="406"')
    assert all(f">{kommune}</text>" in svg for kommune in status_hours(example))
    table = page.table(CAPTION)
    assert table.header == HEADER
    assert {row[0]: row[1:] for row in table.rows} == status_hours(example)


def test_without_reported_hours_there_is_no_chart_nor_table(example: Path, tmp_path: Path) -> None:
    for path in (example / "teams").glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        if "\ntimer:" in text:
            set_field(path, "timer", "")
    page = read_html(build(example, tmp_path / "rapport.html"))
    assert "Ingen team har rapportert timer ennå." in page.text
    assert not [img for img in page.images if img.get("alt") == ALT]
    assert not [t for t in page.tables if CAPTION in t.caption]


@pytest.fixture(scope="module")
def disagreeing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example where Frøya reports period 5 twice and Hemne's statusrapport 2 is a draft."""
    root = copy_example(tmp_path_factory.mktemp("hours") / "pilot")
    edit(root / "pilot.yaml", "antall: {}", "antall:\n  statusrapport: 5")
    froya = root / "teams" / "froya"
    text = (froya / "statusrapport-4.md").read_text(encoding="utf-8")
    fifth = froya / "statusrapport-5.md"
    fifth.write_text(text, encoding="utf-8")
    set_field(fifth, "nr", "5")
    edit(fifth, "  fra: 2018-11-13\n  til: 2019-02-27", "  fra: 2019-02-27\n  til: 2019-06-04")
    set_field(fifth, "frist", "2019-05-24")
    set_field(fifth, "levert", "2019-05-24")
    set_field(fifth, "timer", "3")
    set_field(root / "teams" / "hemne" / "statusrapport-2.md", "status", "utkast")
    html = build(root, root.parent / "rapport.html", "--draft")
    return root, html


def test_jv_status_sums_and_skips_drafts_in_the_same_pilot(disagreeing: tuple[Path, Path]) -> None:
    root, _ = disagreeing
    hours = status_hours(root)
    assert hours["Frøya"] == ["6", "8", "12", "9", "17", "52"]  # 14 + 3 in period 5
    assert hours["Hemne"] == ["4", "–", "9", "5", "11", "29"]  # the draft's 6 left out


def test_the_report_adds_up_documents_on_the_same_period(disagreeing: tuple[Path, Path]) -> None:
    root, html = disagreeing
    table = read_html(html).table(CAPTION)
    assert table.row("Frøya")[1:] == status_hours(root)["Frøya"]


def test_the_report_leaves_out_the_hours_of_drafts(disagreeing: tuple[Path, Path]) -> None:
    root, html = disagreeing
    table = read_html(html).table(CAPTION)
    assert table.row("Hemne")[1:] == status_hours(root)["Hemne"]


def test_the_pdf_report_draws_the_chart_in_vectors(example: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pages = [p.extract_text() for p in PdfReader(build(example, tmp_path / "rapport.pdf")).pages]
    chart = [text for text in pages if CHART in text]
    assert len(chart) == 1
    # the labels are text on the page (an image of the chart would have none)
    assert "Samling 1–2" in chart[0]

"""The DOCX report opens complete: "Innhold" lists the chapters before any field is
updated, headings and captions are numbered by Word (so they renumber when edited), the
document properties come from pilot.yaml, and the pages are A4 with page numbers and the
chapter in the header. LibreOffice, where installed, shows the same.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from pypdf import PdfReader

from tests.behaviour.reportkit import build
from tests.clikit import copy_example

CHAPTERS = [
    "Forord",
    "1\tOppsummering",
    "2\tBakgrunn",
    "3\tMål",
    "4\tProsjektgjennomføring",
    "5\tMetode",
    "6\tDeltakernes evaluering",
    "7\tResultater",
    "8\tImplementering",
    "9\tAnbefalinger og veien videre",
    "Kilder",
    "Vedlegg",
]


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("docx") / "pilot")
    return build(root, root.parent / "rapport.docx")


def _xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")


def _toc(docx: Path, level: int) -> list[str]:
    """The cached entries of the contents field (inside its content control) at ``level``."""
    body = Document(str(docx)).element.body
    entries = body.xpath(f'.//w:sdt//w:p[w:pPr/w:pStyle/@w:val="TOC{level}"]')
    return ["".join("\t" if r.tag.endswith("}tab") else (r.text or "")
                    for r in p.xpath(".//w:t | .//w:tab")) for p in entries]  # fmt: skip


def test_innhold_lists_the_chapters_before_fields_are_updated(docx: Path) -> None:
    assert _toc(docx, 1) == CHAPTERS
    assert _toc(docx, 2)[0] == "Vedlegg 1: Prosjektplan"
    assert Document(str(docx)).styles["toc 1"].font.bold
    # the field stays, so Word refreshes it with page numbers
    document = _xml(docx, "word/document.xml")
    assert 'TOC \\o "1-2" \\h \\z \\u' in document.replace("&quot;", '"')
    assert document.count('w:fldCharType="begin"') >= 1
    # each entry links to its heading
    assert '<w:hyperlink w:anchor="oppsummering"' in document


def test_headings_are_numbered_by_word_not_by_text(docx: Path) -> None:
    doc = Document(str(docx))
    headings = [p for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    texts = [p.text for p in headings]
    assert "Oppsummering" in texts and "Forord" in texts
    assert not any(re.match(r"\d", t) for t in texts)
    assert "SectionNumber" not in _xml(docx, "word/document.xml")
    style = doc.styles["Heading 1"].element
    assert style.pPr.numPr is not None and style.pPr.numPr.numId.val == 9100
    # unnumbered chapters and the contents heading opt out of the numbering
    forord = next(p for p in headings if p.text == "Forord")
    assert forord._p.pPr.numPr.numId.val == 0
    assert doc.styles["TOC Heading"].element.pPr.numPr.numId.val == 0
    numbering = _xml(docx, "word/numbering.xml")
    assert '<w:abstractNum w:abstractNumId="9100">' in numbering
    assert '<w:lvlText w:val="%1.%2" />' in numbering


def test_captions_are_word_sequence_fields(docx: Path) -> None:
    document = _xml(docx, "word/document.xml")
    tables = re.findall(r'<w:fldSimple w:instr=" SEQ Tabell \\\* ARABIC ">.*?<w:t>(\d+)</w:t>',
                        document)  # fmt: skip
    assert tables == [str(n) for n in range(1, len(tables) + 1)] and len(tables) >= 6
    assert re.search(r'<w:fldSimple w:instr=" SEQ Figur \\\* ARABIC ">', document)
    first = next(p for p in Document(str(docx)).paragraphs if p.text.startswith("Tabell "))
    text = "".join(t.text or "" for t in first._p.xpath(".//w:t"))  # field results included
    assert text == "Tabell 1: Styringsgruppa i Jobbvinner Orkdalsregionen"


def test_properties_come_from_pilot_yaml(docx: Path) -> None:
    props = Document(str(docx)).core_properties
    assert props.title == "Jobbvinner Orkdalsregionen"
    assert props.author == "Anne Marit Berg"
    assert props.subject == "Sluttrapport – Orkdalsregionen"
    assert props.language == "nb-NO"
    assert props.keywords.startswith("Jobbvinner, Frøya, Hemne")


def test_pages_are_a4_with_page_numbers_and_the_chapter_in_the_header(docx: Path) -> None:
    doc = Document(str(docx))
    section = doc.sections[-1]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.05)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.05)
    assert "STYLEREF" in section.header._element.xml
    assert "PAGE" in section.footer._element.xml
    assert "<w:autoHyphenation />" in _xml(docx, "word/settings.xml")


def test_report_table_columns_follow_their_content(docx: Path) -> None:
    doc = Document(str(docx))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Kommune"
                 and len(t.columns) == 4 and t.rows[0].cells[2].text == "Tiltak")  # fmt: skip
    grid = [int(c) for c in re.findall(r'<w:gridCol w:w="(\d+)"', table._tbl.xml)]
    kommune, effect, tiltak, results = grid
    assert kommune < effect < tiltak and kommune < results
    assert kommune * 2 < tiltak
    # lists in cells are indented half a centimetre, not Word's 1.27 cm
    assert 'w:left="284" w:hanging="284"' in table._tbl.xml


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_shows_the_contents_and_the_numbers(docx: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profil",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pages = PdfReader(tmp_path / "rapport.pdf").pages
    contents = next(p.extract_text() for p in pages if p.extract_text().startswith("Innhold"))
    lines = [" ".join(line.split()) for line in contents.splitlines()]
    for entry in CHAPTERS:
        assert " ".join(entry.split()) in lines
    text = " ".join(p.extract_text() for p in pages)
    assert "1 Oppsummering" in text and "Tabell 6:" in text and "Figur 1:" in text


def test_each_chart_is_its_own_picture(docx: Path) -> None:
    # the charts of a build are drawn by one Typst compiler: each must still be its own
    with zipfile.ZipFile(docx) as package:
        pictures = [package.read(n) for n in package.namelist() if n.startswith("word/media/")]
    assert len(pictures) >= 4  # the hours, and the evaluations of the gatherings
    assert all(p.startswith(b"\x89PNG") for p in pictures)
    assert len(set(pictures)) == len(pictures)

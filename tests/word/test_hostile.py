"""A Word file is untrusted: each kind of hostile file is refused or stripped, with a
Norwegian message naming the file, and a refused one writes nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.clikit import copy_example, jv
from tests.word import docxkit

TARGET = Path("teams/froya/statusrapport-2.md")


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "pilot")


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return docxkit.statusrapport(tmp_path / "god.docx")


def _refused(pilot: Path, source: Path, expected: str) -> None:
    before = (pilot / TARGET).read_bytes()
    result = jv("import", str(source), "--force", "--pilot", str(pilot))
    assert result.exit_code == 1, result.output
    assert f"{source}: {expected}" in result.output.replace("\n", " ")
    assert "Ingenting er skrevet" in result.output or "ingenting er skrevet" in result.output
    assert (pilot / TARGET).read_bytes() == before
    assert not (pilot / "teams" / "froya" / "bilder").exists()


def test_a_zip_bomb_is_refused(pilot: Path, tmp_path: Path) -> None:
    _refused(pilot, docxkit.zip_bomb(tmp_path / "bombe.docx"), "Filen pakker seg ut til langt mer")


def test_a_file_that_is_no_word_file_is_refused(pilot: Path, tmp_path: Path) -> None:
    source = tmp_path / "tekst.docx"
    source.write_text("Dette er ikke Word.\n", encoding="utf-8")
    _refused(pilot, source, "Filen er ikke et Word-dokument (.docx) eller er ødelagt")


def test_a_truncated_word_file_is_refused(pilot: Path, good: Path, tmp_path: Path) -> None:
    source = tmp_path / "halv.docx"
    source.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(pilot, source, "Filen er ikke et Word-dokument (.docx) eller er ødelagt")


def test_a_huge_file_is_refused_before_it_is_read(pilot: Path, tmp_path: Path) -> None:
    source = tmp_path / "stor.docx"
    with source.open("wb") as handle:
        handle.truncate(40 * 1024 * 1024)
    _refused(pilot, source, "Filen er 40 MB; jv tar bare imot Word-filer på inntil 30 MB")


def test_a_docm_is_refused(pilot: Path, good: Path, tmp_path: Path) -> None:
    source = tmp_path / "makro.docm"
    source.write_bytes(good.read_bytes())
    _refused(pilot, source, "Filen er et Word-dokument med makroer (.docm)")


def test_macros_inside_a_docx_are_refused(pilot: Path, good: Path, tmp_path: Path) -> None:
    source = docxkit.with_part(good, tmp_path / "m.docx", "word/vbaProject.bin", b"\x00" * 64)
    _refused(pilot, source, "Filen inneholder makroer (vbaProject.bin)")


def test_xml_with_a_dtd_is_refused(pilot: Path, good: Path, tmp_path: Path) -> None:
    source = docxkit.edited(
        good,
        tmp_path / "dtd.docx",
        "word/document.xml",
        b"<w:document",
        b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><w:document',
    )
    _refused(pilot, source, "Filen har en XML-del med DTD («word/document.xml»)")


def _imported(pilot: Path, source: Path) -> tuple[str, str]:
    result = jv("import", str(source), "--force", "--pilot", str(pilot))
    assert "Skrev teams/froya/statusrapport-2.md" in result.output, result.output
    return result.output, (pilot / TARGET).read_text(encoding="utf-8")


def test_embedded_objects_are_stripped(pilot: Path, good: Path, tmp_path: Path) -> None:
    ole = docxkit.with_part(good, tmp_path / "o1.docx", "word/embeddings/oleObject1.bin", b"OLE")
    source = docxkit.edited(
        ole,
        tmp_path / "ole.docx",
        "word/document.xml",
        b"<w:p>",
        b'<w:p><w:r><w:object><o:OLEObject Type="Embed" ProgID="Package"/></w:object></w:r></w:p><w:p>',
    )
    output, text = _imported(pilot, source)
    assert f"Advarsel: {source}: innebygde objekter (OLE/ActiveX) er fjernet." in output
    assert "Hitra ringte oss i april." in text


def test_external_images_and_file_links_are_stripped(
    pilot: Path, good: Path, tmp_path: Path
) -> None:
    rel = (
        b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/image" Target="http://example.com/spor.png" TargetMode="External"/>'
        b'<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/hyperlink" Target="file:///etc/passwd" TargetMode="External"/>'
        b"</Relationships>"
    )
    source = docxkit.edited(
        good, tmp_path / "ext.docx", "word/_rels/document.xml.rels", b"</Relationships>", rel
    )
    output, _ = _imported(pilot, source)
    assert f"{source}: bilder som henter noe utenfor filen, er fjernet." in output
    assert f"{source}: lenker som henter noe utenfor filen, er fjernet." in output


def test_fields_that_include_files_are_stripped(pilot: Path, good: Path, tmp_path: Path) -> None:
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("HEMMELIG-INNHOLD", encoding="utf-8")
    field = (
        f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{secret}&quot; "><w:r><w:t>Vist tekst'
        '</w:t></w:r></w:fldSimple></w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "{secret}" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p>'
    ).encode()
    source = docxkit.edited(good, tmp_path / "felt.docx", "word/document.xml", b"<w:p>", field)
    output, text = _imported(pilot, source)
    assert (
        f"{source}: felt som henter inn filer (INCLUDETEXT, INCLUDEPICTURE, LINK …) er fjernet."
        in output
    )
    assert "HEMMELIG" not in text and str(secret) not in text
    with zipfile.ZipFile(source) as z:  # the fixture really had both kinds of field
        xml = z.read("word/document.xml")
    assert b"INCLUDETEXT" in xml and b"INCLUDEPICTURE" in xml


def test_a_missing_file_or_a_folder_is_named(pilot: Path, tmp_path: Path) -> None:
    missing = tmp_path / "borte.docx"
    result = jv("import", str(missing), "--pilot", str(pilot))
    assert result.exit_code == 1
    assert f"{missing}: Finner ikke filen. Sjekk navnet og mappen." in result.output
    result = jv("import", str(tmp_path), "--pilot", str(pilot))
    assert result.exit_code == 1
    assert f"{tmp_path}: Dette er en mappe, ikke en Word-fil." in result.output


def test_a_word_file_pandoc_cannot_read_is_refused(pilot: Path, good: Path, tmp_path: Path) -> None:
    source = docxkit.with_part(good, tmp_path / "rot.docx", "word/document.xml", b"<w:document")
    _refused(pilot, source, "Word-filen kan ikke leses (Pandoc stoppet)")


def test_a_picture_jv_cannot_show_is_left_out_and_said(
    pilot: Path, good: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(good) as z:
        name = next(n for n in z.namelist() if n.startswith("word/media/"))
    emf = b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + b"\x00" * 64  # Word's drawing format
    source = docxkit.with_part(good, tmp_path / "emf.docx", name, emf)
    output, text = _imported(pilot, source)
    assert "er ikke tatt med: det er lenket utenfor filen eller i et format jv ikke kan vise" in (
        " ".join(output.split())
    )
    assert "*\\[Her var et bilde i Word-filen som ikke kunne tas med.\\]*" in text
    assert not (pilot / "teams" / "froya" / "bilder").exists()

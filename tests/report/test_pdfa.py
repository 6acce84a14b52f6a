"""The final report is PDF/A-2b by default, as municipal archives expect (`--pdf-standard`).

No PDF/A validator installs from the package index (veraPDF is Java), so the test reads
what a validator checks first: the XMP identification, the OutputIntent with its ICC
profile, embedded fonts and the document language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.clikit import EXAMPLE, TODAY, jv


def build(tmp_path: Path, *args: str) -> PdfReader:
    target = tmp_path / "rapport.pdf"
    result = jv("build-report", "--pilot", str(EXAMPLE), "--today", TODAY, "-o", str(target), *args)
    assert result.exit_code == 0, result.output
    return PdfReader(target)


def xmp(reader: PdfReader) -> str:
    root = reader.trailer["/Root"]
    if "/Metadata" not in root:
        return ""
    data: bytes = root["/Metadata"].get_object().get_data()
    return data.decode("utf-8")


def pdfa_id(reader: PdfReader) -> tuple[str, str] | None:
    text = xmp(reader)
    part = re.search(r"<pdfaid:part>(\d)</pdfaid:part>|pdfaid:part=\"(\d)\"", text)
    level = re.search(
        r"<pdfaid:conformance>(\w)</pdfaid:conformance>|pdfaid:conformance=\"(\w)\"", text
    )
    if part is None or level is None:
        return None
    return (part.group(1) or part.group(2), level.group(1) or level.group(2))


def test_the_report_is_pdfa_2b_by_default(tmp_path: Path) -> None:
    reader = build(tmp_path)
    assert pdfa_id(reader) == ("2", "B")
    root = reader.trailer["/Root"]
    [intent] = [i.get_object() for i in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3  # an RGB ICC profile
    assert profile.get_data()[36:40] == b"acsp"  # the ICC signature
    assert root["/Lang"] == "nb"
    # every font is embedded
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            for part in descendants:
                descriptor = part.get_object()["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor)


@pytest.mark.parametrize(("standard", "expected"), [("a-3b", ("3", "B")), ("ingen", None)])
def test_pdf_standard_chooses(tmp_path: Path, standard: str, expected: object) -> None:
    reader = build(tmp_path, "--pdf-standard", standard)
    assert pdfa_id(reader) == expected
    if expected is None:
        assert "/OutputIntents" not in reader.trailer["/Root"]


def test_pdf_standard_is_for_pdf_only(tmp_path: Path) -> None:
    target = tmp_path / "rapport.docx"
    result = jv(
        "build-report", "--pilot", str(EXAMPLE), "--today", TODAY, "-o", str(target),
        "--pdf-standard", "a-2b",
    )  # fmt: skip
    assert result.exit_code == 2
    assert (
        "Feil: --pdf-standard gjelder bare PDF, ikke docx. Dropp --pdf-standard." in result.output
    )
    assert not target.exists()

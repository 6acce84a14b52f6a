from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from pypdf import PdfReader

from tests.conftest import Run, snapshot

EFFECT = {
    "froya": "Faglig forsvarlige tjenester uten bruk av vikarbyrå",
    "hitra": "40 prosent høgskolepersonell",
}


def fill(path: Path, effect: str, sections: dict[int, str], status: str = "levert") -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace('effektmål: ""', f'effektmål: "{effect}"')
    text = text.replace("status: utkast", f"status: {status}")
    text = re.sub(r"^levert:.*$", "levert: 2019-05-20", text, flags=re.MULTILINE)
    head, *parts = text.split("\n## ")
    out = [re.sub(r"\n> \*\*Veiledning:\*\*[^\n]*\n", "\n", head)]
    for index, part in enumerate(parts, 1):
        heading = part.split("\n", 1)[0]
        out.append(f"## {heading}\n\n{sections.get(index, 'Teamet har skrevet om dette.')}\n")
    path.write_text("\n".join(out), encoding="utf-8")


@pytest.fixture
def reported(pilot: Path, run: Run) -> Path:
    for slug in ("froya", "hitra"):
        assert run("scaffold", "sluttrapport", "--team", slug, cwd=pilot).exit_code == 0
        fill(pilot / "teams" / slug / "hovedplan.md", EFFECT[slug], {})
        fill(
            pilot / "teams" / slug / "sluttrapport.md",
            EFFECT[slug],
            {
                3: f"- Veilederutdanning i {slug}\n- Mentorordning for nyansatte",
                5: f"- Flere søkere i {slug}\n- Alle stillinger besatt",
                8: "Vi fortsetter slik:\n\n- Videreføre mentorordningen\n- Ny heltidsplan",
            },
        )
    return pilot


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_pdf_holds_chapters_results_and_gatherings(
    reported: Path, run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.pdf"
    result = run("build-report", "--draft", "-o", str(out), "--today", "2019-06-30", cwd=reported)
    assert result.exit_code == 0, result.output
    assert "sider" in result.output
    text = " ".join(pdf_text(out).replace("\xad\n", "").split())
    for title in (
        "Innhold",
        "Forord",
        "Oppsummering",
        "Bakgrunn",
        "Resultater",
        "Kilder",
        "Vedlegg",
    ):
        assert title in text
    for effect in EFFECT.values():
        assert effect in text
    assert "Veilederutdanning i froya" in text
    assert "Flere søkere i hitra" in text
    assert "Videreføre mentorordningen" in text
    assert "UTKAST" in text
    assert "30. juni 2019" in text
    assert 5 < len(PdfReader(out).pages) < 60


def test_docx_uses_heading_styles_and_one_row_per_team(
    reported: Path, run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.docx"
    assert run("build-report", "--draft", "-o", str(out), cwd=reported).exit_code == 0
    doc = DocxDocument(str(out))
    headings = [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert any("Resultater" in h for h in headings)
    results = [
        t for t in doc.tables if t.rows and "Effektmål" in " ".join(c.text for c in t.rows[0].cells)
    ]
    assert len(results) == 1
    kommuner = [row.cells[0].text.strip() for row in results[0].rows[1:]]
    assert kommuner == ["Frøya", "Hitra"]


def test_build_refuses_on_check_errors_without_draft(
    reported: Path, run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.pdf"
    out.write_bytes(b"old report")
    result = run("build-report", "-o", str(out), "--today", "2019-12-31", cwd=reported)
    assert result.exit_code == 1
    assert "--draft" in result.output
    assert out.read_bytes() == b"old report"


def test_team_markup_does_not_leak_into_the_report(
    reported: Path, run: Run, tmp_path: Path
) -> None:
    path = reported / "teams" / "froya" / "sluttrapport.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "- Flere søkere i froya",
        '- Flere søkere i froya\n\n```{=typst}\n#text("TYPSTINJECT")\n```\n\n'
        "\\newpage\\input{/etc/hostname} <script>alert('HTMLINJECT')</script>\n\n"
        "---\ntitle: KAPRET\n---\n",
    )
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "r.html"
    assert run("build-report", "--draft", "-o", str(out), cwd=reported).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "KAPRET</title>" not in html
    pdf = tmp_path / "r.pdf"
    assert run("build-report", "--draft", "-o", str(pdf), cwd=reported).exit_code == 0
    text = pdf_text(pdf)
    assert "KAPRET" not in text.split("Innhold")[0]  # the title page keeps the pilot's name


@pytest.mark.parametrize(
    "target", ["../../../outside.png", "/etc/passwd", "https://example.no/x.png"]
)
def test_images_must_come_from_inside_the_pilot(
    reported: Path, run: Run, tmp_path: Path, target: str
) -> None:
    (reported.parent / "outside.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    chapter = reported / "rapport" / "07-resultater.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8") + f"\n![Figur]({target})\n", encoding="utf-8"
    )
    out = tmp_path / "r.docx"
    before = snapshot(tmp_path)
    result = run("build-report", "--draft", "-o", str(out), cwd=reported)
    assert result.exit_code != 0
    assert "rapport/07-resultater.md:" in result.output
    assert not out.exists()
    assert snapshot(tmp_path) == before


def test_missing_image_names_file_and_line(reported: Path, run: Run, tmp_path: Path) -> None:
    chapter = reported / "rapport" / "07-resultater.md"
    lines = chapter.read_text(encoding="utf-8").splitlines()
    lines.append("![Figur](figurer/mangler.png)")
    chapter.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("build-report", "--draft", "-o", str(tmp_path / "r.pdf"), cwd=reported)
    assert result.exit_code == 1
    assert (
        f"rapport/07-resultater.md:{len(lines)}: Fant ikke bildet «figurer/mangler.png»"
        in result.output
    )


def test_export_one_team_document_to_docx(reported: Path, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "sluttrapport.docx"
    result = run("export", "sluttrapport", "--team", "froya", "-o", str(out), cwd=reported)
    assert result.exit_code == 0, result.output
    doc = DocxDocument(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Tiltak gjennomført i hele perioden" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert EFFECT["froya"] in cells

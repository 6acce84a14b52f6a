"""Nothing a team pastes is lost in the report: the sluttrapport sections the report's tables
read (tiltak, resultater, videre oppgaver) keep numbered lists, Word bullets, prose and
nesting, in HTML, PDF and DOCX; what a table cell cannot show is named by `jv check` and by
the build.

Hitra's sluttrapport in the example is rewritten here the way Word pastes: section 3 has
prose, a numbered list and "•" bullets pasted as text lines; section 5 is prose only;
section 8 has nested bullets.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from tests.behaviour.reportkit import build, read_html
from tests.clikit import TODAY, copy_example, edit, jv, line_of

RESULTS = "Effektmål, tiltak og resultater per team"
FURTHER = "Teamenes videre oppgaver"

TILTAK = """\
Vi startet med tre hovedtiltak:

1. Veilederutdanning for sykepleiere
2. Rutiner for mottak av nytilsatte

• Kartlegging av kompetanse
• Mentorordning for nyutdannede
o\tto mentorer per enhet
• Kompetansepakke for
deltidsutdanning
"""
RESULTATER = """\
Søkertallene har økt: seks kvalifiserte søkere til fire stillinger, der vi før fikk få
eller ingen.
"""
VIDERE = """\
- Telle kompetansen hvert år
  - per enhet
  - rapportert til ledergruppen
- Videreføre mentorordningen
"""


def _rewrite(root: Path) -> Path:
    path = root / "teams" / "hitra" / "sluttrapport.md"
    text = path.read_text(encoding="utf-8")
    for number, new in ((3, TILTAK), (5, RESULTATER), (8, VIDERE)):
        section = re.search(rf"^## {number}\. .*?\n\n(.*?)(?=\n## |\Z)", text, re.M | re.S)
        assert section is not None
        text = text[: section.start(1)] + new + text[section.end(1) :]
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pasted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("pasted") / "pilot")
    _rewrite(root)
    return root


def _row_html(html: str, caption: str, kommune: str) -> str:
    table = next(t for t in re.findall(r"<table.*?</table>", html, re.S) if caption in t)
    rows = re.findall(r"<tr>.*?</tr>", table, re.S)
    return next(r for r in rows if re.search(rf"<td>{kommune}</td>", r))


def test_check_accepts_every_pasted_form(pasted: Path) -> None:
    result = jv("check", "--pilot", str(pasted), "--today", TODAY)
    assert "teams/hitra/sluttrapport.md" not in result.output, result.output


def test_html_results_table_shows_lists_bullets_and_prose(pasted: Path, tmp_path: Path) -> None:
    out = build(pasted, tmp_path / "rapport.html")
    page = read_html(out)
    hitra = page.table(RESULTS).row("Hitra")
    assert hitra[2].split("\n") == [
        "Vi startet med tre hovedtiltak:",
        "Veilederutdanning for sykepleiere",
        "Rutiner for mottak av nytilsatte",
        "Kartlegging av kompetanse",
        "Mentorordning for nyutdannede",
        "to mentorer per enhet",
        "Kompetansepakke for deltidsutdanning",
    ]
    assert hitra[3] == (
        "Søkertallene har økt: seks kvalifiserte søkere til fire stillinger, der vi før fikk få "
        "eller ingen."
    )
    html = out.read_text(encoding="utf-8")
    row = _row_html(html, RESULTS, "Hitra")
    assert "<ol" in row and "<li>Veilederutdanning for sykepleiere</li>" in row
    # the Word bullet one level down is a list inside its item
    assert re.search(r"<li>Mentorordning for nyutdannede\s*<ul>\s*<li>to mentorer", row)


def test_html_further_tasks_keep_their_nesting(pasted: Path, tmp_path: Path) -> None:
    html = build(pasted, tmp_path / "rapport.html").read_text(encoding="utf-8")
    row = _row_html(html, FURTHER, "Hitra")
    assert re.search(
        r"<li>Telle kompetansen hvert år\s*<ul>\s*<li>per enhet</li>\s*"
        r"<li>rapportert til ledergruppen</li>\s*</ul></li>\s*<li>Videreføre mentorordningen",
        row,
    ), row


def _x_of(path: Path, needle: str) -> float:
    """The left edge of the first text run of the PDF that starts with ``needle``."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip().startswith(needle) and not found:
            found.append(cm[4] + tm[4] * cm[0])

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
        if found:
            return found[0]
    raise AssertionError(f"{needle!r} not in {path}")


def test_pdf_has_every_item_and_indents_the_nested_ones(pasted: Path, tmp_path: Path) -> None:
    out = build(pasted, tmp_path / "rapport.pdf")
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(out).pages).replace("-\n", "").split()
    )
    for words in ("Vi startet med tre hovedtiltak:", "Søkertallene har økt", "per enhet"):
        assert words in text
    assert _x_of(out, "per enhet") > _x_of(out, "Telle kompetansen") + 5
    assert _x_of(out, "to mentorer") > _x_of(out, "Mentorordning for") + 5


def test_docx_lists_are_word_lists_with_their_levels(pasted: Path, tmp_path: Path) -> None:
    doc = Document(str(build(pasted, tmp_path / "rapport.docx")))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Kommune" and
                 len(t.columns) == 2 and "Videre" in t.rows[0].cells[1].text)  # fmt: skip
    cell = next(r.cells[1] for r in table.rows if r.cells[0].text == "Hitra")
    levels = {
        p.text: p._p.pPr.numPr.ilvl.val
        for p in cell.paragraphs
        if p._p.pPr is not None and p._p.pPr.numPr is not None
    }
    assert levels == {
        "Telle kompetansen hvert år": 0,
        "per enhet": 1,
        "rapportert til ledergruppen": 1,
        "Videreføre mentorordningen": 0,
    }


def test_what_a_cell_cannot_show_is_named_by_check_and_build(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "pilot")
    path = root / "teams" / "hitra" / "sluttrapport.md"
    edit(
        path,
        "- Veilederutdanning\n",
        "- Veilederutdanning\n\n| Tiltak | Når |\n|---|---|\n| Mentorordning | 2018 |\n\n",
    )
    line = line_of(path, "| Tiltak | Når |")
    result = jv("check", "--pilot", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    message = (
        "Seksjonen «3. Tiltak gjennomført i hele perioden» settes inn i en tabell i "
        "sluttrapporten, men en tabell kan ikke vises i en tabellcelle og blir ikke med der. "
        "Skriv det som punkter eller tekst, eller flytt det til en annen seksjon."
    )
    assert f"{line}  advarsel JV211  {message}" in " ".join(result.output.split("\n"))
    check_json = jv("check", "--pilot", str(root), "--today", TODAY, "--format", "json")
    assert f'"line": {line}' in check_json.stdout and message in check_json.stdout
    built = jv("build-report", "--pilot", str(root), "-o", str(tmp_path / "r.html"),
               "--today", TODAY)  # fmt: skip
    assert built.exit_code == 0, built.output
    assert f"teams/hitra/sluttrapport.md:{line}: JV211 {message}" in " ".join(built.output.split())

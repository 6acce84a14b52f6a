"""A sluttrapport sent out as Word, written in in Word, imported, checked and built: the
team's words reach the final report."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from tests.clikit import copy_example, jv

WORDS = "Tre nyutdannede sykepleiere har begynt hos oss etter sommeren, skrevet i Word."


def test_words_written_in_word_reach_the_report(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    sent = tmp_path / "sluttrapport-froya.docx"
    result = jv("export", "sluttrapport", "--team", "froya", "-o", str(sent), "--pilot", str(pilot))
    assert result.exit_code == 0, result.output
    doc = Document(str(sent))
    paragraphs = doc.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith("5. Resultater"))
    # pasted from another Word file: a bullet typed as a character, before Word's own list
    paragraphs[at + 1].insert_paragraph_before(f"• {WORDS}")
    doc.save(str(sent))
    result = jv("import", str(sent), "--force", "--pilot", str(pilot))
    assert result.exit_code == 0, result.output
    assert "«5. Resultater av tiltakene» → 5. Resultater av tiltakene" in result.output
    assert "jv check: ingen funn i teams/froya/sluttrapport.md." in result.output
    text = (pilot / "teams" / "froya" / "sluttrapport.md").read_text(encoding="utf-8")
    assert f"## 5. Resultater av tiltakene\n\n- {WORDS}\n- Bedre oversikt over ansatte\n" in text
    out = tmp_path / "rapport.html"
    result = jv("build-report", "-o", str(out), "--pilot", str(pilot), "--today", "2019-12-31")
    assert result.exit_code == 0, result.output
    assert WORDS in out.read_text(encoding="utf-8")

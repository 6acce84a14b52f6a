"""`jv import`: a Word file filled in as teams fill in the seeds' templates comes back as
the document, checked, with nothing the team wrote lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clikit import copy_example, jv
from tests.word import docxkit


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "pilot")


def _import(pilot: Path, *args: str) -> tuple[int, str]:
    result = jv("import", *args, "--pilot", str(pilot))
    return result.exit_code, result.output


def test_a_word_filled_statusrapport_is_imported_with_lists_tables_and_image(
    pilot: Path, tmp_path: Path
) -> None:
    source = docxkit.statusrapport(tmp_path / "frøya status 2.docx")
    code, output = _import(pilot, str(source), "--force")
    assert "Skrev teams/froya/statusrapport-2.md" in output, output
    assert (
        "«1 Korrigeringer fra forrige statusrapport når det gjelder resultatmål og tiltak» → 1."
        in output
    )
    assert "«5. Tiltak som er satt i verk» → 5. Tiltak (nesten lik tittel)" in output
    assert "«Annet» passer ikke i noen seksjon" in output
    assert (
        "«1. Korrigeringer fra forrige statusrapport når det gjelder resultatmål og tiltak»: veiledningen står igjen"
        in output
    )
    text = (pilot / "teams" / "froya" / "statusrapport-2.md").read_text(encoding="utf-8")
    # front matter jv keeps is kept; the fields from Word are merged in
    assert "status: levert" in text and "levert: 2018-06-01" in text and "frist: 2018-06-04" in text
    assert 'gruppeleder: "Kari Nordmann"' in text
    assert 'resultatmål: "Alle studenter i praksis har fast veileder."' in text
    # the stray prompt went back as the template's guidance, the team's text stays
    section1 = text.split("## 1. Korrigeringer", 1)[1].split("## 2.", 1)[0]
    assert "> **Veiledning:**" in section1 and "> - Hva gikk etter planen?" in section1
    assert "Vi fikk stipendordningen vedtatt en måned senere enn planlagt." in section1
    assert "1.  Fast veileder for alle studenter\n2.  Velkomstdag i april" in text
    assert (
        "- Desentralisert utdanning for egne ufaglærte\n- Praksisstedet vurderes som arbeidsplass"
        in text
    )
    assert (
        "- Stipend med bindingstid\n  - 50 000 kroner per studieår\n  - To års bindingstid\n"
        "- Velkomstdag for studenter"
    ) in text
    assert "| Stipend  | x    |       |\n| Veileder | x    | x     |" in text
    assert "![](bilder/statusrapport-2-bilde-1.png)" in text
    assert (pilot / "teams" / "froya" / "bilder" / "statusrapport-2-bilde-1.png").read_bytes()[
        :4
    ] == b"\x89PNG"
    assert (
        "## Fra Word-filen, uten plass i malen\n\n### Annet\n\nVi vil gjerne ha en samling på Frøya."
        in text
    )
    # then checked like any other document
    assert "jv check av teams/froya/statusrapport-2.md:" in output
    assert code in (0, 1)


def test_fields_as_paragraphs_and_the_title_name_the_document(pilot: Path, tmp_path: Path) -> None:
    source = docxkit.statusrapport(tmp_path / "s.docx", fields_as_table=False)
    code, output = _import(pilot, str(source), "--dry-run")
    assert code == 0, output
    assert "Ville skrevet teams/froya/statusrapport-2.md (--dry-run):" in output
    assert 'gruppeleder: "Kari Nordmann"' in output


def test_import_refuses_to_overwrite_without_force(pilot: Path, tmp_path: Path) -> None:
    target = pilot / "teams" / "froya" / "statusrapport-2.md"
    before = target.read_bytes()
    source = docxkit.statusrapport(tmp_path / "s.docx")
    code, output = _import(pilot, str(source))
    assert code == 1
    assert "teams/froya/statusrapport-2.md finnes allerede og blir ikke overskrevet" in output
    assert "--force" in output
    assert target.read_bytes() == before


def test_dry_run_writes_nothing(pilot: Path, tmp_path: Path) -> None:
    (pilot / "teams" / "froya" / "statusrapport-2.md").unlink()
    source = docxkit.statusrapport(tmp_path / "s.docx")
    code, _ = _import(pilot, str(source), "--dry-run")
    assert code == 0
    assert not (pilot / "teams" / "froya" / "statusrapport-2.md").exists()
    assert not (pilot / "teams" / "froya" / "bilder").exists()


def test_a_new_document_gets_the_template_front_matter(pilot: Path, tmp_path: Path) -> None:
    (pilot / "teams" / "froya" / "statusrapport-2.md").unlink()
    source = docxkit.statusrapport(tmp_path / "s.docx")
    _, output = _import(pilot, str(source))
    assert "Skrev teams/froya/statusrapport-2.md" in output
    text = (pilot / "teams" / "froya" / "statusrapport-2.md").read_text(encoding="utf-8")
    assert "status: utkast" in text and "frist: 2018-06-04" in text
    assert "# Statusrapport 2 – Frøya" in text


def test_the_command_line_names_the_document_when_the_file_does_not(
    pilot: Path, tmp_path: Path
) -> None:
    source = docxkit.statusrapport(tmp_path / "s.docx")
    code, output = _import(
        pilot, str(source), "statusrapport", "--nr", "3", "--team", "froya", "--dry-run"
    )
    assert code == 2
    assert "sier nummer «2», men kommandoen sier «3»" in output


def test_a_seed_style_fremdriftsplan_keeps_its_month_table(pilot: Path, tmp_path: Path) -> None:
    source = docxkit.seed_fremdriftsplan(tmp_path / "fremdrift.docx")
    code, output = _import(pilot, str(source), "--force")
    assert code == 0, output
    assert (
        "«Dato, tid og sted for første arbeidsmøte i egen kommune etter 2. samling:» → "
        "Dato, tid og sted for første arbeidsmøte i egen kommune (nesten lik tittel)"
    ) in output
    text = (pilot / "teams" / "froya" / "fremdriftsplan-2.md").read_text(encoding="utf-8")
    section = text.split("## Delmål, tiltak og ansvarlig\n\n", 1)[1]
    assert section.startswith("| Delmål ")
    assert (
        "| Stipend    | Forslag om stipend | Kari Nordmann | x    | x     |     |      |" in section
    )
    assert "Tirsdag 6. mars kl. 13–15, rådhuset." in text
    assert 'gruppeleder: "Kari Nordmann"' in text
    assert "jv check: ingen funn i teams/froya/fremdriftsplan-2.md." in output


def test_a_word_file_in_a_team_folder_is_pointed_to_jv_import(pilot: Path) -> None:
    (pilot / "teams" / "froya" / "Statusrapport 2.docx").write_bytes(b"PK")
    result = jv("check", "--pilot", str(pilot), "--today", "2019-12-31")
    assert (
        "Er det et utfylt dokument fra Word, ta det inn med «jv import "
        "teams/froya/Statusrapport 2.docx» og slett Word-filen etterpå."
    ) in " ".join(result.output.split())


def test_a_line_like_a_field_inside_a_section_stays_text(pilot: Path, tmp_path: Path) -> None:
    from docx import Document

    source = docxkit.statusrapport(tmp_path / "s.docx")
    doc = Document(str(source))
    at = next(i for i, p in enumerate(doc.paragraphs) if p.text.startswith("4. Kommunens"))
    doc.paragraphs[at + 1].insert_paragraph_before("Effektmål: vi vurderer å endre det.")
    doc.save(str(source))
    code, output = _import(pilot, str(source), "--dry-run")
    assert code == 0, output
    assert "Effektmål: vi vurderer å endre det." in output
    assert "effektmål: Faglig forsvarlige tjenester uten bruk av vikarbyrå\n" in output
    assert "Feltet effektmål er tatt fra Word-filen" not in output

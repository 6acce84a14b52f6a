"""Content: sections from the type definition, filled in, length, and the plan table."""

from __future__ import annotations

import re

from pilotkit import Pilot, jv

HP = "teams/froya/hovedplan.md"
FP2 = "teams/froya/fremdriftsplan-2.md"
SR1 = "teams/froya/statusrapport-1.md"
FILLER = (
    "Teamet i Frøya har skrevet om dette: mer praksis for elevene, fast ansettelse for "
    "nyutdannede og en mentor for alle nye."
)


def _section(pilot: Pilot, rel: str, heading: str) -> str:
    text = pilot.read(rel)
    match = re.search(rf"^## {re.escape(heading)}\n(?:(?!^## ).*\n?)*", text, re.M)
    assert match is not None
    return match.group(0)


def test_missing_section_is_reported_where_it_belongs(pilot: Pilot) -> None:
    pilot.edit(HP, _section(pilot, HP, "3. Effektmål"), "")
    assert pilot.found() == {("JV201", HP, pilot.line_of(HP, "## 4. Tiltak"), "error")}


def test_missing_last_section_has_no_line(pilot: Pilot) -> None:
    pilot.edit(HP, _section(pilot, HP, "5. Evaluering"), "")
    assert pilot.found() == {("JV201", HP, None, "error")}


def test_title_that_differs(pilot: Pilot) -> None:
    pilot.edit(HP, "## 1. Beskriv kommunen", "## Beskriv kommunen:")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV202", pilot.line_of(HP, "## Beskriv kommunen:"), "error")
    ]
    assert "«## 1. Beskriv kommunen»" in diagnostics[0]["message"]


def test_sections_out_of_order(pilot: Pilot) -> None:
    three = _section(pilot, HP, "3. Effektmål")
    four = _section(pilot, HP, "4. Tiltak")
    pilot.edit(HP, three + four, four + three)
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV203", HP, pilot.line_of(HP, "## 4. Tiltak"), "error")
    ]
    assert "«4. Tiltak» står foran «3. Effektmål»" in diagnostics[0]["message"]


def test_unknown_level_two_heading(pilot: Pilot) -> None:
    pilot.edit(HP, "## 4. Tiltak", "## Litt om oss\n\nTekst.\n\n## 4. Tiltak")
    assert pilot.found() == {("JV204", HP, pilot.line_of(HP, "## Litt om oss"), "warning")}


def test_subheadings_are_fine(pilot: Pilot) -> None:
    pilot.edit(HP, "## 4. Tiltak\n", "## 4. Tiltak\n\n### Sommerjobb\n")
    assert pilot.found() == set()


def test_headings_in_code_blocks_are_not_sections(pilot: Pilot) -> None:
    pilot.edit(HP, "## 4. Tiltak\n", "## 4. Tiltak\n\n```\n## Ikke en seksjon\n```\n")
    assert pilot.found() == set()


def test_empty_section_in_a_delivered_document(pilot: Pilot) -> None:
    pilot.edit(HP, "## 3. Effektmål\n\n" + FILLER, "## 3. Effektmål\n")
    assert pilot.found() == {("JV205", HP, pilot.line_of(HP, "## 3. Effektmål"), "error")}


def test_prompt_only_section_in_a_delivered_document(pilot: Pilot) -> None:
    prompt = "> **Veiledning:** Erstatt veiledningen med teamets tekst.\n> - Hva er ønsket?"
    pilot.edit(HP, "## 3. Effektmål\n\n" + FILLER, "## 3. Effektmål\n\n" + prompt)
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["line"]) for d in diagnostics] == [
        ("JV205", pilot.line_of(HP, "## 3. Effektmål"))
    ]
    assert "bare veiledningen" in diagnostics[0]["message"]


def test_prompt_left_next_to_text(pilot: Pilot) -> None:
    prompt = "> **Veiledning:** Erstatt veiledningen med teamets tekst.\n> - Hva er ønsket?\n\n"
    pilot.edit(HP, "## 3. Effektmål\n\n", "## 3. Effektmål\n\n" + prompt)
    assert pilot.found() == {("JV206", HP, pilot.line_of(HP, "> **Veiledning:**"), "warning")}


def test_prompt_left_at_the_top(pilot: Pilot) -> None:
    prompt = "> **Veiledning:** Hovedplanen skal være på maks tre sider.\n\n"
    pilot.edit(HP, "## 1. Beskriv kommunen", prompt + "## 1. Beskriv kommunen")
    assert pilot.found() == {("JV206", HP, pilot.line_of(HP, "> **Veiledning:**"), "warning")}


def test_a_draft_may_be_unfinished(pilot: Pilot) -> None:
    """A freshly scaffolded draft, with prompts and an empty table, is not a finding."""
    pilot.path(FP2).unlink()
    result = jv(
        "scaffold", "fremdriftsplan", "--team", "froya", "--nr", "2", "--pilot", str(pilot.root)
    )
    assert result.exit_code == 0
    assert pilot.found(today="2018-03-01") == set()


def test_too_long(pilot: Pilot) -> None:
    pilot.edit(HP, "## 5. Evaluering\n\n", "## 5. Evaluering\n\n" + "ord " * 1600 + "\n\n")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV207", None, "warning")
    ]
    assert "500 ord per side" in diagnostics[0]["message"]


def test_prompts_and_table_pipes_are_not_counted_as_words(pilot: Pilot) -> None:
    pilot.edit(
        HP,
        "## 5. Evaluering\n\n",
        "## 5. Evaluering\n\n" + "ord " * 1200 + "\n\n" + "| - | - |\n" * 400 + "\n",
    )
    assert pilot.found() == set()


def test_plan_table_missing(pilot: Pilot) -> None:
    table = "\n".join(line for line in pilot.read(FP2).split("\n") if line.startswith("|"))
    pilot.edit(FP2, table, "")
    assert pilot.found() == {("JV208", FP2, pilot.line_of(FP2, "## Delmål, tiltak"), "error")}


def test_plan_table_with_wrong_columns(pilot: Pilot) -> None:
    pilot.edit(FP2, "| Delmål | Tiltak | Ansvarlig |", "| Mål | Tiltak | Hvem |")
    assert pilot.found() == {("JV208", FP2, pilot.line_of(FP2, "| Mål |"), "error")}


def test_plan_table_row_incomplete(pilot: Pilot) -> None:
    pilot.edit(
        FP2,
        "| Flere søkere | Sommerjobb for elever | Kari Nordmann | x | x | x | x |",
        "| Flere søkere | Sommerjobb for elever | Kari Nordmann | x | x | x | x |\n"
        "| Færre sluttere | Mentor |  |  |  |  |  |",
    )
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV209", pilot.line_of(FP2, "| Færre sluttere"), "error")
    ]
    assert "ansvarlig mangler" in diagnostics[0]["message"]
    assert "ingen måned" in diagnostics[0]["message"]


def test_plan_table_without_filled_rows(pilot: Pilot) -> None:
    pilot.edit(
        FP2,
        "| Flere søkere | Sommerjobb for elever | Kari Nordmann | x | x | x | x |",
        "|  |  |  |  |  |  |  |",
    )
    assert pilot.found() == {("JV205", FP2, pilot.line_of(FP2, "## Delmål, tiltak"), "error")}


def test_empty_field_in_a_delivered_document(pilot: Pilot) -> None:
    pilot.edit(HP, 'gruppeleder: "Kari Nordmann"', 'gruppeleder: ""')
    assert pilot.found() == {("JV210", HP, pilot.line_of(HP, "gruppeleder:"), "warning")}


def test_ostfold_variant_sections(pilot: Pilot) -> None:
    """The check reads the sections from the type definition of the pilot's variant."""
    pilot.edit("pilot.yaml", "malvariant: orkdal", "malvariant: ostfold")
    _, diagnostics, _ = pilot.check("--team", "froya")
    found = {(d["code"], d["line"]) for d in diagnostics if d["path"] == HP}
    # Østfold's hovedplan has a section 2 of its own, so the next ones are numbered one higher
    assert found == {
        ("JV201", pilot.line_of(HP, "## 2. Kommunens største")),
        ("JV202", pilot.line_of(HP, "## 2. Kommunens største")),
        ("JV202", pilot.line_of(HP, "## 3. Effektmål")),
        ("JV202", pilot.line_of(HP, "## 4. Tiltak")),
        ("JV202", pilot.line_of(HP, "## 5. Evaluering")),
    }

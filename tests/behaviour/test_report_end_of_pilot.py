"""The final report at the end of a real pilot: built over deadline history (listed as
warnings), refused over what makes it wrong (a chapter that is only its prompt), naming
the teams that did not deliver, and taking every chapter in rapport/ in name order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.behaviour.reportkit import build, read_html
from tests.clikit import TODAY, copy_example, edit, jv

NOT_DELIVERED = (
    "Disse 3 teamene leverte ikke sluttrapport: Hemne (ikke levert); Orkdal (trakk seg "
    "10. oktober 2018: Kommunen var inne i et krevende arbeid med kommunesammenslåingen",
    "); Snillfjord (trakk seg 18. april 2018: Teamet meldte at det ikke var tilstrekkelig "
    "motivasjon og kapasitet i teamet til å fortsette arbeidet).",
)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "pilot")


def codes(root: Path, today: str = TODAY) -> list[tuple[str, str, str]]:
    result = jv("check", "--pilot", str(root), "--today", today, "--format", "json")
    return [(d["code"], d["severity"], d["path"]) for d in json.loads(result.stdout)["diagnostics"]]


def test_a_late_and_a_missing_delivery_are_warnings_of_the_build_not_refusals(
    example: Path, tmp_path: Path
) -> None:
    # Hemne never delivered its sluttrapport: an error of the check (JV302), not of the report
    edit(example / "teams/hemne/sluttrapport.md", "status: levert", "status: utkast")
    edit(example / "teams/hemne/sluttrapport.md", "levert: 2019-05-2", "# levert: 2019-05-2")
    assert ("JV302", "error", "teams/hemne/sluttrapport.md") in codes(example)

    out = tmp_path / "rapport.html"
    result = jv("build-report", "--pilot", str(example), "-o", str(out), "--today", TODAY)

    assert result.exit_code == 0, result.output
    assert "(utkast)" not in result.output
    assert "Advarsel: Leveranser som mangler eller kom for sent (" in result.output
    assert "Advarsel:   teams/hemne/sluttrapport.md:" in result.output
    assert "JV302 Sluttrapport er ikke levert" in result.output
    assert "JV303 Hovedplan ble levert 8. desember 2017, 7 dager etter" in result.output
    page = read_html(out)
    start = page.text.index(NOT_DELIVERED[0])
    assert NOT_DELIVERED[1] in page.text[start : start + 400]
    assert "UTKAST" not in out.read_text(encoding="utf-8")


def test_when_every_team_delivered_the_report_says_so(example: Path, tmp_path: Path) -> None:
    for slug in ("orkdal", "snillfjord"):
        edit(example / f"teams/{slug}/team.yaml", "status: trukket", "status: aktiv")
    page = read_html(build(example, tmp_path / "r.html", "--draft"))
    assert "leverte ikke sluttrapport: Orkdal (ikke skrevet); Snillfjord (ikke skrevet)." in (
        page.text
    )


def test_a_chapter_holding_only_its_prompt_is_refused_and_draft_says_what_it_overrode(
    example: Path, tmp_path: Path
) -> None:
    (example / "rapport/06-evaluering.md").write_text(
        "# Deltakernes evaluering\n\n> **Veiledning:** Hvordan deltakerne vurderte samlingene. "
        "Erstatt veiledningen med egen tekst.\n",
        encoding="utf-8",
    )
    assert ("JV951", "warning", "rapport/06-evaluering.md") in codes(example)
    out = tmp_path / "rapport.html"

    refused = jv("build-report", "--pilot", str(example), "-o", str(out), "--today", TODAY)

    assert refused.exit_code == 1
    assert refused.output.startswith(
        "Feil: jv check fant 1 problem som gjør rapporten feil, så den bygges ikke:\n"
        "Feil:   rapport/06-evaluering.md:3: JV951 Kapitlet «Deltakernes evaluering» har bare "
        "veiledningen fra malen. Skriv kapitlet (og slett veiledningen), eller slett filen"
    )
    assert "bygg et utkast med --draft" in refused.output
    assert not out.exists()

    draft = jv("build-report", "--pilot", str(example), "-o", str(out), "--today", TODAY, "--draft")
    assert draft.exit_code == 0, draft.output
    assert (
        "Advarsel: Utkast: jv check fant 1 problem som gjør rapporten feil; utkastet er bygd "
        "likevel, og det som ikke kunne leses, er ikke med:\n"
        "Advarsel:   rapport/06-evaluering.md:3: JV951 Kapitlet «Deltakernes evaluering»"
    ) in draft.output
    assert "(utkast)" in draft.output


def test_a_brand_new_pilot_does_not_build_a_final_report(tmp_path: Path) -> None:
    root = tmp_path / "ny"
    assert (
        jv(
            "init", str(root), "--name", "Jobbvinner Ny", "--samling", "2030-01-10", "--no-git"
        ).exit_code
        == 0
    )
    assert jv("scaffold", "prosjektplan", "--pilot", str(root)).exit_code == 0
    found = codes(root, "2029-12-01")
    assert ("JV951", "info", "rapport") in found
    assert ("JV952", "info", "prosjektplan.md") in found

    result = jv(
        "build-report", "--pilot", str(root), "-o", str(tmp_path / "r.pdf"), "--today", "2029-12-01"
    )

    assert result.exit_code == 1
    assert (
        "Feil:   rapport: JV951 Ingen av de 11 kapitlene i rapport/ er skrevet ennå"
        in result.output
    )
    assert (
        "Feil:   prosjektplan.md:" in result.output
        and "JV952 Seksjonen «1. Mål og rammer»" in result.output
    )
    assert not (tmp_path / "r.pdf").exists()
    # once the pilot is over, each chapter is named, as a warning
    late = codes(root, "2030-02-01")
    assert ("JV951", "warning", "rapport/06-evaluering.md") in late


def test_every_md_file_in_rapport_is_a_chapter_in_name_order_and_others_are_named(
    example: Path, tmp_path: Path
) -> None:
    (example / "rapport/05b-samarbeid.md").write_text(
        "# Samarbeid med utdanningene\n\nHøgskolen og de videregående skolene var med.\n",
        encoding="utf-8",
    )
    (example / "rapport/notater.txt").write_text("huskeliste\n", encoding="utf-8")
    (example / "rapport/gammelt").mkdir()
    (example / "rapport/gammelt/utkast.md").write_text("# Gammelt\n\nTekst.\n", encoding="utf-8")
    (example / "rapport/uten-tittel.md").write_text("Bare tekst.\n", encoding="utf-8")
    found = codes(example)
    assert ("JV953", "warning", "rapport/notater.txt") in found
    assert ("JV953", "warning", "rapport/gammelt/utkast.md") in found
    assert ("JV954", "error", "rapport/uten-tittel.md") in found
    (example / "rapport/uten-tittel.md").unlink()

    page = read_html(build(example, tmp_path / "r.html"))

    chapters = [text for level, text in page.headings if level == 1]
    assert chapters[6:9] == ["5 Metode", "6 Samarbeid med utdanningene", "7 Deltakernes evaluering"]
    assert "Høgskolen og de videregående skolene var med." in page.text
    assert "huskeliste" not in page.text and "Gammelt" not in chapters


def test_an_error_in_a_document_the_report_does_not_print_is_listed_not_refused(
    example: Path, tmp_path: Path
) -> None:
    # a delivered statusrapport with an empty section: an error of the check (JV205),
    # but the report prints no statusrapport
    doc = example / "teams/meldal/statusrapport-2.md"
    text = doc.read_text(encoding="utf-8")
    start = text.index("## 8. Ny kunnskap i teamet\n") + len("## 8. Ny kunnskap i teamet\n")
    doc.write_text(text[:start] + "\n", encoding="utf-8")
    assert ("JV205", "error", "teams/meldal/statusrapport-2.md") in codes(example)
    out = tmp_path / "rapport.html"

    result = jv("build-report", "--pilot", str(example), "-o", str(out), "--today", TODAY)

    assert result.exit_code == 0, result.output
    assert (
        "Advarsel: Feil i dokumenter som ikke skrives ut i rapporten (1; de stopper ikke "
        "bygget, se jv check):\nAdvarsel:   teams/meldal/statusrapport-2.md:"
    ) in result.output
    # the same in a sluttrapport, which the report prints, refuses the build
    report = example / "teams/meldal/sluttrapport.md"
    text = report.read_text(encoding="utf-8")
    start = text.index("## 5. Resultater av tiltakene\n") + len("## 5. Resultater av tiltakene\n")
    end = text.index("\n## 6.")
    report.write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    refused = jv("build-report", "--pilot", str(example), "-o", str(out), "--today", TODAY)
    assert refused.exit_code == 1
    assert "Feil:   teams/meldal/sluttrapport.md:" in refused.output
    assert "JV205 Seksjonen «5. Resultater av tiltakene» er tom" in refused.output

"""Attendance and evaluations: the accepted CSV layouts, and what `jv check` says of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clikit import EXAMPLE, copy_example, jv


def _check(pilot: Path) -> list[dict[str, object]]:
    result = jv("check", "--pilot", str(pilot), "--format", "json", "--today", "2019-12-31")
    return [
        d
        for d in json.loads(result.stdout)["diagnostics"]
        if str(d["path"]).startswith(("oppmote/", "evaluering/"))
    ]


def _brief(found: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(d["code"], d["path"], d["line"], d["message"]) for d in found]


def test_the_example_data_is_read_and_clean() -> None:
    assert _check(EXAMPLE) == []
    listed = jv("check", "--pilot", str(EXAMPLE), "--today", "2019-12-31").stdout
    assert listed.rstrip().endswith("i 121 filer.")  # 109 before the 12 CSV files


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "pilot")


def test_unknown_names_doubles_and_missing_columns(pilot: Path) -> None:
    (pilot / "oppmote" / "samling-2.csv").write_text(
        "navn;kommune\nJorid Kvernæs;Hitra\nUkjent Person;Hitra\nBerit Fjeldvær;Hitra\n"
        "berit  fjeldvær;Hitra\n",
        encoding="utf-8",
    )
    (pilot / "oppmote" / "samling-3.csv").write_text("Jorid Kvernes;Hitra\n", encoding="utf-8")
    (pilot / "oppmote" / "samling-9.csv").write_text("navn\nJorid Kvernes\n", encoding="utf-8")
    (pilot / "oppmote" / "liste.csv").write_text("navn\n", encoding="utf-8")
    assert _brief(_check(pilot)) == [
        ("JV702", "oppmote/liste.csv", None,
         "Filen skal hete samling-N.csv (N er samlingens nummer), ikke liste.csv."),
        ("JV701", "oppmote/samling-2.csv", 2,
         "«Jorid Kvernæs» er ikke medlem av noe team. Mente du «Jorid Kvernes»?"),
        ("JV701", "oppmote/samling-2.csv", 3,
         "«Ukjent Person» er ikke medlem av noe team. Legg personen til i teamets team.yaml."),
        ("JV707", "oppmote/samling-2.csv", 5, "«berit fjeldvær» står også på linje 4."),
        ("JV704", "oppmote/samling-3.csv", 1,
         "Første linje må ha kolonnen «navn» (og gjerne «kommune»)."),
        ("JV702", "oppmote/samling-9.csv", None,
         "Samling 9 finnes ikke i pilot.yaml (piloten har 6 samlinger)."),
    ]  # fmt: skip


def test_attendance_for_a_cancelled_gathering_is_a_warning(pilot: Path) -> None:
    text = (pilot / "pilot.yaml").read_text(encoding="utf-8")
    start = text.index("- nr: 5")
    tail = text[start:].replace("  status: gjennomført", "  status: avlyst", 1)
    (pilot / "pilot.yaml").write_text(text[:start] + tail, encoding="utf-8")
    found = _brief(_check(pilot))
    assert ("JV703", "oppmote/samling-5.csv", None,
            "Samling 5 er avlyst i pilot.yaml, men har data i oppmote/samling-5.csv.") in found  # fmt: skip
    assert ("JV703", "evaluering/samling-5.csv", None,
            "Samling 5 er avlyst i pilot.yaml, men har data i evaluering/samling-5.csv.") in found  # fmt: skip


def test_evaluation_numbers_and_percentages(pilot: Path) -> None:
    (pilot / "evaluering" / "samling-2.csv").write_text(
        "Spørsmål;Svar;Prosent\nMotivasjon;Høy;60\nMotivasjon;Svært høy;20\n"
        "Foredrag;Enig;mange\nForedrag;Uenig;100\n",
        encoding="utf-8",
    )
    (pilot / "evaluering" / "samling-3.csv").write_text("ID,Starttidspunkt\n", encoding="utf-8")
    assert _brief(_check(pilot)) == [
        ("JV706", "evaluering/samling-2.csv", 2, "Prosentene for «Motivasjon» blir 80, ikke 100."),
        ("JV705", "evaluering/samling-2.csv", 4,
         "«mange» er ikke et tall (svaret «Enig» på «Foredrag»)."),
        ("JV704", "evaluering/samling-3.csv", 1,
         "Finner ikke evalueringen: bruk kolonnene «spørsmål;svar;antall» (eller «prosent»), "
         "eller én kolonne per spørsmål og én linje per deltaker."),
    ]  # fmt: skip


def test_a_forms_export_and_a_tally_give_the_same_table(pilot: Path, tmp_path: Path) -> None:
    forms = "ID,Starttidspunkt,E-post,Navn,Motivasjon\n" + "".join(
        f"{i},2018-02-27 14:00,anonymous,,{answer}\n"
        for i, answer in enumerate(["Høy", "Høy", "Svært høy", "Middels"], 1)
    )
    for nr in range(1, 7):
        (pilot / "evaluering" / f"samling-{nr}.csv").unlink()
    (pilot / "evaluering" / "samling-1.csv").write_text(forms, encoding="utf-8")
    (pilot / "evaluering" / "samling-2.csv").write_text(
        "spørsmål,svar,antall\nMotivasjon,Middels,1\nMotivasjon,Høy,2\nMotivasjon,Svært høy,1\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    result = jv("build-report", "--pilot", str(pilot), "-o", str(out), "--today", "2019-12-31")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    table = html[html.index("Motivasjon (svar i prosent)") :]
    table = table[: table.index("</table>")]
    # the scale in its order (the highest first), and both gatherings with the same shares
    assert table.index("Svært høy") < table.index(">Høy<") < table.index("Middels")
    assert table.count("<td>25</td>") == 4 and table.count("<td>50</td>") == 2
    assert "1. samling (4 svar)" in table and "2. samling (4 svar)" in table
    assert (
        'alt="Liggende søylediagram: svarene på «Motivasjon» i prosent, én søyle per samling '
        'fra 1. samling til 2. samling. Tallene står i tabellen under figuren."'
    ) in html


def test_the_example_report_has_a_chart_and_a_table_per_question(tmp_path: Path) -> None:
    import pypdf

    out = tmp_path / "r.pdf"
    result = jv("build-report", "--pilot", str(EXAMPLE), "-o", str(out), "--today", "2019-12-31")
    assert result.exit_code == 0, result.output
    text = " ".join(
        " ".join(page.extract_text() for page in pypdf.PdfReader(out).pages).split()
    ).replace("\u00ad ", "")  # words hyphenated at the end of a line
    for question in (
        "Foredragene har vært lærerike og inspirerende",
        "Det har vært nyttig å utveksle erfaringer med de andre kommunene",
        "Motivasjon for å jobbe med rekrutteringsarbeid",
    ):
        assert f"{question}: svarene fordelt over samlingene (prosent)" in text
        assert f"{question} (svar i prosent)" in text
    # the peak after the 5th gathering, as the chapter's text says: 68 and 32 per cent
    assert "5. samling 68 32 –" in text
    assert "Oppmøte på samlingene, per team" in text

"""`jv status` for Excel: an .xlsx workbook, and a CSV that Norwegian Excel opens right."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from pilotkit import Pilot
from tests.clikit import excel_csv, run_jv

TODAY = "2018-12-31"


def status(pilot: Pilot, *args: str) -> tuple[int, str]:
    result = run_jv(["status", "--pilot", str(pilot.root), "--today", TODAY, *args])
    return result.exit_code, result.output


@pytest.fixture
def late(pilot: Pilot) -> Pilot:
    """froya's statusrapport-2 missing, hitra's delivered 3 days late, 7.5 hours for skaun."""
    pilot.path("teams/froya/statusrapport-2.md").unlink()
    pilot.edit("teams/hitra/statusrapport-1.md", "levert: 2018-02-16", "levert: 2018-02-19")
    pilot.edit("teams/skaun/statusrapport-1.md", "timer: 8", "timer: 7.5")
    return pilot


def test_xlsx_has_the_status_matrix_and_the_hours(late: Pilot, tmp_path: Path) -> None:
    target = tmp_path / "status.xlsx"
    code, out = status(late, "--format", "xlsx", "-o", str(target))
    assert code == 0 and out == f"Skrev {target}\n"
    sheet = openpyxl.load_workbook(target).active
    assert sheet.title == "Status"
    assert sheet.freeze_panes == "B2"  # the header row and the team column stay in view
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["team", "kommune", "status", "hovedplan", "fremdriftsplan-1"]
    assert header[-3:] == ["timer periode 1", "timer periode 2", "timer periode 3"]
    assert all(c.font.bold for c in sheet[1])
    rows = {r[0].value: {h: c for h, c in zip(header, r, strict=True)} for r in sheet.iter_rows(2)}
    assert set(rows) == {"froya", "hitra", "skaun"}
    assert rows["froya"]["statusrapport-2"].value == "mangler (forfalt)"
    assert rows["froya"]["statusrapport-2"].fill.fgColor.rgb == "00FFC7CE"  # red
    assert rows["froya"]["hovedplan"].fill.fgColor.rgb == "00C6EFCE"  # green
    assert rows["hitra"]["statusrapport-1"].value == "levert for sent (3 d)"
    # hours are numbers Excel can add up, not text
    assert rows["skaun"]["timer periode 1"].value == 7.5
    assert rows["froya"]["timer periode 1"].value == 8
    assert rows["froya"]["timer periode 2"].value is None  # its report is missing
    assert sheet.auto_filter.ref == sheet.dimensions
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"


def test_xlsx_from_the_file_name_and_only_to_a_file(late: Pilot, tmp_path: Path) -> None:
    target = tmp_path / "oversikt.XLSX"
    assert status(late, "-o", str(target))[0] == 0
    assert openpyxl.load_workbook(target).active["A1"].value == "team"
    code, out = status(late, "--format", "xlsx")
    assert code == 2
    assert "Feil: --format xlsx lager en Excel-fil og skriver den ikke til skjermen." in out
    code, out = status(late, "-o", str(tmp_path / "status.ods"))
    assert code == 2 and "jv ser ikke av filendelsen hvilket format du vil ha" in out
    assert not (tmp_path / "status.ods").exists()


def test_csv_is_what_norwegian_excel_reads(late: Pilot, tmp_path: Path) -> None:
    target = tmp_path / "status.csv"
    assert status(late, "-o", str(target))[0] == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfteam;kommune;status;")  # UTF-8 BOM, semicolons
    assert b"\r\n" in data
    # a reader that knows the BOM and the semicolon, as Excel set to Norwegian
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["team"]: r for r in csv.DictReader(handle, delimiter=";")}
    assert rows["froya"]["kommune"] == "Frøya"
    assert rows["froya"]["statusrapport-2"] == "mangler (forfalt)"
    assert rows["skaun"]["timer periode 1"] == "7,5"  # decimal comma
    # stdout gets the same bytes
    assert status(late, "--format", "csv")[1] == data.decode("utf-8").replace("\r\n", "\n")


def test_csv_sep_for_other_spreadsheets(late: Pilot) -> None:
    code, out = status(late, "--format", "csv", "--csv-sep", ",")
    assert code == 0 and out.startswith("\ufeffteam,kommune,status,")
    rows = {r["team"]: r for r in excel_csv(out.replace(",", ";"))}
    assert rows["skaun"]["timer periode 1"] == "7.5"  # decimal point with the comma
    code, out = status(late, "--format", "csv", "--csv-sep", "tab")
    assert code == 0 and out.startswith("\ufeffteam\tkommune\t")
    code, out = status(late, "--format", "csv", "--csv-sep", "|")
    assert code == 2
    assert "Feil: --csv-sep «|» er ikke et skilletegn jv kjenner. Velg ; , eller tab." in out


def test_a_pilot_run_by_measures_gets_its_measures_in_excel(tmp_path: Path) -> None:
    from tests.clikit import REPO

    hedmark = REPO / "examples" / "pilot-hedmark"
    target = tmp_path / "status.xlsx"
    args = ["status", "--pilot", str(hedmark), "--today", "2019-12-31"]
    assert run_jv([*args, "-o", str(target)]).exit_code == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Tiltak", "Status", "Hendelser"]
    measures = book["Tiltak"]
    assert [c.value for c in measures[1]] == [
        "tiltak", "navn", "mål", "status", "startet", "slutt", "resultater", "siste resultat"
    ]  # fmt: skip
    first = [c.value for c in measures[2]]
    assert first[:4] == ["A", "Rekrutteringsambassadører", "R2", "pågår"]
    assert first[4].date().isoformat() == "2018-06-01" and first[6] == 2  # a date, a number
    assert measures.freeze_panes == "B2"
    assert book["Hendelser"]["C2"].value == "Første møte i styringsgruppa"
    # the CSV of such a pilot is its measures
    rows = excel_csv(run_jv([*args, "--format", "csv"]).stdout)
    assert rows[0]["tiltak"] == "A" and rows[0]["startet"] == "2018-06-01"

"""`jv lever`: a document marked delivered without editing YAML, the rest of it untouched."""

from __future__ import annotations

from pathlib import Path

from tests.authoring.test_sync_cli import make_pilot
from tests.clikit import jv


def test_lever_sets_status_and_date_and_nothing_else(tmp_path: Path) -> None:
    pilot = make_pilot(tmp_path)
    doc = pilot / "teams/bodo/statusrapport-1.md"
    before = doc.read_text(encoding="utf-8")

    result = jv(
        "lever",
        "statusrapport",
        "--team",
        "bodo",
        "--nr",
        "1",
        "--dato",
        "2020-01-17",
        "--pilot",
        str(pilot),
    )

    assert result.exit_code == 0, result.output
    assert result.output == (
        "Levert teams/bodo/statusrapport-1.md\n"
        "  Statusrapport 1: status: levert, levert: 17. januar 2020\n"
        "  Se om dokumentet er klart med «jv check --team bodo».\n"
    )
    after = doc.read_text(encoding="utf-8")
    assert after == before.replace(
        "status: utkast  # utkast eller levert\nlevert:  # datoen",
        "status: levert  # utkast eller levert\nlevert: 2020-01-17  # datoen",
    )
    assert after != before


def test_lever_refuses_twice_and_a_missing_document(tmp_path: Path) -> None:
    pilot = make_pilot(tmp_path)
    args = ("lever", "hovedplan", "--team", "bodo", "--dato", "2019-11-01", "--pilot", str(pilot))
    assert jv(*args).exit_code == 0
    doc = pilot / "teams/bodo/hovedplan.md"
    before = doc.read_bytes()

    again = jv(*args)
    assert again.exit_code == 1
    assert again.output == (
        "Feil: teams/bodo/hovedplan.md:11: Hovedplan er allerede levert 1. november 2019. "
        "Ingenting er endret. Vil du rette datoen, skriv den i feltet «levert» øverst i "
        "dokumentet.\n"
    )
    assert doc.read_bytes() == before

    missing = jv("lever", "sluttrapport", "--team", "bodo", "--pilot", str(pilot))
    assert missing.exit_code == 1
    assert missing.output == (
        "Feil: teams/bodo/sluttrapport.md: Sluttrapport finnes ikke. Lag dokumentet med "
        "«jv scaffold sluttrapport --team bodo» og skriv det før det leveres.\n"
    )
    no_nr = jv("lever", "statusrapport", "--team", "bodo", "--pilot", str(pilot))
    assert no_nr.exit_code == 2
    assert "Statusrapport har nummer. Oppgi hvilken med --nr." in no_nr.output
    bad_date = jv(
        "lever", "hovedplan", "--team", "fauske", "--dato", "1.11.2019", "--pilot", str(pilot)
    )
    assert bad_date.exit_code == 2
    assert "Feil: --dato «1.11.2019» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD" in bad_date.output


def test_lever_keeps_crlf_and_adds_missing_fields(tmp_path: Path) -> None:
    pilot = make_pilot(tmp_path)
    doc = pilot / "teams/fauske/statusrapport-2.md"
    text = doc.read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not line.startswith(("status:", "levert:"))]
    doc.write_bytes("\r\n".join(lines).encode("utf-8"))

    result = jv(
        "lever",
        "statusrapport",
        "-t",
        "fauske",
        "--nr",
        "2",
        "--dato",
        "2020-06-01",
        "--pilot",
        str(pilot),
    )

    assert result.exit_code == 0, result.output
    data = doc.read_bytes().decode("utf-8")
    assert "\nstatus: levert\r\nlevert: 2020-06-01\r\n---\r\n" in data
    assert data.replace("status: levert\r\nlevert: 2020-06-01\r\n", "") == "\r\n".join(lines)
    check = jv("check", "--pilot", str(pilot), "--today", "2020-06-02", "--format", "json")
    assert '"JV1' not in check.output

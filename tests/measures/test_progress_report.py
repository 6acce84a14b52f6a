"""`jv progress-report`: the report along the way, from the register as it stood on a day."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.clikit import REPO, jv

HEDMARK = REPO / "examples" / "pilot-hedmark"


def _section(text: str, title: str) -> str:
    part = text[text.index(f"## {title}\n") :]
    return part[: part.index("\n## ", 4)]


def test_the_yearly_reports_follow_each_other(tmp_path: Path) -> None:
    pilot = Path(shutil.copytree(HEDMARK, tmp_path / "pilot"))
    first = jv(
        "progress-report",
        "--pilot",
        str(pilot),
        "--dato",
        "2018-12-31",
        "--mottaker",
        "Helsedirektoratet",
    )
    assert first.exit_code == 0, first.output
    path = pilot / "rapporter" / "underveisrapport-2018-12-31.md"
    assert first.stdout == f"Skrev {path}\n"
    text = path.read_text(encoding="utf-8")
    assert "Rapport fra 1. januar 2017 til 31. desember 2018, til Helsedirektoratet." in text
    assert "| C. Videreutdanning i veiledning lokalt |" in _section(text, "Tiltak som pågår")
    assert _section(text, "Tiltak gjennomført").strip().endswith("Ingen.")
    assert "(tiltak A, 15. november 2018)" in _section(text, "Resultater i perioden")

    second = jv("progress-report", "--pilot", str(pilot), "--dato", "2019-12-31")
    assert second.exit_code == 0
    text = (pilot / "rapporter" / "underveisrapport-2019-12-31.md").read_text(encoding="utf-8")
    # from the previous report on: only what happened in 2019
    assert "Rapport fra 31. desember 2018 til 31. desember 2019." in text
    done = _section(text, "Tiltak gjennomført")
    assert "| C. Videreutdanning i veiledning lokalt |" in done
    assert "| H. Plan for sommeravviklingen |" in done
    results = _section(text, "Resultater i perioden")
    assert "15. november 2018" not in results
    assert "### R1: Pleie- og omsorgssektoren" in results
    assert (
        "- 27 ansatte har fullført videreutdanningen i veiledning. (tiltak C, 14. juni 2019)"
        in results
    )
    assert "- 31. oktober 2019: Evaluering av prosjektet, Elverum" in text

    again = jv("progress-report", "--pilot", str(pilot), "--dato", "2019-12-31")
    assert again.exit_code == 1
    assert "Underveisrapporten finnes allerede og blir ikke overskrevet." in again.stderr


def test_a_pilot_without_a_register_is_told(tmp_path: Path) -> None:
    result = jv(
        "progress-report",
        "--pilot",
        str(REPO / "examples" / "pilot-orkdal"),
        "-o",
        str(tmp_path / "r.md"),
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Feil: Piloten har ingen tiltaksplan.yaml")
    bad = jv("progress-report", "--pilot", str(HEDMARK), "--dato", "31.12.2019")
    assert bad.exit_code == 2
    assert bad.stderr == (
        "Feil: --dato: «31.12.2019» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel "
        "2019-12-31.\n"
    )

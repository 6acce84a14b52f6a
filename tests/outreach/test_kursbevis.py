"""`jv kursbevis`: a certificate per participant; fewer than half the gatherings are named."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from tests.clikit import copy_example, jv

ONLY_TWO = "navn\nOddny Krogstad\n"


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    pilot = copy_example(tmp_path / "pilot")
    # Hemne alone: Oddny Krogstad at gatherings 1 and 2, Trond Halsen at 1-5, the rest at none
    for nr in range(1, 7):
        names = (["Oddny Krogstad"] if nr <= 2 else []) + (["Trond Halsen"] if nr <= 5 else [])
        (pilot / "oppmote" / f"samling-{nr}.csv").write_text(
            "navn;kommune\n" + "".join(f"{n};Hemne\n" for n in names), encoding="utf-8"
        )
    return pilot


def test_two_of_six_names_the_two_and_five_of_six_names_none(pilot: Path, tmp_path: Path) -> None:
    out = tmp_path / "kb"
    result = jv(
        "kursbevis", "--pilot", str(pilot), "--team", "hemne", "-o", str(out),
        "--today", "2019-06-04",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "hemne-oddny-krogstad.pdf",
        "hemne-trond-halsen.pdf",
        "kursbevis-alle.pdf",
    ]
    two = " ".join(_text(out / "hemne-oddny-krogstad.pdf").split())
    assert "Kursbevis" in two and "Oddny Krogstad" in two and "Hemne kommune" in two
    assert (
        "Oddny Krogstad deltok på 1. samling (10. november 2017) og 2. samling (27. februar 2018)."
    ) in two
    assert "13.–14. november 2018" in two  # every gathering is listed with its theme
    assert "Anne Marit Berg" in two  # the project leader signs
    five = " ".join(_text(out / "hemne-trond-halsen.pdf").split())
    assert "deltok på" not in five
    assert len(pypdf.PdfReader(out / "kursbevis-alle.pdf").pages) == 2
    assert result.stdout.count("Advarsel: Ingen oppmøte er registrert for") == 3
    assert "Ingen oppmøte er registrert for Anita Vullum (teams/hemne/team.yaml)" in result.stdout


def test_no_attendance_at_all_is_refused(pilot: Path, tmp_path: Path) -> None:
    for path in (pilot / "oppmote").iterdir():
        path.unlink()
    result = jv("kursbevis", "--pilot", str(pilot), "-o", str(tmp_path / "kb"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Feil: Oppmøtet er ikke registrert")
    assert not (tmp_path / "kb").exists()


def test_certificates_are_not_written_over_without_force(pilot: Path, tmp_path: Path) -> None:
    out = tmp_path / "kb"
    args = ["kursbevis", "--pilot", str(pilot), "--team", "hemne", "-o", str(out)]
    assert jv(*args).exit_code == 0
    (out / "kursbevis-alle.pdf").write_bytes(b"mine")
    again = jv(*args)
    assert again.exit_code == 1
    assert (out / "kursbevis-alle.pdf").read_bytes() == b"mine"
    assert jv(*args, "--force").exit_code == 0


def test_norwegian_letters_and_a_long_name_are_typeset(pilot: Path, tmp_path: Path) -> None:
    long_name = "Ragnhild Kristine Østerås-Bjørnstad Mæhlumsveen Åsgård"
    team_yaml = pilot / "teams" / "hemne" / "team.yaml"
    team_yaml.write_text(
        team_yaml.read_text(encoding="utf-8").replace("Trond Halsen", long_name),
        encoding="utf-8",
    )
    for nr in range(1, 6):
        path = pilot / "oppmote" / f"samling-{nr}.csv"
        path.write_text(
            path.read_text(encoding="utf-8").replace("Trond Halsen", long_name),
            encoding="utf-8",
        )
    out = tmp_path / "kb"
    assert jv("kursbevis", "--pilot", str(pilot), "--team", "hemne", "-o", str(out)).exit_code == 0
    path = out / "hemne-ragnhild-kristine-osteras-bjornstad-maehlumsveen-asgard.pdf"
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1  # the long name wraps on the page, it does not add one
    assert long_name in " ".join(reader.pages[0].extract_text().split())

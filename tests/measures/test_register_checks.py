"""`jv check` of the goal register: references, goals without measures, undated results."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.clikit import REPO, edit, jv

HEDMARK = REPO / "examples" / "pilot-hedmark"


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(HEDMARK, tmp_path / "pilot"))


def test_broken_references_and_gaps_are_named_with_their_lines(tmp_path: Path) -> None:
    pilot = _copy(tmp_path)
    register = pilot / "tiltaksplan.yaml"
    edit(
        register,
        "    mål: [R2]\n    kommuner: [Trysil, Engerdal, Kongsvinger, Sør-Odal]\n    ansvarlig: Lokal",
        "    mål: [R7]\n    kommuner: [Trysil, Engerdal, Kongsvinger, Sør-Odal]\n    ansvarlig: Lokal",
    )
    edit(register, "      - {dato: 2019-05-01, tekst: Planen", "      - {tekst: Planen")
    edit(register, "  - id: I\n", "  - id: H\n")
    result = jv("check", "--pilot", str(pilot), "--today", "2020-12-31")
    assert result.exit_code == 1
    assert result.stdout == (
        "Piloten\n"
        "  tiltaksplan.yaml\n"
        "     27  feil     JV801  Tiltak A viser til målet «R7», som ikke finnes i "
        "tiltaksplan.yaml. Mente du «R3»?\n"
        "    112  advarsel JV803  Et resultat av tiltak H har ingen dato. Skriv «dato: "
        "ÅÅÅÅ-MM-DD».\n"
        "    113  feil     JV804  Id-en «H» er brukt for tiltaket før (også på linje 102). Gi det "
        "en egen id.\n"
        "\n"
        "2 feil, 1 advarsel, 0 merknader i 13 filer.\n"
    )


def test_a_goal_without_measures_is_a_warning(tmp_path: Path) -> None:
    pilot = _copy(tmp_path)
    edit(
        pilot / "tiltaksplan.yaml",
        "    tekst: Utvikle og iverksette rekrutterende tiltak.\n",
        "    tekst: Utvikle og iverksette rekrutterende tiltak.\n  - id: R4\n    tekst: Et mål uten tiltak\n",
    )
    result = jv("check", "--pilot", str(pilot), "--today", "2020-12-31")
    assert result.exit_code == 0
    assert "advarsel JV802  Målet R4 («Et mål uten tiltak») har ingen tiltak." in result.stdout


def test_a_measures_pilot_without_its_register_is_told(tmp_path: Path) -> None:
    pilot = _copy(tmp_path)
    (pilot / "tiltaksplan.yaml").unlink()
    result = jv("check", "--pilot", str(pilot), "--today", "2020-12-31")
    assert (
        "advarsel JV805  Piloten har «metode: tiltaksplan», men tiltaksplan.yaml finnes ikke."
        in result.stdout
    )


def test_init_writes_a_measures_pilot_that_checks_clean(tmp_path: Path) -> None:
    target = tmp_path / "namsos"
    result = jv(
        "init",
        str(target),
        "--name",
        "Jobbvinner Nye Namsos",
        "--metode",
        "tiltaksplan",
        "--no-git",
    )
    assert result.exit_code == 0, result.output
    assert (target / "tiltaksplan.yaml").is_file()
    assert "\nsamlinger:" not in (target / "pilot.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (target / "rapport").iterdir())[6] == "06-tiltak-og-resultat.md"
    # nothing to fix; only the note that the report's chapters are still to be written
    checked = jv("check", "--pilot", str(target))
    assert checked.exit_code == 0
    assert checked.stdout.endswith(
        "JV951  Ingen av de 10 kapitlene i rapport/ er skrevet ennå; de "
        "har bare veiledningen fra malen. Det er vanlig underveis: kapitlene skrives mot slutten "
        "av piloten. Sluttrapporten bygges ikke før de er skrevet (bare et utkast med --draft).\n"
        "\n0 feil, 0 advarsler, 1 merknad i 12 filer.\n"
    )
    refused = jv(
        "init",
        str(tmp_path / "x"),
        "--name",
        "X",
        "--metode",
        "tiltaksplan",
        "--samling",
        "2018-01-01",
        "--no-git",
    )
    assert refused.exit_code == 2
    assert "En pilot med tiltaksplan har ikke samlinger." in refused.stderr

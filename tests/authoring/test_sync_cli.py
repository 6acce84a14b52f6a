"""`jv sync` after pilot.yaml, team.yaml and a template change: derived parts updated,
the team's own text unchanged byte for byte, hand edits reported, not overwritten."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.clikit import REPO, edit, jv

TEAM_TEXT = {
    "1. Korrigeringer fra forrige statusrapport når det gjelder resultatmål og tiltak": (
        "Vi fulgte planen.\nÉn ting  med to mellomrom,  og en linje uten blank etter\n"
    ),
    "5. Tiltak": "- Sommerjobb for elever\n- Fast ansettelse etter turnus\n",
}


def make_pilot(tmp_path: Path) -> Path:
    root = tmp_path / "pilot"
    result = jv(
        "init", str(root), "--name", "Jobbvinner Test", "--region", "Salten",
        "--prosjektleder", "Kari Nordmann", "--epost", "kari@example.no",
        "--samling", "2019-10-15", "--samling", "2020-01-28", "--samling", "2020-06-11",
        "--samling", "2020-10-01", "--no-git",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for kommune in ("Bodø", "Fauske"):
        assert (
            jv("new-team", kommune, "--gruppeleder", "Ola Nordmann", "--pilot", str(root)).exit_code
            == 0
        )
    for team in ("bodo", "fauske"):
        for _ in range(2):
            assert (
                jv("scaffold", "statusrapport", "--team", team, "--pilot", str(root)).exit_code == 0
            )
    return root


def write_team_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for heading, own in TEAM_TEXT.items():
        start = text.index(f"## {heading}\n")
        end = text.index("\n## ", start + 1)
        text = text[:start] + f"## {heading}\n\n{own}" + text[end:]
    path.write_text(text, encoding="utf-8")


def team_lines(text: str) -> list[str]:
    """The lines jv never writes: everything but the front matter, the lines above the first
    section, headings and prompts."""
    body = text.split("\n---\n", 1)[1]
    body = body[body.index("\n## ") :]
    return [line for line in body.split("\n") if not line.startswith(("## ", ">")) and line.strip()]


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    root = make_pilot(tmp_path)
    write_team_text(root / "teams/bodo/statusrapport-1.md")
    return root


def change_everything(root: Path) -> None:
    # gathering 2 moves a week; the recipient and a group leader change; the template
    # renames section 3 and gains a section before «Tiltak»
    edit(root / "pilot.yaml", "2020-01-28", "2020-02-04")
    edit(root / "pilot.yaml", 'navn: "Kari Nordmann"', 'navn: "Per Hansen"')
    edit(root / "teams/fauske/team.yaml", "Ola Nordmann", "Siri Berg")
    types = root / "templates" / "types"
    types.mkdir(parents=True, exist_ok=True)
    shipped = (REPO / "src/jobbvinner_cli/templates/types/statusrapport.yaml").read_text("utf-8")
    shipped = shipped.replace(
        "tittel: Kunnskaper fra forrige samling", "tittel: Kunnskap fra samlingen", 1
    ).replace(
        "      - id: tiltak\n",
        "      - id: samarbeid\n        tittel: Samarbeid med tillitsvalgte\n"
        "        veiledning:\n          - Hvordan har dere samarbeidet med de tillitsvalgte?\n"
        "      - id: tiltak\n",
        1,
    )
    (types / "statusrapport.yaml").write_text(shipped, encoding="utf-8")


def test_dry_run_prints_a_diff_and_writes_nothing_then_sync_writes_it(pilot: Path) -> None:
    change_everything(pilot)
    files = sorted(pilot.glob("teams/*/*.md"))
    before = {p: p.read_bytes() for p in files}

    dry = jv("sync", "--dry-run", "--pilot", str(pilot))
    assert dry.exit_code == 0, dry.output
    assert {p: p.read_bytes() for p in files} == before
    assert not (pilot / "teams/bodo/statusrapport-1.md.tmp").exists()
    assert (
        "--- a/teams/bodo/statusrapport-1.md\n+++ b/teams/bodo/statusrapport-1.md\n" in dry.output
    )
    assert "\n-frist: 2020-01-17\n" in dry.output and "\n+frist: 2020-01-24\n" in dry.output
    assert "-## 3. Kunnskaper fra forrige samling\n+## 3. Kunnskap fra samlingen\n" in dry.output
    assert "ingenting er skrevet (--dry-run)." in dry.output

    done = jv("sync", "--pilot", str(pilot))
    assert done.exit_code == 0, done.output
    assert "Endret teams/bodo/statusrapport-1.md\n" in done.output
    assert "  frist: «2020-01-17» → «2020-01-24»\n" in done.output
    assert (
        "  seksjonen «3. Kunnskaper fra forrige samling» heter nå «3. Kunnskap fra samlingen»\n"
        in done.output
    )
    assert (
        "  ny seksjon «5. Samarbeid med tillitsvalgte» med veiledningen fra malen\n" in done.output
    )
    assert "Endret teams/fauske/statusrapport-2.md\n" in done.output
    assert "  gruppeleder: «Ola Nordmann» → «Siri Berg»\n" in done.output

    # what the dry run showed is what was written
    shown = dry.output[: dry.output.index("Vil endre")]
    for path in files:
        after = path.read_text(encoding="utf-8")
        rel = path.relative_to(pilot).as_posix()
        expected = "".join(
            difflib.unified_diff(
                before[path].decode().splitlines(keepends=True),
                after.splitlines(keepends=True),
                f"a/{rel}",
                f"b/{rel}",
            )
        )
        assert expected in shown
        # every line of the team's own text is there, unchanged and in order
        assert team_lines(after)[: len(team_lines(before[path].decode()))] == [
            line for line in team_lines(after) if line in team_lines(before[path].decode())
        ]
        assert all(line in after.split("\n") for line in team_lines(before[path].decode()))

    text = (pilot / "teams/bodo/statusrapport-1.md").read_text(encoding="utf-8")
    for heading, own in TEAM_TEXT.items():
        new_heading = heading.replace("5. Tiltak", "6. Tiltak")
        assert f"## {new_heading}\n\n{own}" in text
    assert (
        "*For perioden 15. oktober 2019 til 4. februar 2020. Sendes til prosjektgruppa v/ "
        "Per Hansen (kari@example.no) innen 24. januar 2020.*" in text
    )
    assert re.findall(r"^## (.+)$", text, re.M)[3:6] == [
        "4. Kommunens bemannings- og kompetanseplan",
        "5. Samarbeid med tillitsvalgte",
        "6. Tiltak",
    ]
    assert (
        "## 5. Samarbeid med tillitsvalgte\n\n> **Veiledning:** Erstatt veiledningen med "
        "teamets tekst.\n>\n> - Hvordan har dere samarbeidet med de tillitsvalgte?\n\n## 6. Tiltak"
        in text
    )

    # only jv's lines changed
    for line in changed_lines(before[pilot / "teams/bodo/statusrapport-1.md"].decode(), text):
        assert re.match(
            r"^[+-](  (fra|til): |frist: |sendes_til: |## |\*For perioden |> |>$|$)", line
        ), line

    again = jv("sync", "--pilot", str(pilot))
    assert again.exit_code == 0
    assert again.output == "Alle 6 dokumentene er à jour.\n"
    check = jv("check", "--pilot", str(pilot), "--today", "2019-10-20")
    assert "JV20" not in check.output and "JV403" not in check.output, check.output


def test_a_derived_field_edited_by_hand_is_reported_not_overwritten(pilot: Path) -> None:
    doc = pilot / "teams/fauske/statusrapport-1.md"
    edit(doc, "frist: 2020-01-17", "frist: 2020-01-20")
    edit(pilot / "pilot.yaml", "2020-01-28", "2020-02-04")

    result = jv("sync", "--pilot", str(pilot))
    assert result.exit_code == 0
    assert (
        "Advarsel: teams/fauske/statusrapport-1.md: feltet «frist» er endret for hånd (jv skrev "
        "«2020-01-17»): står «2020-01-20», ny verdi ville vært «2020-01-24». Ikke endret; bruk "
        "--force for å overskrive.\n" in result.output
    )
    assert "frist: 2020-01-20\n" in doc.read_text(encoding="utf-8")
    assert "  til: 2020-02-04\n" in doc.read_text(encoding="utf-8")  # the rest is updated

    forced = jv("sync", "--force", "--pilot", str(pilot))
    assert "  frist: «2020-01-20» → «2020-01-24» (overskrevet)\n" in forced.output
    assert "frist: 2020-01-24\n" in doc.read_text(encoding="utf-8")


def test_sync_of_one_team_leaves_the_others(pilot: Path) -> None:
    edit(pilot / "pilot.yaml", 'navn: "Kari Nordmann"', 'navn: "Per Hansen"')
    before = (pilot / "teams/bodo/statusrapport-1.md").read_bytes()
    result = jv("sync", "--team", "fauske", "--pilot", str(pilot))
    assert result.exit_code == 0
    assert "teams/bodo" not in result.output
    assert "Endret teams/fauske/hovedplan.md\n" in result.output
    assert (pilot / "teams/bodo/statusrapport-1.md").read_bytes() == before
    unknown = jv("sync", "--team", "tromso", "--pilot", str(pilot))
    assert unknown.exit_code == 2
    assert "Fant ikke teamet «tromso»" in unknown.output


def test_crlf_and_a_broken_document(pilot: Path) -> None:
    doc = pilot / "teams/bodo/statusrapport-2.md"
    doc.write_bytes(doc.read_bytes().replace(b"\n", b"\r\n"))
    broken = pilot / "teams/fauske/statusrapport-1.md"
    broken.write_text("---\nfrist: [\n---\n\n# Statusrapport\n", encoding="utf-8")
    edit(pilot / "pilot.yaml", 'navn: "Kari Nordmann"', 'navn: "Per Hansen"')

    result = jv("sync", "--pilot", str(pilot))
    assert result.exit_code == 0
    data = doc.read_bytes()
    assert b'sendes_til: "Per Hansen (kari@example.no)"\r\n' in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert "Advarsel: teams/fauske/statusrapport-1.md: kan ikke leses (JV10" in result.output
    assert broken.read_text(encoding="utf-8") == "---\nfrist: [\n---\n\n# Statusrapport\n"


def test_the_effect_goal_written_in_the_hovedplan_is_carried_into_later_documents(
    pilot: Path,
) -> None:
    edit(
        pilot / "teams/bodo/hovedplan.md", 'effektmål: ""', 'effektmål: "Ingen vikarer innen 2021"'
    )
    result = jv("sync", "--team", "bodo", "--pilot", str(pilot))
    assert result.exit_code == 0
    assert "  effektmål: tom → «Ingen vikarer innen 2021»\n" in result.output
    text = (pilot / "teams/bodo/statusrapport-2.md").read_text(encoding="utf-8")
    assert 'effektmål: "Ingen vikarer innen 2021"  # fra hovedplanen\n' in text
    hovedplan = (pilot / "teams/bodo/hovedplan.md").read_text(encoding="utf-8")
    assert 'effektmål: "Ingen vikarer innen 2021"' in hovedplan


def test_without_jvs_note_the_first_committed_version_is_what_jv_wrote(pilot: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.no",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.no"}  # fmt: skip
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "scaffold"]):
        subprocess.run(["git", *args], cwd=pilot, check=True, env={**os.environ, **env})
    (pilot / ".jv/avledet.json").unlink()
    edit(pilot / "pilot.yaml", "2020-01-28", "2020-02-04")

    result = jv("sync", "--pilot", str(pilot))

    assert result.exit_code == 0
    assert "Advarsel" not in result.output
    assert "  frist: «2020-01-17» → «2020-01-24»\n" in result.output
    assert (pilot / ".jv/avledet.json").is_file()


def test_without_any_note_a_differing_value_is_reported_until_forced(pilot: Path) -> None:
    (pilot / ".jv/avledet.json").unlink()
    edit(pilot / "pilot.yaml", "2020-01-28", "2020-02-04")
    doc = pilot / "teams/bodo/statusrapport-1.md"
    before = doc.read_bytes()

    result = jv("sync", "--pilot", str(pilot))

    assert (
        "Advarsel: teams/bodo/statusrapport-1.md: feltet «frist» kan være endret for hånd (jv "
        "har ikke notert hva som ble skrevet da dokumentet ble laget): står «2020-01-17», ny "
        "verdi ville vært «2020-01-24». Ikke endret; bruk --force for å overskrive.\n"
    ) in result.output
    assert doc.read_bytes() == before
    forced = jv("sync", "--force", "--pilot", str(pilot))
    assert forced.exit_code == 0, forced.output
    text = doc.read_text(encoding="utf-8")
    assert "frist: 2020-01-24\n" in text
    assert "til 4. februar 2020. Sendes til prosjektgruppa v/ Kari Nordmann" in text


def test_a_field_and_a_line_the_template_gained_are_added(tmp_path: Path) -> None:
    root = make_pilot(tmp_path)
    templates = root / "templates"
    (templates / "fremdriftsplan.md.j2").write_text(
        '{% extends "_dokument.md.j2" %}\n{% block ingress %}\n*For perioden {{ periode.fra | '
        "dato }} til {{ periode.til | dato }}. Sendes til prosjektgruppa v/ {{ sendes_til }} "
        "innen {{ frist | dato }}.*\n{% endblock %}\n",
        encoding="utf-8",
    )
    assert jv("scaffold", "fremdriftsplan", "--team", "bodo", "--pilot", str(root)).exit_code == 0
    doc = root / "teams/bodo/fremdriftsplan-1.md"
    edit(doc, "## Dato, tid og sted for første arbeidsmøte i egen kommune\n",
         "## Dato, tid og sted for første arbeidsmøte i egen kommune\n\nTirsdag kl. 12.\n")  # fmt: skip
    before = doc.read_text(encoding="utf-8")
    (templates / "fremdriftsplan.md.j2").unlink()  # back to jv's template, which has more

    result = jv("sync", "--team", "bodo", "--pilot", str(root))

    assert result.exit_code == 0, result.output
    assert "Advarsel" not in result.output
    assert '  nytt felt fra malen: gruppeleder: "Ola Nordmann"\n' in result.output
    assert "  ny linje fra malen: «> **Veiledning:** Fremdriftsplanen påbegynnes på slutten" in (
        result.output
    )
    after = doc.read_text(encoding="utf-8")
    assert (
        'levert:  # datoen dokumentet ble sendt, for eksempel 2019-11-06\ngruppeleder: "Ola '
        'Nordmann"\neffektmål: ""  # fra hovedplanen\n---\n' in after
    )
    assert "(fra 1. til 2. samling). Sendes til prosjektgruppa" in after
    assert after.split("## Dato, tid", 1)[1] == before.split("## Dato, tid", 1)[1]
    check = jv("check", "--pilot", str(root), "--today", "2019-10-20", "--format", "json")
    assert '"JV1' not in check.output and '"JV20' not in check.output


def test_a_section_the_team_deleted_or_retitled_is_not_added_again(pilot: Path) -> None:
    doc = pilot / "teams/bodo/statusrapport-2.md"
    text = doc.read_text(encoding="utf-8")
    start = text.index("## 7. Henvendelse")
    end = text.index("## 8. Ny kunnskap")
    text = text[:start] + text[end:]
    text = text.replace(
        "## 3. Kunnskaper fra forrige samling", "## 3. Kunnskaper fra forige samling"
    )
    doc.write_text(text, encoding="utf-8")
    edit(pilot / "pilot.yaml", 'navn: "Kari Nordmann"', 'navn: "Per Hansen"')

    result = jv("sync", "--team", "bodo", "--pilot", str(pilot))

    assert result.exit_code == 0
    assert (
        "Advarsel: teams/bodo/statusrapport-2.md: seksjonen «7. Henvendelse fra prosjektgruppa "
        "eller referansegruppa» er slettet fra dokumentet; jv legger den ikke inn igjen; bruk "
        "--force for å overskrive.\n"
    ) not in result.output  # a deletion is not something --force undoes
    assert (
        "seksjonen «7. Henvendelse fra prosjektgruppa eller referansegruppa» er slettet fra "
        "dokumentet; jv legger den ikke inn igjen" in result.output
    )
    assert (
        "seksjonen «3. Kunnskaper fra forige samling» ligner på «3. Kunnskaper fra forrige "
        "samling» i malen" in result.output
    )
    after = doc.read_text(encoding="utf-8")
    assert after.count("## 7.") == 0 and after.count("## 3.") == 1
    assert after == text.replace("Kari Nordmann (", "Per Hansen (")


def test_a_delivered_document_gets_no_new_section_but_its_headings_follow(pilot: Path) -> None:
    args = ("--team", "fauske", "--nr", "1", "--dato", "2020-01-15", "--pilot", str(pilot))
    assert jv("lever", "statusrapport", *args).exit_code == 0
    change_everything(pilot)

    result = jv("sync", "--team", "fauske", "--pilot", str(pilot))

    assert result.exit_code == 0
    assert (
        "Advarsel: teams/fauske/statusrapport-1.md: dokumentet er levert, så jv legger ikke inn "
        "seksjonene malen har fått («5. Samarbeid med tillitsvalgte}).\n".replace("}", "»")
    ) in result.output
    delivered = (pilot / "teams/fauske/statusrapport-1.md").read_text(encoding="utf-8")
    assert "Samarbeid med tillitsvalgte" not in delivered
    assert "## 3. Kunnskap fra samlingen\n" in delivered
    assert "Samarbeid med tillitsvalgte" in (pilot / "teams/fauske/statusrapport-2.md").read_text(
        encoding="utf-8"
    )

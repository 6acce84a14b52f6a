"""`jv check --format github`: workflow commands escaped as GitHub Actions reads them.

In the message: % → %25, CR → %0D, LF → %0A. In the properties (file, title) also
: → %3A and , → %2C, so a path with a colon or comma cannot end the property early.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pilotkit import TODAY, Pilot

from tests.clikit import jv

# A folder name and a file name with every character that needs escaping in a property.
FOLDER = "Orkdal, 2019: 100%"
NOTE = "notater, del 1: 50%.md"


@pytest.fixture
def odd(pilot: Pilot, tmp_path: Path) -> Path:
    """The clean pilot moved to tmp_path/FOLDER, with a stray NOTE and an odd kommune."""
    root = tmp_path / FOLDER
    shutil.move(pilot.root, root)
    (root / "teams" / "froya" / NOTE).write_text("Notater fra møtet.\n", encoding="utf-8")
    hovedplan = root / "teams" / "froya" / "hovedplan.md"
    text = hovedplan.read_text(encoding="utf-8")
    assert 'kommune: "Frøya"' in text
    # YAML turns \r and \n in a double-quoted value into CR and LF
    hovedplan.write_text(
        text.replace('kommune: "Frøya"', r'kommune: "Frøya 100%\r\nHitra, 50%0A"'),
        encoding="utf-8",
    )
    return root


def annotations(root: Path, workspace: Path) -> list[str]:
    result = jv(
        "check",
        "--pilot",
        str(root),
        "--today",
        TODAY,
        "--format",
        "github",
        env={"GITHUB_WORKSPACE": str(workspace)},
    )
    assert result.exit_code == 0, result.output
    return result.stdout.split("\n")


def test_message_and_properties_are_escaped(odd: Path, tmp_path: Path) -> None:
    lines = annotations(odd, tmp_path)
    assert lines == [
        "::warning file=Orkdal%2C 2019%3A 100%25/teams/froya/hovedplan.md,line=4,"
        "title=JV404 feil-kommune::"
        "Kommunen er «Frøya 100%25%0D%0AHitra, 50%250A», men team.yaml sier «Frøya». "
        'Skriv «kommune: "Frøya"».',
        "::warning file=Orkdal%2C 2019%3A 100%25/teams/froya/notater%2C del 1%3A 50%25.md,"
        "title=JV120 ukjent-fil::"
        "Filen «notater, del 1: 50%25.md» er ikke et dokument jv kjenner, og blir ikke sjekket "
        "eller tatt med i rapporten. Teamdokumentene heter hovedplan.md, fremdriftsplan-N.md, "
        "statusrapport-N.md, sluttrapport.md. Flytt eller slett filen.",
        "jv check: 0 feil, 2 advarsler, 0 merknader i 36 filer.",
        "",
    ]


def test_every_annotation_is_one_line(odd: Path, tmp_path: Path) -> None:
    lines = [line for line in annotations(odd, tmp_path) if line]
    assert all(line.startswith(("::warning ", "jv check: ")) for line in lines), lines
    assert not any("\r" in line for line in lines)


def test_outside_the_workspace_paths_are_relative_to_the_pilot(odd: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    lines = annotations(odd, elsewhere)
    assert lines[0].startswith("::warning file=teams/froya/hovedplan.md,line=4,")
    assert lines[1].startswith("::warning file=teams/froya/notater%2C del 1%3A 50%25.md,")

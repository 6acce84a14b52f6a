"""The report's team parts: withdrawn teams, the teams' sluttrapporter as appendices,
and cells whose text holds the table syntax's own characters.

The example pilot has nine teams; Orkdal and Snillfjord withdrew. Here Orkdal has written
a sluttrapport all the same, so leaving it out is a decision of jv, not a missing file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.behaviour.reportkit import Page, build, read_html
from tests.clikit import copy_example, edit, set_field

COMPLETED = ["Frøya", "Hemne", "Hitra", "Meldal", "Rennebu", "Rindal", "Skaun"]
ALL = ["Frøya", "Hemne", "Hitra", "Meldal", "Orkdal", "Rennebu", "Rindal", "Skaun", "Snillfjord"]
RESULTS = "Effektmål, tiltak og resultater per team"
FURTHER = "Teamenes videre oppgaver"
PARTICIPANTS = "Deltakende kommuner"
TEMPLATES = [
    "Vedlegg 1: Prosjektplan",
    "Vedlegg 2: Mal for hovedplan",
    "Vedlegg 3: Mal for fremdriftsplan",
    "Vedlegg 4: Mal for statusrapport",
    "Vedlegg 5: Mal for sluttrapport",
]
ORKDAL_ONLY = "Orkdal oppsummerer arbeidet fram til teamet trakk seg"
RINDAL_ONLY = "Rindal oppsummerer arbeidet i hele perioden"


@pytest.fixture(scope="module")
def orkdal_reported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("teams") / "pilot")
    skaun = (root / "teams" / "skaun" / "sluttrapport.md").read_text(encoding="utf-8")
    orkdal = root / "teams" / "orkdal" / "sluttrapport.md"
    orkdal.write_text(
        skaun.replace("team: skaun", "team: orkdal").replace(
            'kommune: "Skaun"', 'kommune: "Orkdal"'
        ),
        encoding="utf-8",
    )
    for slug, sentence in (("orkdal", ORKDAL_ONLY), ("rindal", RINDAL_ONLY)):
        path = root / "teams" / slug / "sluttrapport.md"
        text = path.read_text(encoding="utf-8")
        heading = re.search(r"^## 1\. .*$", text, re.M)
        assert heading is not None
        path.write_text(
            text.replace(heading.group(0), f"{heading.group(0)}\n\n{sentence}."), encoding="utf-8"
        )
    return root


@pytest.fixture(scope="module")
def plain(orkdal_reported: Path) -> Page:
    return read_html(build(orkdal_reported, orkdal_reported.parent / "plain.html"))


@pytest.fixture(scope="module")
def with_reports(orkdal_reported: Path) -> Page:
    path = orkdal_reported.parent / "full.html"
    return read_html(build(orkdal_reported, path, "--include-team-reports"))


def appendices(page: Page) -> list[str]:
    return [text for level, text in page.headings if level == 2 and text.startswith("Vedlegg ")]


def test_withdrawn_teams_are_left_out_of_the_results(plain: Page) -> None:
    results = plain.table(RESULTS)
    assert results.header == ["Kommune", "Effektmål (fra hovedplanen)", "Tiltak", "Resultater"]
    assert results.column() == COMPLETED
    assert results.row("Frøya")[1] == "Faglig forsvarlige tjenester uten bruk av vikarbyrå"
    assert "Tett lederoppfølging" in results.row("Frøya")[2].split("\n")
    assert plain.table(FURTHER).column() == COMPLETED


def test_withdrawn_teams_are_named_among_the_participants(plain: Page) -> None:
    participants = plain.table(PARTICIPANTS)
    assert participants.header == ["Kommune", "Gruppeleder", "Deltakelse", "Grunn"]
    assert participants.column() == ALL
    assert participants.row("Snillfjord") == [
        "Snillfjord",
        "Ingrid Ståvik",
        "Trakk seg 18. april 2018",
        "Teamet meldte at det ikke var tilstrekkelig motivasjon og kapasitet i teamet til å "
        "fortsette arbeidet.",
    ]
    assert participants.row("Orkdal")[2] == "Trakk seg 10. oktober 2018"
    assert {participants.row(k)[2] for k in COMPLETED} == {"Fullførte"}
    assert "9 kommuner startet i utviklingsverkstedet, og 7 fullførte." in plain.text


def test_without_the_option_no_team_report_is_appended(plain: Page) -> None:
    assert appendices(plain) == TEMPLATES
    assert RINDAL_ONLY not in plain.text


def test_the_option_appends_the_completed_teams_reports(with_reports: Page) -> None:
    assert appendices(with_reports) == TEMPLATES + [
        f"Vedlegg {number}: Sluttrapport fra {kommune}"
        for number, kommune in enumerate(COMPLETED, len(TEMPLATES) + 1)
    ]
    assert RINDAL_ONLY in with_reports.text
    assert ORKDAL_ONLY not in with_reports.text
    # the teams' headings are pushed below the appendix heading
    level_3 = [text for level, text in with_reports.headings if level == 3]
    assert (
        level_3.count("1. Kommunens største utfordringer slik de ble beskrevet i hovedplanen") == 7
    )


# --- the table syntax's own characters in the cells -------------------------------------------

PIPE_KOMMUNE = "Frøya|Sula"
PIPE_GOAL = "Færre vikarer | flere fagfolk | 100 % besatt"
PIPE_MEASURE = "Mentor | fadder for alle nye"
PIPE_THEME = "Rekruttering | profilering"
PIPE_ROLE = "Leder | SiO"
LONG_KOMMUNE = "Aurskog-Høland"


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> Page:
    """Frøya with «|» in its name, effektmål and a tiltak; Hemne renamed to a long name."""
    root = copy_example(tmp_path_factory.mktemp("odd") / "pilot")
    teams = root / "teams"
    set_field(teams / "froya" / "team.yaml", "kommune", f'"{PIPE_KOMMUNE}"')
    set_field(teams / "hemne" / "team.yaml", "kommune", f'"{LONG_KOMMUNE}"')
    for slug, kommune in (("froya", PIPE_KOMMUNE), ("hemne", LONG_KOMMUNE)):
        for path in (teams / slug).glob("*.md"):
            set_field(path, "kommune", f'"{kommune}"')
    for path in (teams / "froya").glob("*.md"):
        set_field(path, "effektmål", f'"{PIPE_GOAL}"')
    edit(teams / "froya" / "sluttrapport.md", "- Tett lederoppfølging", f"- {PIPE_MEASURE}")
    edit(root / "pilot.yaml", "tema: Profilering og heltidskultur", f"tema: {PIPE_THEME}")
    edit(
        root / "pilot.yaml",
        "stilling: Leder for Samhandlingsreformen i Orkdalsregionen (SiO)",
        f'stilling: "{PIPE_ROLE}"',
    )
    return read_html(build(root, root.parent / "odd.html"))


def test_pipes_in_cells_keep_every_table_whole(odd: Page) -> None:
    for table in odd.tables:
        widths = {len(row) for row in table.rows}
        assert widths == {len(table.header)}, table.caption
    results = odd.table(RESULTS)
    assert len(results.rows) == len(COMPLETED)
    assert results.row(PIPE_KOMMUNE)[1] == PIPE_GOAL
    assert PIPE_MEASURE in results.row(PIPE_KOMMUNE)[2].split("\n")
    assert odd.table(PARTICIPANTS).row(PIPE_KOMMUNE)[2] == "Fullførte"
    assert odd.table(FURTHER).row(PIPE_KOMMUNE)
    hours = odd.table("Timer brukt mellom samlingene")
    assert hours.row(PIPE_KOMMUNE) == [PIPE_KOMMUNE, "6", "8", "12", "9", "14", "49"]
    assert odd.table("Samlingene i utviklingsverkstedet").rows[4][3] == PIPE_THEME
    assert odd.table("Styringsgruppa").rows[0][1] == PIPE_ROLE


def test_a_long_name_is_whole_in_the_participants_table(odd: Page) -> None:
    assert odd.table(PARTICIPANTS).row(LONG_KOMMUNE)[2] == "Fullførte"


def test_a_long_name_is_whole_in_the_results_table(odd: Page) -> None:
    assert LONG_KOMMUNE in odd.table(RESULTS).column()

"""A pilot as Salten's went (seeds/004): gathering 3 cancelled and replaced by a webinar,
the last gathering not dated yet, a team withdrawing, exemptions pilot-wide and per team.

Gatherings: 1) 2019-10-15 Bodø, 2) 2020-01-21 Fauske, 3) Gildeskål, spring 2020, cancelled
(no date), replaced by a webinar on 2020-06-11, 4) Bodø, not dated yet.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pilotkit import fill_body, fill_fields

from tests.behaviour.reportkit import read_html
from tests.clikit import jv

GATHERINGS = """samlinger:
  - nr: 1
    dato: 2019-10-15
    vertskommune: Bodø
    tema: Ledelse
    status: gjennomført
  - nr: 2
    dato: 2020-01-21
    vertskommune: Fauske
    tema: Ledelse og rekruttering
    status: gjennomført
  - nr: 3
    vertskommune: Gildeskål
    tema: Medisinsk avstandsoppfølging
    status: avlyst
  - erstatter: 3
    dato: 2020-06-11
    sted: Teams
    tema: Medisinsk avstandsoppfølging (webinar)
    status: digital
  - nr: 4
    vertskommune: Bodø
    tema: Fagutvikling i kommunene
    status: planlagt
"""
TEAMS = {"bodo": "Bodø", "fauske": "Fauske", "steigen": "Steigen"}
# what each team has delivered, and when
DELIVERED = {
    "hovedplan": "2019-11-05",
    "fremdriftsplan-1": "2019-11-06",
    "statusrapport-1": "2020-01-10",
    "fremdriftsplan-2": "2020-02-12",
}


UNDATED_4 = (
    "JV603",
    "pilot.yaml",
    "Samling 4 har ingen dato ennå. Dokumentene som regnes fra den, står med «frist ikke "
    "fastsatt» til du fyller inn dato: ÅÅÅÅ-MM-DD.",
)


NO_DUE_DATE = {
    (
        "JV308",
        f"teams/{slug}/sluttrapport.md",
        "Sluttrapport har ingen frist ennå: samling 4 har ingen dato. Fyll inn datoen i "
        "pilot.yaml, så får dokumentet frist.",
    )
    for slug in ("bodo", "fauske")  # Steigen has withdrawn
}


def pilot_yaml(root: Path) -> Path:
    return root / "pilot.yaml"


def replace(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M | re.S)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(changed, encoding="utf-8")


def scaffold(root: Path, slug: str, doc_id: str) -> Path:
    name, _, nr = doc_id.partition("-")
    path = root / "teams" / slug / f"{doc_id}.md"
    if not path.exists():
        extra = ["--nr", nr] if nr else []
        result = jv("scaffold", name, "--team", slug, *extra, "--pilot", str(root))
        assert result.exit_code == 0, result.output
    return path


def deliver(path: Path, kommune: str, day: str | None) -> None:
    path.write_text(
        fill_body(fill_fields(path.read_text(encoding="utf-8"), day), kommune), encoding="utf-8"
    )


def team_yaml(kommune: str, extra: str = "") -> str:
    return (
        f'kommune: "{kommune}"\ngruppeleder: "Kari Nordmann"\nmedlemmer:\n'
        '  - {navn: "Kari Nordmann", leder: true}\n  - {navn: "Ola Nordmann", tillitsvalgt: true}\n'
        '  - {navn: "Eva Hansen"}\n  - {navn: "Per Olsen"}\n' + extra
    )


@pytest.fixture
def salten(tmp_path: Path) -> Path:
    root = tmp_path / "salten"
    args = ["init", str(root), "--name", "Jobbvinner Salten", "--region", "Salten", "--no-git"]
    args += ["--samlinger", "4", "--prosjektleder", "Per Hansen", "--epost", "per@ks.no"]
    assert jv(*args).exit_code == 0
    replace(pilot_yaml(root), r"^samlinger:\n.*?\n(?=\n# Malvariant)", GATHERINGS)
    replace(
        pilot_yaml(root),
        r"^  fritak: \{\}",
        '  fritak:\n    fremdriftsplan-3: "Samling 3 ble avlyst; webinaret ga ingen ny periode"',
    )
    for kommune in TEAMS.values():
        assert jv("new-team", kommune, "--pilot", str(root)).exit_code == 0
    (root / "teams" / "bodo" / "team.yaml").write_text(team_yaml("Bodø"), encoding="utf-8")
    (root / "teams" / "fauske" / "team.yaml").write_text(
        team_yaml(
            "Fauske",
            "frister:\n  fremdriftsplan-2: 2020-02-28\n"
            'fritak:\n  statusrapport-2: "Koronautbrudd i kommunen våren 2020"\n',
        ),
        encoding="utf-8",
    )
    (root / "teams" / "steigen" / "team.yaml").write_text(
        team_yaml(
            "Steigen",
            "status: trukket\ntrukket: {dato: 2020-03-15, grunn: Ekstra oppgaver med covid-19}\n",
        ),
        encoding="utf-8",
    )
    for slug, kommune in TEAMS.items():
        for doc_id, day in DELIVERED.items():
            own = "2020-02-27" if (slug, doc_id) == ("fauske", "fremdriftsplan-2") else day
            deliver(scaffold(root, slug, doc_id), kommune, own)
    deliver(scaffold(root, "bodo", "statusrapport-2"), "Bodø", "2020-06-02")
    deliver(scaffold(root, "bodo", "fremdriftsplan-3"), "Bodø", None)  # begun, though excused
    return root


def types_lines(root: Path, *extra: str) -> list[str]:
    result = jv("types", "--pilot", str(root), *extra)
    assert result.exit_code == 0, result.output
    return [line.strip() for line in result.stdout.splitlines() if not line.startswith("    ##")]


def check(root: Path, today: str) -> tuple[int, list[dict[str, Any]]]:
    result = jv("check", "--pilot", str(root), "--format", "json", "--today", today)
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def deadline_findings(root: Path, today: str) -> set[tuple[str, str, str]]:
    """(code, path, message) of the deadline rules and the gathering rules."""
    _, diagnostics = check(root, today)
    return {
        (d["code"], d["path"], d["message"])
        for d in diagnostics
        if d["code"].startswith(("JV3", "JV60", "JV407"))
    }


def status(root: Path, today: str) -> dict[str, dict[str, dict[str, Any]]]:
    result = jv("status", "--pilot", str(root), "--format", "json", "--today", today)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return {t["team"]: {d["document"]: d for d in t["documents"]} for t in data["teams"]}


def test_types_shows_the_gatherings_as_they_went_and_the_periods_that_follow(
    salten: Path,
) -> None:
    lines = types_lines(salten)
    assert lines[:7] == [
        "Samlinger",
        "1. samling: 15. oktober 2019, Bodø (gjennomført)",
        "2. samling: 21. januar 2020, Fauske (gjennomført)",
        "3. samling: avlyst, erstattet av webinar 11. juni 2020",
        "4. samling: dato ikke fastsatt, Bodø (planlagt)",
        "Perioder: 1.–2., 2.–3., 3.–4.",
        "hovedplan – Hovedplan (orkdal, maks 3 sider)",
    ]
    assert [
        line for line in lines if line.startswith(("Fremdriftsplan", "Statusrapport", "Slutt"))
    ] == [
        "Fremdriftsplan 1: 1.–2. samling, frist 6. november 2019",
        "Fremdriftsplan 2: 2.–3. samling, frist 12. februar 2020",
        "Fremdriftsplan 3: 3.–4. samling, frist 3. juli 2020; fritatt for alle team: Samling 3 "
        "ble avlyst; webinaret ga ingen ny periode",
        "Statusrapport 1: 1.–2. samling, frist 10. januar 2020",
        "Statusrapport 2: 2.–3. samling, frist 29. mai 2020",  # before the webinar
        "Statusrapport 3: ikke i planen: Statusrapport 3 skulle dekke perioden frem til siste "
        "samling, og der erstattes den av sluttrapporten",
        "Sluttrapport: 1.–4. samling, frist ikke fastsatt (samling 4 har ingen dato ennå)",
    ]


def test_types_for_one_team_shows_its_own_deadlines_exemptions_and_withdrawal(
    salten: Path,
) -> None:
    fauske = types_lines(salten, "--team", "fauske")
    assert "Team: Fauske (teams/fauske)" in fauske
    assert "Egen frist: fremdriftsplan-2 28. februar 2020" in fauske
    assert "Fritatt: statusrapport-2 (Koronautbrudd i kommunen våren 2020)" in fauske
    assert "Fremdriftsplan 2: 2.–3. samling, frist 28. februar 2020 (teamets egen frist)" in fauske
    assert (
        "Statusrapport 2: 2.–3. samling, frist 29. mai 2020; fritatt: Koronautbrudd i kommunen "
        "våren 2020" in fauske
    )
    assert not any(line.startswith("prosjektplan") for line in fauske)
    steigen = types_lines(salten, "--team", "steigen")
    assert "Trakk seg 15. mars 2020: Ekstra oppgaver med covid-19." in steigen
    assert (
        "Statusrapport 2: 2.–3. samling, frist 29. mai 2020; skyldes ikke (teamet trakk seg "
        "15. mars 2020)" in steigen
    )
    result = jv("types", "--pilot", str(salten), "--team", "saltdal")
    assert result.exit_code == 2
    assert "Fant ikke teamet «saltdal»" in result.output


def test_check_reports_exactly_the_real_problems(salten: Path) -> None:
    # before the webinar: statusrapport 2 is not due; nothing is wrong; gathering 4 is undated,
    # so the sluttrapport has no due date (an info for each team that owes it)
    assert deadline_findings(salten, "2020-05-01") == {UNDATED_4, *NO_DUE_DATE}
    # after the webinar: Fauske is excused, Steigen has withdrawn, Bodø was late; the
    # sluttrapport waits for gathering 4's date (an info per team that owes it)
    code, diagnostics = check(salten, "2020-07-10")
    found = {
        (d["code"], d["path"], d["message"]) for d in diagnostics if d["code"][:3] in ("JV3", "JV6")
    }
    assert found == {
        (
            "JV303",
            "teams/bodo/statusrapport-2.md",
            "Statusrapport 2 ble levert 2. juni 2020, 4 dager etter fristen 29. mai 2020.",
        ),
        UNDATED_4,
        *NO_DUE_DATE,
    }
    assert code == 0


def test_a_past_gathering_still_planned_is_a_warning(salten: Path) -> None:
    replace(pilot_yaml(salten), r"^  - nr: 4\n", "  - nr: 4\n    dato: 2020-10-20\n")
    found = deadline_findings(salten, "2020-10-25")
    assert (
        "JV605",
        "pilot.yaml",
        "Samling 4 var 20. oktober 2020, men står fortsatt som planlagt. Skriv «status: "
        "gjennomført» (eller digital eller avlyst).",
    ) in found
    # the sluttrapport now has a due date: 11 days before, a Friday
    assert (
        "JV301",
        "teams/bodo/sluttrapport.md",
        "Sluttrapport mangler: fristen var 9. oktober 2020, for 16 dager siden. Lag den med "
        "«jv scaffold sluttrapport --team bodo», skriv den og lever den.",
    ) in found


def test_status_shows_excused_undated_and_each_document_as_it_stood(salten: Path) -> None:
    now = status(salten, "2020-07-10")
    assert now["fauske"]["statusrapport-2"]["state"] == "excused"
    assert now["fauske"]["statusrapport-2"]["excused"] == "Koronautbrudd i kommunen våren 2020"
    assert now["bodo"]["fremdriftsplan-3"]["state"] == "excused"
    assert now["bodo"]["sluttrapport"]["state"] == "undated"
    assert now["bodo"]["sluttrapport"]["due"] is None
    assert now["steigen"]["statusrapport-2"]["state"] == "not_owed"
    assert now["bodo"]["statusrapport-2"]["state"] == "late"
    # as it stood on 25 May 2020: not due yet, though delivered later (not a draft)
    before = status(salten, "2020-05-25")
    assert before["bodo"]["statusrapport-2"]["state"] == "not_due"
    assert before["bodo"]["statusrapport-2"]["delivered_later"] == "2020-06-02"
    # on 1 June 2020: due, delivered the day after: overdue then
    then = status(salten, "2020-06-01")
    assert then["bodo"]["statusrapport-2"]["state"] == "overdue"
    code, diagnostics = check(salten, "2020-06-01")
    assert code == 1
    assert [d["message"] for d in diagnostics if d["path"] == "teams/bodo/statusrapport-2.md"] == [
        "Statusrapport 2 var ikke levert 1. juni 2020: fristen var 29. mai 2020, for 3 dager "
        "siden. Den ble levert senere, 2. juni 2020."
    ]
    text = jv("status", "--pilot", str(salten), "--today", "2020-07-10").stdout
    assert (
        "Fritatt: fremdriftsplan-3 for alle team: Samling 3 ble avlyst; webinaret ga ingen ny "
        "periode." in text
    )
    assert "Fritatt: statusrapport-2 for Fauske: Koronautbrudd i kommunen våren 2020." in text
    assert "Frist ikke fastsatt: sluttrapport" in text


def test_a_cancelled_gathering_nobody_replaced_starts_and_ends_no_period(salten: Path) -> None:
    replace(pilot_yaml(salten), r"^  - erstatter: 3\n.*?status: digital\n", "")
    replace(pilot_yaml(salten), r"^  - nr: 4\n", "  - nr: 4\n    dato: 2020-10-20\n")
    lines = types_lines(salten)
    assert "3. samling: avlyst" in lines
    assert "Perioder: 1.–2., 2.–4." in lines
    assert [
        line for line in lines if line.startswith(("Fremdriftsplan", "Statusrapport", "Slutt"))
    ] == [
        "Fremdriftsplan 1: 1.–2. samling, frist 6. november 2019",
        "Fremdriftsplan 2: 2.–4. samling, frist 12. februar 2020",
        "Fremdriftsplan 3: ikke i planen: Fremdriftsplan 3 skulle gjelde fra samling 3, men "
        "samling 3 er avlyst",
        "Statusrapport 1: 1.–2. samling, frist 10. januar 2020",
        "Statusrapport 2: ikke i planen: Statusrapport 2 skulle dekke perioden frem til siste "
        "samling, og der erstattes den av sluttrapporten",
        "Statusrapport 3: ikke i planen: Statusrapport 3 skulle gjelde fra samling 3, men "
        "samling 3 er avlyst",
        "Sluttrapport: 1.–4. samling, frist 9. oktober 2020",
    ]
    # Bodø's statusrapport 2 and fremdriftsplan 3, written before, are kept and owed by nobody
    _, diagnostics = check(salten, "2020-10-25")
    schedule = [d for d in diagnostics if not d["code"].startswith("JV95")]  # rapport/
    assert {(d["code"], d["path"]) for d in schedule} == (
        {("JV301", f"teams/{slug}/sluttrapport.md") for slug in ("bodo", "fauske")}
        | {("JV605", "pilot.yaml")}
        # fremdriftsplan 2 now runs to gathering 4: the period the files state is out of date
        | {("JV402", f"teams/{slug}/fremdriftsplan-2.md") for slug in TEAMS}
    )
    status = jv("status", "--pilot", str(salten), "--format", "json", "--today", "2020-10-25")
    columns = [d["document"] for d in json.loads(status.stdout)["documents"]]
    assert "statusrapport-2" not in columns and "fremdriftsplan-3" not in columns


def test_the_report_prints_the_gatherings_as_they_went_and_names_the_exemptions(
    salten: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.html"
    args = ["--pilot", str(salten), "-o", str(out), "--today", "2020-07-10", "--draft"]
    result = jv("build-report", *args)
    assert result.exit_code == 0, result.output
    page = read_html(out)
    table = page.table("Samlingene i utviklingsverkstedet")
    assert table.column(0) == ["1", "2", "3", "4"]  # the webinar on the row it replaces
    assert table.row("3")[1:4] == [
        "avlyst, erstattet av webinar 11. juni 2020",
        "Teams",
        "Medisinsk avstandsoppfølging (webinar)",
    ]
    assert table.row("4")[1] == "ikke fastsatt"
    text = " ".join(page.text.split())
    assert (
        "Fremdriftsplan 3 ble ikke krevd av noe team: Samling 3 ble avlyst; webinaret ga "
        "ingen ny periode. Fauske ble fritatt for statusrapport 2: Koronautbrudd i kommunen "
        "våren 2020." in text
    )


def test_the_calendar_has_the_webinar_that_replaced_the_cancelled_gathering(
    salten: Path, tmp_path: Path
) -> None:
    import icalendar

    out = tmp_path / "salten.ics"
    result = jv("calendar", "--pilot", str(salten), "-o", str(out))
    assert result.exit_code == 0, result.output
    events = list(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    webinar = [e for e in events if "-erstatning@" in str(e["UID"])]
    assert len(webinar) == 1
    assert webinar[0].decoded("DTSTART").isoformat() == "2020-06-11"
    assert str(webinar[0]["LOCATION"]) == "Teams"
    assert "webinar" in str(webinar[0]["SUMMARY"])
    # the cancelled gathering needs no date; the last one, planned, does
    assert result.output.splitlines()[0] == (
        "Advarsel: Samling 4 har ingen dato ennå og er ikke med i kalenderen; fyll inn "
        "«dato:» for samling 4 i pilot.yaml."
    )
    assert "Samling 3" not in result.output

"""`jv calendar`: the example pilot's gatherings and deadlines, read back by two parsers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import vobject

from tests.clikit import EXAMPLE, copy_example, edit, jv

FIXED = {"SOURCE_DATE_EPOCH": "1575158400"}  # 2019-12-01


def _events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_the_pilot_calendar_holds_every_gathering_and_each_deadline_once(tmp_path: Path) -> None:
    out = tmp_path / "kalender.ics"
    result = jv("calendar", "--pilot", str(EXAMPLE), "-o", str(out), env=FIXED)
    assert result.exit_code == 0, result.output
    events = _events(out)
    gatherings = [e for e in events if str(e["UID"]).startswith("samling-")]
    deadlines = [e for e in events if str(e["UID"]).startswith("frist-")]
    assert len(gatherings) == 6
    # 1 hovedplan, 5 fremdriftsplaner, 4 statusrapporter, 1 sluttrapport; each once
    assert sorted(str(e["SUMMARY"]) for e in deadlines) == sorted(
        ["Frist: Hovedplan", "Frist: Sluttrapport"]
        + [f"Frist: Fremdriftsplan {n}" for n in range(1, 6)]
        + [f"Frist: Statusrapport {n}" for n in range(1, 5)]
    )
    first = gatherings[0]
    assert first.decoded("DTSTART") == dt.date(2017, 11, 10)
    assert first.decoded("DTEND") == dt.date(2017, 11, 11)  # all day: the day after
    assert str(first["LOCATION"]) == "Bårdshaug herregård, Orkanger"
    two_day = next(e for e in gatherings if str(e["UID"]).startswith("samling-4@"))
    assert two_day.decoded("DTEND") == dt.date(2018, 11, 15)
    st2 = next(e for e in deadlines if "Statusrapport 2" in str(e["SUMMARY"]))
    assert st2.decoded("DTSTART") == dt.date(2018, 6, 4)
    assert "Gjelder: Frøya, Hemne, Hitra" in str(st2["DESCRIPTION"])
    assert result.output == f"Skrev {out} (17 hendelser)\n"


def test_an_independent_parser_reads_the_same_events(tmp_path: Path) -> None:
    out = tmp_path / "kalender.ics"
    jv("calendar", "--pilot", str(EXAMPLE), "-o", str(out), env=FIXED)
    parsed = vobject.readOne(out.read_text(encoding="utf-8"))
    events = parsed.contents["vevent"]
    assert len(events) == 17
    uids = [e.uid.value for e in events]
    assert len(set(uids)) == len(uids)
    assert all(e.dtstart.value <= e.dtend.value for e in events)
    assert {e.dtstamp.value.isoformat() for e in events} == {"2019-12-01T00:00:00+00:00"}


def test_a_moved_deadline_keeps_its_uid_and_raises_its_sequence(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    out = tmp_path / "kalender.ics"
    jv("calendar", "--pilot", str(pilot), "-o", str(out), env=FIXED)
    before = {str(e["UID"]): e for e in _events(out)}
    edit(pilot / "pilot.yaml", "  dato: 2018-06-14", "  dato: 2018-06-21")
    result = jv("calendar", "--pilot", str(pilot), "-o", str(out))
    assert result.exit_code == 0, result.output
    after = {str(e["UID"]): e for e in _events(out)}
    assert after.keys() == before.keys()
    moved = [u for u in after if after[u]["SEQUENCE"] != before[u]["SEQUENCE"]]
    # gathering 3 itself, and what is counted from it: the periods and deadlines around it
    assert "samling-3@jobbvinner-orkdalsregionen.jobbvinner.ks.no" in moved
    assert all(after[u]["SEQUENCE"] == 1 for u in moved)
    unchanged = [u for u in after if u not in moved]
    assert unchanged and all(after[u]["DTSTAMP"].dt == before[u]["DTSTAMP"].dt for u in unchanged)


def test_a_team_calendar_has_the_team_deadlines_not_the_excused_ones(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    edit(pilot / "teams" / "hitra" / "team.yaml", "fritak: []", "fritak: [fremdriftsplan-5]")
    edit(
        pilot / "teams" / "hitra" / "team.yaml",
        "frister: {}",
        "frister: {statusrapport-2: 2018-06-11}",
    )
    out = tmp_path / "hitra.ics"
    assert jv("calendar", "--pilot", str(pilot), "--team", "hitra", "-o", str(out)).exit_code == 0
    summaries = {str(e["SUMMARY"]): e for e in _events(out)}
    assert "Frist: Fremdriftsplan 5 (Hitra)" not in summaries
    assert summaries["Frist: Statusrapport 2 (Hitra)"].decoded("DTSTART") == dt.date(2018, 6, 11)
    whole = tmp_path / "alle.ics"
    jv("calendar", "--pilot", str(pilot), "-o", str(whole))
    names = {str(e["SUMMARY"]) for e in _events(whole)}
    assert "Frist: Statusrapport 2 (Hitra)" in names  # its own date, its own event
    st2 = next(e for e in _events(whole) if str(e["SUMMARY"]) == "Frist: Statusrapport 2")
    assert "Hitra" not in str(st2["DESCRIPTION"])


def test_a_cancelled_gathering_is_cancelled_and_an_undated_one_is_named(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    text = (pilot / "pilot.yaml").read_text(encoding="utf-8")
    start = text.index("- nr: 5")
    block = text[start:]
    block = block.replace("  status: gjennomført", "  status: avlyst", 1)
    (pilot / "pilot.yaml").write_text(text[:start] + block, encoding="utf-8")
    edit(pilot / "pilot.yaml", "  dato: 2019-06-04\n", "")
    result = jv("calendar", "--pilot", str(pilot))
    assert result.exit_code == 0
    assert "STATUS:CANCELLED" in result.stdout
    assert "SUMMARY:AVLYST: 5. samling" in result.stdout
    assert "samling-6@" not in result.stdout
    assert result.stderr == (
        "Advarsel: Samling 6 har ingen dato ennå og er ikke med i kalenderen; fyll inn "
        "«dato:» for samling 6 i pilot.yaml.\n"
    )


def test_a_file_jv_did_not_write_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "notater.ics"
    out.write_text("mine notater\n", encoding="utf-8")
    result = jv("calendar", "--pilot", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "mine notater\n"
    assert result.stderr == (
        f"Feil: {out}: Filen finnes allerede og er ikke en kalender jv har laget. "
        "Bruk --force hvis du vil erstatte den (innholdet går da tapt).\n"
    )


def test_times_are_oslo_times_with_the_time_zone_given(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    edit(
        pilot / "pilot.yaml",
        "  dato: 2017-11-10\n",
        '  dato: 2017-11-10\n  fra_kl: "09:30"\n  til_kl: "15:30"\n',
    )
    edit(
        pilot / "pilot.yaml",
        "  til: 2018-11-14\n",
        '  til: 2018-11-14\n  fra_kl: "11:00"\n  til_kl: "13:00"\n',
    )
    out = tmp_path / "kalender.ics"
    assert jv("calendar", "--pilot", str(pilot), "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Oslo:20171110T093000" in text
    assert "DTEND;TZID=Europe/Oslo:20171110T153000" in text
    assert "DTSTART;TZID=Europe/Oslo:20181113T110000" in text
    assert "DTEND;TZID=Europe/Oslo:20181114T130000" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Oslo" in text
    first = vobject.readOne(text).contents["vevent"][0]
    assert first.dtstart.value.utcoffset() == dt.timedelta(hours=1)  # CET in November


def test_a_measures_pilot_has_its_events_in_the_calendar(tmp_path: Path) -> None:
    hedmark = EXAMPLE.parent / "pilot-hedmark"
    out = tmp_path / "hedmark.ics"
    assert jv("calendar", "--pilot", str(hedmark), "-o", str(out)).exit_code == 0
    events = {str(e["UID"]).split("@")[0]: e for e in _events(out)}
    assert len(events) == 13
    trysil = events["hendelse-workshop-1"]
    assert str(trysil["SUMMARY"]) == "Workshop: Workshop om rekruttering"
    assert trysil.decoded("DTSTART") == dt.date(2018, 4, 4)
    assert str(trysil["LOCATION"]) == "Kommunestyresalen, Trysil"
    assert "Deltakere: 80" in str(trysil["DESCRIPTION"])
    assert str(events["hendelse-milepael-2"]["SUMMARY"]) == "Milepæl: Veilederutdanningen fullført"

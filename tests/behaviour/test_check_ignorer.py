"""`ignorer:` in pilot.yaml silences a rule for the paths matching a pattern, and nowhere else."""

from __future__ import annotations

import pytest
from pilotkit import Pilot

FROYA = "teams/froya/hovedplan.md"
HITRA = "teams/hitra/hovedplan.md"
PHONE = "teams/froya/statusrapport-1.md"

BOM_FROYA = ("JV103", FROYA)
BOM_HITRA = ("JV103", HITRA)
PHONE_FROYA = ("JV502", PHONE)


def add_findings(pilot: Pilot) -> None:
    """Two BOM warnings (JV103), one per team, and a phone number (JV502) in Frøya's report."""
    for rel in (FROYA, HITRA):
        pilot.path(rel).write_bytes(b"\xef\xbb\xbf" + pilot.path(rel).read_bytes())
    pilot.write(PHONE, pilot.read(PHONE) + "\nRing gruppelederen på 912 34 567.\n")


def ignore(pilot: Pilot, *entries: str) -> None:
    pilot.write("pilot.yaml", pilot.read("pilot.yaml") + "ignorer:\n" + "".join(entries))


def findings(pilot: Pilot, *args: str) -> set[tuple[str, str]]:
    return {(code, path) for code, path, _line, _severity in pilot.found(*args)}


def test_without_ignorer_every_finding_is_reported(pilot: Pilot) -> None:
    add_findings(pilot)
    assert findings(pilot) == {BOM_FROYA, BOM_HITRA, PHONE_FROYA}


@pytest.mark.parametrize(
    ("entry", "left"),
    [
        # a folder pattern: only Frøya's BOM goes, Hitra's stays, and so does Frøya's JV502
        ('  - {sti: "teams/froya/*", kode: JV103}\n', {BOM_HITRA, PHONE_FROYA}),
        # one file, as written, with a leading ./, or with the code in lower case
        (f"  - {{sti: {FROYA}, kode: JV103}}\n", {BOM_HITRA, PHONE_FROYA}),
        (f'  - {{sti: "./{FROYA}", kode: JV103}}\n', {BOM_HITRA, PHONE_FROYA}),
        (f"  - {{sti: {FROYA}, kode: jv103}}\n", {BOM_HITRA, PHONE_FROYA}),
        # a code pattern for one folder: both of Frøya's findings go, Hitra's stays
        ('  - {sti: "teams/froya/*", kode: "JV*"}\n', {BOM_HITRA}),
        # no path: the rule is off for the whole pilot
        ("  - {kode: JV103}\n", {PHONE_FROYA}),
        ('  - {sti: "*", kode: JV103}\n', {PHONE_FROYA}),
        # the path matches, the code does not; the code matches, the path does not
        ('  - {sti: "teams/froya/*", kode: JV201}\n', {BOM_FROYA, BOM_HITRA, PHONE_FROYA}),
        ('  - {sti: "teams/skaun/*", kode: JV103}\n', {BOM_FROYA, BOM_HITRA, PHONE_FROYA}),
        # the pattern is for the whole path, not a part of it
        ('  - {sti: "froya/*", kode: JV103}\n', {BOM_FROYA, BOM_HITRA, PHONE_FROYA}),
    ],
)
def test_an_entry_silences_its_code_on_its_paths(
    pilot: Pilot, entry: str, left: set[tuple[str, str]]
) -> None:
    add_findings(pilot)
    ignore(pilot, entry)
    assert findings(pilot) == left


def test_several_entries_add_up(pilot: Pilot) -> None:
    add_findings(pilot)
    ignore(
        pilot,
        f"  - {{sti: {FROYA}, kode: JV103}}\n",
        f"  - {{sti: {PHONE}, kode: JV502}}\n",
    )
    assert findings(pilot) == {BOM_HITRA}


def test_ignored_findings_do_not_count_for_the_exit_code(pilot: Pilot) -> None:
    add_findings(pilot)
    assert pilot.check("--strict")[0] == 1
    ignore(pilot, '  - {sti: "teams/*", kode: JV103}\n', "  - {kode: JV502}\n")
    code, diagnostics, data = pilot.check("--strict")
    assert (code, diagnostics) == (0, [])
    assert data["summary"]["warnings"] == 0


def test_ignorer_and_the_ignore_option_work_together(pilot: Pilot) -> None:
    add_findings(pilot)
    ignore(pilot, '  - {sti: "teams/froya/*", kode: JV103}\n')
    assert findings(pilot, "--ignore", "JV502") == {BOM_HITRA}


def test_an_unknown_code_in_ignorer_is_reported_at_its_line(pilot: Pilot) -> None:
    ignore(pilot, '  - {sti: "teams/froya/*", kode: JV9999}\n')
    line = pilot.line_of("pilot.yaml", "JV9999")
    _, diagnostics, _ = pilot.check()
    assert [(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics] == [
        ("JV604", "pilot.yaml", line, "warning")
    ]
    assert "JV9999" in diagnostics[0]["message"]

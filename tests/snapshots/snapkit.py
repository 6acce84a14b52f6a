"""The broken copy of the example pilot, and making outputs comparable across machines."""

from __future__ import annotations

import re
from pathlib import Path

from tests.clikit import edit, set_field

# The example pilot has warnings only (exit code 0 from jv check); the broken copy has errors.
CHECK_EXIT = {"example": 0, "broken": 1}

# What break_pilot does to the example, each change causing one finding.
BROKEN = """\
teams/froya/statusrapport-2.md    section «3. Kunnskaper fra forrige samling» removed
teams/hitra/statusrapport-1.md    levert: 2018-02-30 (no such day)
teams/meldal/hovedplan.md         team: hitra (the file lies in teams/meldal)
teams/skaun/fremdriftsplan-1.md   unknown front matter key «ansvarlig»
teams/rindal/sluttrapport.md      starts with a UTF-8 byte order mark
teams/hemne/statusrapport-3.md    delivered 2018-11-20, 17 days after its deadline
teams/hemne/fremdriftsplan-5.md   deleted (missing and overdue)
teams/froya/fremdriftsplan-1.md   a phone number in the text
pilot.yaml                        ignorer: Rennebu's late deliveries (JV303), and a bad code
"""


def break_pilot(example: Path) -> Path:
    """Make the mistakes listed in BROKEN in a copy of the example pilot."""
    teams = example / "teams"
    report = teams / "froya" / "statusrapport-2.md"
    text = report.read_text(encoding="utf-8")
    start = text.index("## 3. Kunnskaper fra forrige samling")
    end = text.index("## 4. ", start)
    report.write_text(text[:start] + text[end:], encoding="utf-8")
    set_field(teams / "hitra" / "statusrapport-1.md", "levert", "2018-02-30")
    set_field(teams / "meldal" / "hovedplan.md", "team", "hitra")
    edit(teams / "skaun" / "fremdriftsplan-1.md", "nr: 1\n", "nr: 1\nansvarlig: Tove Sollie\n")
    sluttrapport = teams / "rindal" / "sluttrapport.md"
    sluttrapport.write_bytes(b"\xef\xbb\xbf" + sluttrapport.read_bytes())
    set_field(teams / "hemne" / "statusrapport-3.md", "levert", "2018-11-20")
    (teams / "hemne" / "fremdriftsplan-5.md").unlink()
    plan = teams / "froya" / "fremdriftsplan-1.md"
    plan.write_text(
        plan.read_text(encoding="utf-8") + "\nSpørsmål? Ring Synnøve på 912 34 567.\n",
        encoding="utf-8",
    )
    with (example / "pilot.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "ignorer:\n"
            '  - {sti: "teams/rennebu/*", kode: JV303}\n'
            "  - {sti: pilot.yaml, kode: JV999}\n"
        )
    return example


def normalise(text: str, tmp_path: Path, *, rich: bool = False) -> str:
    """The output as it is, except for what depends on the machine or the moment.

    The temporary folder becomes <tmp>; a time, timestamp or host name attribute (as a
    JUnit report may carry) is blanked; with ``rich``, trailing spaces are cut, since Rich
    pads each line of a table to its full width.
    """
    for folder in sorted({str(tmp_path.resolve()), str(tmp_path)}, key=len, reverse=True):
        text = text.replace(folder, "<tmp>")
    text = re.sub(r'\b(time|timestamp|hostname)="[^"]*"', r'\1="…"', text)
    if rich:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text

"""`<!-- jv-ignore CODE -->` silences a rule on its line and the next; `jv-ignore-file` in the file."""

from __future__ import annotations

import pytest
from pilotkit import Pilot

REPORT = "teams/froya/statusrapport-1.md"
OTHER = "teams/hitra/statusrapport-1.md"


def phones(pilot: Pilot, rel: str, comment: str = "", *, where: str = "before") -> None:
    """Two phone numbers (JV502) in a report and an e-mail address (JV503), with ``comment``."""
    first = "Ring gruppelederen på 912 34 567."
    if where == "before":
        block = f"{comment}\n{first}\n"
    elif where == "same":
        block = f"{first} {comment}\n"
    else:  # "far": a blank line between the comment and the number
        block = f"{comment}\n\n{first}\n"
    text = pilot.read(rel) + f"\n{block}\nEller på 934 56 789, eller ola@gmail.com.\n"
    pilot.write(rel, text)


def codes(pilot: Pilot, rel: str) -> list[tuple[str, int | None]]:
    return sorted((c, line) for c, path, line, _ in pilot.found() if path == rel)


def test_without_comment_both_numbers_are_found(pilot: Pilot) -> None:
    phones(pilot, REPORT)
    found = codes(pilot, REPORT)
    assert [c for c, _ in found] == ["JV502", "JV502", "JV503"]


@pytest.mark.parametrize("where", ["before", "same"])
def test_jv_ignore_silences_its_line_and_the_next(pilot: Pilot, where: str) -> None:
    phones(pilot, REPORT, "<!-- jv-ignore JV502 -->", where=where)
    found = codes(pilot, REPORT)
    assert [c for c, _ in found] == ["JV502", "JV503"]
    assert found[0][1] == pilot.line_of(REPORT, "934 56 789")


def test_jv_ignore_reaches_only_the_next_line(pilot: Pilot) -> None:
    phones(pilot, REPORT, "<!-- jv-ignore JV502 -->", where="far")
    assert [c for c, _ in codes(pilot, REPORT)] == ["JV502", "JV502", "JV503"]


@pytest.mark.parametrize(
    ("comment", "left"),
    [
        ("<!-- jv-ignore-file JV502 -->", ["JV503"]),
        ("<!-- jv-ignore-file JV502, JV503 -->", []),
        ("<!-- jv-ignore-file jv5* -->", []),
        ("<!--jv-ignore-file JV503-->", ["JV502", "JV502"]),
        ("<!-- jv-ignore-file -->", []),
    ],
)
def test_jv_ignore_file(pilot: Pilot, comment: str, left: list[str]) -> None:
    phones(pilot, REPORT, comment)
    phones(pilot, OTHER)
    assert [c for c, _ in codes(pilot, REPORT)] == left
    # another file is not affected
    assert [c for c, _ in codes(pilot, OTHER)] == ["JV502", "JV502", "JV503"]


def test_jv_ignore_file_covers_pilot_wide_findings_on_the_document(pilot: Pilot) -> None:
    pilot.edit(REPORT, "status: levert", "status: utkast")
    before = {c for c, _ in codes(pilot, REPORT)}
    assert "JV302" in before or "JV301" in before
    late = sorted(before & {"JV301", "JV302"})
    pilot.write(REPORT, pilot.read(REPORT) + f"\n<!-- jv-ignore-file {' '.join(late)} -->\n")
    assert not {c for c, _ in codes(pilot, REPORT)} & set(late)


def test_a_code_no_rule_has_is_a_warning_where_it_is_written(pilot: Pilot) -> None:
    phones(pilot, REPORT, "<!-- jv-ignore JV5O2, JV503 -->")
    _, diagnostics, _ = pilot.check()
    typo = [d for d in diagnostics if d["code"] == "JV124"]
    assert len(typo) == 1
    assert (typo[0]["path"], typo[0]["line"], typo[0]["column"]) == (
        REPORT,
        pilot.line_of(REPORT, "jv-ignore JV5O2"),
        len("<!-- jv-ignore ") + 1,
    )
    assert typo[0]["severity"] == "warning"
    assert "jv-ignore nevner JV5O2, men ingen regel har den koden" in typo[0]["message"]
    # the typo silences nothing: both phone numbers are still found
    assert [c for c, _ in codes(pilot, REPORT)].count("JV502") == 2

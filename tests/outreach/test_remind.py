"""`jv remind`: e-mail drafts for exactly the documents due soon or overdue."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from tests.clikit import copy_example, edit, jv, set_field


def _drafts(folder: Path) -> dict[str, email.message.EmailMessage]:
    return {
        p.name: email.message_from_bytes(p.read_bytes(), policy=policy.default)  # type: ignore[misc]
        for p in sorted(folder.glob("*.eml"))
    }


def test_reminders_name_what_is_due_within_the_days_and_what_is_overdue(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    # Hitra has not delivered statusrapport 1 (due 16 February 2018: 17 February is a Saturday)
    set_field(pilot / "teams" / "hitra" / "statusrapport-1.md", "status", "utkast")
    out = tmp_path / "ut"
    result = jv("remind", "--pilot", str(pilot), "--today", "2018-05-25", "-o", str(out))
    assert result.exit_code == 0, result.output
    drafts = _drafts(out)
    # each document as a Word file: what the team has written, or the fresh template
    import io

    from docx import Document

    files = {a.get_filename(): a for a in drafts["2018-05-25-hitra.eml"].iter_attachments()}
    assert sorted(files) == ["hitra-statusrapport-1.docx", "hitra-statusrapport-2.docx"]
    word = Document(io.BytesIO(files["hitra-statusrapport-2.docx"].get_content()))
    assert any("Statusrapport 2" in p.text for p in word.paragraphs)
    # statusrapport 2 is due 4 June 2018, within 14 days, for every team not done with it
    assert "2018-05-25-hitra.eml" in drafts
    hitra = drafts["2018-05-25-hitra.eml"]
    assert hitra["To"] == "Jorid Kvernes <jorid.kvernes@hitra.kommune.example.no>"
    assert hitra["From"] == "Anne Marit Berg <anne.marit.berg@example.no>"
    assert hitra["Subject"] == "Påminnelse: 2 dokumenter fra Hitra"
    assert hitra["X-Unsent"] == "1"
    body = hitra.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert (
        "- Statusrapport 1 skulle vært sendt til Anne Marit Berg (anne.marit.berg@example.no) "
        "innen 16. februar 2018."
    ) in body
    assert (
        "- Statusrapport 2 skal sendes til Anne Marit Berg (anne.marit.berg@example.no) "
        "innen 4. juni 2018."
    ) in body
    assert result.stdout.endswith(f"Skrev {out / '2018-05-25-skaun.eml'}\n")


def test_no_reminder_for_a_withdrawn_team_or_an_excused_document(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    edit(pilot / "teams" / "hitra" / "team.yaml", "fritak: []", "fritak: [statusrapport-2]")
    edit(
        pilot / "teams" / "skaun" / "team.yaml",
        "status: aktiv",
        "status: trukket\ntrukket:\n  dato: 2018-04-01\n  grunn: Omorganisering",
    )
    out = tmp_path / "ut"
    assert (
        jv("remind", "--pilot", str(pilot), "--today", "2018-05-25", "-o", str(out)).exit_code == 0
    )
    names = set(_drafts(out))
    assert "2018-05-25-hitra.eml" not in names
    assert "2018-05-25-skaun.eml" not in names
    assert "2018-05-25-froya.eml" in names


def test_nothing_due_writes_nothing_and_says_so(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    out = tmp_path / "ut"
    result = jv(
        "remind", "--pilot", str(pilot), "--today", "2019-12-31", "--days", "7", "-o", str(out)
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "Ingen dokumenter forfaller de neste 7 dagene, og ingen er på etterskudd.\n"
    )
    assert not out.exists()


def test_reminders_are_not_written_over_without_force(tmp_path: Path) -> None:
    pilot = copy_example(tmp_path / "pilot")
    out = tmp_path / "ut"
    args = [
        "remind",
        "--pilot",
        str(pilot),
        "--today",
        "2018-05-25",
        "-o",
        str(out),
        "--uten-vedlegg",
    ]
    jv(*args)
    (out / "2018-05-25-hitra.eml").write_text("redigert\n", encoding="utf-8")
    again = jv(*args)
    assert again.exit_code == 1
    assert "Påminnelsene for denne dagen finnes allerede" in again.stderr
    assert (out / "2018-05-25-hitra.eml").read_text(encoding="utf-8") == "redigert\n"
    assert jv(*args, "--force").exit_code == 0
    assert (out / "2018-05-25-hitra.eml").read_text(encoding="utf-8") != "redigert\n"

"""The Word file of each document a reminder is about, to attach to the e-mail draft:
the document as the team has written it so far, or the fresh template (`jv export`)."""

from __future__ import annotations

from pathlib import Path

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.errors import JvError
from jobbvinner_cli.outreach.reminders import Reminder


def word_files(
    ctx: CheckContext, reminder: Reminder, work: Path, notes: list[str]
) -> list[tuple[str, bytes]]:
    """(file name, DOCX bytes) per document; one that cannot be made is named in ``notes``."""
    from jobbvinner_cli.word.export import fresh_document, write_file

    assert ctx.pilot is not None
    files: list[tuple[str, bytes]] = []
    for entry in reminder.entries:
        slot = entry.slot
        display = entry.path
        doc = entry.facts
        try:
            if doc is None or doc.body is None:
                doc = fresh_document(ctx.root, slot.doctype.name, reminder.slug, slot.nr, display)
            target = work / f"{reminder.slug}-{slot.doc_id}.docx"
            write_file(
                ctx.root, ctx.pilot, doc, slot.doctype, slot.nr, reminder.slug,
                reminder.team.kommune, target, "docx", display,
            )  # fmt: skip
        except JvError as exc:
            notes.append(
                f"{display}: Word-filen kunne ikke lages ({exc.message}); påminnelsen har den "
                "ikke som vedlegg."
            )
            continue
        files.append((target.name, target.read_bytes()))
    return files

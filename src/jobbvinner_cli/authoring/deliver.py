"""`jv lever`: mark a document delivered, editing only its «status» and «levert» lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobbvinner_cli.authoring.frontedit import FrontLines
from jobbvinner_cli.dates import format_date
from jobbvinner_cli.diagnostics import Severity, Sink
from jobbvinner_cli.errors import JvError
from jobbvinner_cli.pipeline.document import DocRef, model_document
from jobbvinner_cli.pipeline.read import read_file
from jobbvinner_cli.pipeline.repo import PilotRepo
from jobbvinner_cli.textio import write_atomic


class MissingDocument(JvError):
    """The document to deliver does not exist (the command line says how to make it)."""

    def __init__(
        self, message: str, type_name: str, team: str | None, nr: int | None, *, path: str
    ) -> None:
        super().__init__(message, path=path)
        self.type_name, self.team, self.nr = type_name, team, nr


@dataclass(frozen=True)
class Delivered:
    display: str
    title: str
    day: dt.date


def _locate(
    repo: PilotRepo, type_name: str, team: str | None, nr: int | None
) -> tuple[str, str, int | None]:
    doctype = repo.doctype(type_name)
    doctype.refuse_mismatch(team, nr)
    if team is not None:
        repo.team(team)  # an unknown team is named as such
    path = repo.document_path(doctype, nr, team)
    display = repo.rel(path)
    if not path.is_file():
        raise MissingDocument(
            f"{doctype.display_title(nr)} finnes ikke.", type_name, team, nr, path=display
        )
    return display, doctype.display_title(nr), nr


def deliver(
    repo: PilotRepo, type_name: str, *, team: str | None, nr: int | None, day: dt.date
) -> Delivered:
    display, title, nr = _locate(repo, type_name, team, nr)
    sink = Sink(display, team)
    text = read_file(repo.root, display, sink)
    facts = (
        model_document(None, DocRef(display, team, type_name, nr), text, sink)
        if text is not None
        else None
    )
    problems = [d for d in sink.items if d.severity is Severity.ERROR]
    path = repo.root / display
    lines = FrontLines.load(path, text) if text is not None and not problems else None
    if facts is None or lines is None or problems:
        first = problems[0] if problems else None
        raise JvError(
            "Dokumentet kan ikke leses, så det blir ikke merket som levert"
            + (f": {first.code} {first.message}" if first else ".")
            + " Rett feilen (se «jv check») og prøv igjen.",
            path=display,
            line=first.line if first else None,
        )
    if facts.delivered:
        when = f" {format_date(facts.levert)}" if facts.levert else ""
        raise JvError(
            f"{title} er allerede levert{when}. Ingenting er endret. Vil du rette datoen, "
            "skriv den i feltet «levert» øverst i dokumentet.",
            path=display,
            line=facts.levert_line or facts.status_line,
        )
    for key in ("status", "levert"):
        if lines.scalar((key,)) is not None and not lines.editable((key,)):
            raise JvError(
                f"Feltet «{key}» står over flere linjer, så jv endrer det ikke. Skriv "
                f"«{key}: …» på én linje og prøv igjen.",
                path=display,
                line=lines.key_line((key,)),
            )
    if lines.key_line(("status",)) is not None:
        lines.set(("status",), "levert")
    else:
        lines.insert_after(None, "status: levert")
    if lines.key_line(("levert",)) is not None:
        lines.set(("levert",), day.isoformat())
    else:
        lines.insert_after(("status",), f"levert: {day.isoformat()}")
    write_atomic(path, lines.data())
    return Delivered(display, title, day)

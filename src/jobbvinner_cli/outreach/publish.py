"""Write the calendar and the reminders: read the pilot once through the check, refuse
overwrites, write atomically. Returns what was done; the CLI says it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.errors import Hint, JvError, UsageError
from jobbvinner_cli.outreach.attachments import word_files
from jobbvinner_cli.outreach.calendar import (
    PRODID,
    build_calendar,
    previous_events,
    to_ical,
    undated_notes,
)
from jobbvinner_cli.outreach.certificates import certificate_data, participants, render
from jobbvinner_cli.outreach.progress import make_progress_report
from jobbvinner_cli.outreach.reminders import due_reminders, file_name, to_email
from jobbvinner_cli.slugs import slug_for
from jobbvinner_cli.status import checked_pilot
from jobbvinner_cli.textio import build_folder, write_atomic
from jobbvinner_cli.words import plural


@dataclass
class Written:
    paths: list[Path] = field(default_factory=list)
    text: bytes | None = None  # the calendar, when it goes to stdout
    notes: list[str] = field(default_factory=list)
    events: int = 0


def now() -> dt.datetime:
    """The time stamped into outputs; SOURCE_DATE_EPOCH fixes it for reproducible files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc).replace(microsecond=0)


def write_calendar(
    pilot: Path | None, team: str | None, output: Path | None, *, force: bool
) -> Written:
    report, ctx = checked_pilot(pilot, dt.date.today())
    if team is not None and team not in ctx.teams:
        raise UsageError(f"Teamet «{team}» finnes ikke under teams/.")
    calendar = build_calendar(ctx, report.entries, team)
    previous = {}
    if output is not None and output.exists():
        old = _read_previous(output)
        if PRODID.encode() not in old[:2000] and not force:
            raise JvError(
                "Filen finnes allerede og er ikke en kalender jv har laget.",
                path=str(output),
                hint=Hint.REPLACE_FILE,
            )
        previous = previous_events(old)
    data = to_ical(calendar, now(), previous)
    done = Written(notes=undated_notes(calendar.undated), events=len(calendar.events))
    if output is None:
        done.text = data
    else:
        write_atomic(output, data)
        done.paths.append(output)
    return done


def _read_previous(path: Path) -> bytes:
    if path.is_dir():
        raise UsageError(f"{path} er en mappe. Oppgi en fil, for eksempel kalender.ics.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise JvError(f"Filen kan ikke leses: {exc.strerror}.", path=str(path)) from None


def write_reminders(
    pilot: Path | None,
    today: dt.date,
    days: int,
    folder: Path,
    *,
    force: bool,
    attach: bool = True,
    progress: Callable[[str], None] = lambda _: None,
) -> Written:
    report, ctx = checked_pilot(pilot, today, keep_documents=attach)
    assert ctx.pilot is not None
    reminders = due_reminders(ctx, report.entries, today, days)
    leader = ctx.pilot.prosjektleder
    done = Written()
    planned = [(folder / file_name(r, today), r) for r in reminders]
    taken = [p for p, _ in planned if p.exists()]
    if taken and not force:
        names = ", ".join(p.name for p in taken)
        raise JvError(
            f"Påminnelsene for denne dagen finnes allerede i {folder}: {names}.",
            hint=Hint.REPLACE_FILE,
        )
    stamp = now()
    work = build_folder("paminnelser")
    try:
        for index, (path, reminder) in enumerate(planned, 1):
            progress(f"{index}/{len(planned)}")
            files = word_files(ctx, reminder, work, done.notes) if attach else []
            data = to_email(
                reminder,
                sender_name=leader.navn,
                sender_address=leader.epost,
                recipient=ctx.pilot.recipient,
                pilot_name=ctx.pilot.navn,
                today=today,
                now=stamp,
                attachments=files,
            )
            write_atomic(path, data)
            done.paths.append(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for reminder in reminders:
        if reminder.to_address is None:
            done.notes.append(
                f"teams/{reminder.slug}/team.yaml: gruppelederen «{reminder.team.gruppeleder}» "
                "har ingen «epost:» blant medlemmene; fyll inn mottakeren i utkastet, eller "
                "legg til «epost:» hos gruppelederen i team.yaml."
            )
    return done


def write_certificates(
    pilot: Path | None,
    today: dt.date,
    folder: Path,
    team: str | None,
    *,
    force: bool,
    progress: Callable[[str], None] = lambda _: None,
) -> Written:
    report, ctx = checked_pilot(pilot, today)
    assert ctx.pilot is not None
    if team is not None and team not in ctx.teams:
        raise UsageError(f"Teamet «{team}» finnes ikke under teams/.")
    if not report.gatherings.attendance:
        raise JvError(
            "Oppmøtet er ikke registrert, så jv vet ikke hvem som skal ha kursbevis. Legg "
            "oppmøtelistene i oppmote/samling-N.csv (en kolonne «navn»); se «jv kursbevis --help»."
        )
    found = participants(ctx, report.gatherings, team)
    done = Written(
        notes=[
            f"Ingen oppmøte er registrert for {name} (teams/{slug}/team.yaml), så hen får "
            "ikke kursbevis. Står navnet annerledes i oppmøtelista, rett det der."
            for slug, name in found.without_attendance
        ]
    )
    if not found.people:
        return done
    planned = [(folder / f"{p.slug}-{_name_slug(p.name)}.pdf", [p]) for p in found.people]
    planned.append((folder / ALL_FILE, found.people))
    taken = [p for p, _ in planned if p.exists()]
    if taken and not force:
        raise JvError(
            f"Det finnes kursbevis i {folder} fra før ({plural(len(taken), 'fil', 'filer')}, blant dem "
            f"{taken[0].name}).",
            hint=Hint.REPLACE_FILE,
        )
    work = build_folder("kursbevis")
    try:
        for index, (path, people) in enumerate(planned, 1):
            progress(f"{index}/{len(planned)}")
            pdf = render(certificate_data(ctx.pilot, people, today), work)
            write_atomic(path, pdf)
            done.paths.append(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return done


ALL_FILE = "kursbevis-alle.pdf"


def _name_slug(name: str) -> str:
    try:
        return slug_for(name)
    except UsageError:
        return "deltaker"


def write_progress_report(
    pilot: Path | None,
    day: dt.date,
    since: dt.date | None,
    recipient: str,
    output: Path | None,
    *,
    force: bool,
) -> Written:
    report, ctx = checked_pilot(pilot, day)
    assert ctx.pilot is not None
    made = make_progress_report(ctx.root, ctx.pilot, report.register, day, since, recipient, output)
    if made.path.exists() and not force:
        raise JvError(
            "Underveisrapporten finnes allerede og blir ikke overskrevet.",
            path=str(made.path),
            hint=Hint.REPLACE_FILE,
        )
    write_atomic(made.path, made.text)
    return Written(paths=[made.path])

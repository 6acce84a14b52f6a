"""`jv remind`: one e-mail draft (.eml) per team for what is due soon or overdue.

jv never sends anything: the drafts open in any mail client (``X-Unsent: 1`` makes
Outlook open them ready to send), and the project leader sends them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.check.deadlines import Entry
from jobbvinner_cli.dates import format_date, format_date_or_open
from jobbvinner_cli.model.delivery import State
from jobbvinner_cli.model.team import Team

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
OVERDUE = (State.MISSING, State.OVERDUE)
COMING = (State.DRAFT, State.NOT_DUE)


@dataclass(frozen=True)
class Reminder:
    slug: str
    team: Team
    overdue: list[Entry]
    coming: list[Entry]
    to_address: str | None  # the group leader's e-mail from team.yaml, when it is there

    @property
    def entries(self) -> list[Entry]:
        return self.overdue + self.coming


def due_reminders(
    ctx: CheckContext, entries: dict[str, list[Entry]], today: dt.date, days: int
) -> list[Reminder]:
    """Teams with documents overdue on ``today`` or due within ``days`` days; withdrawn
    teams and excused documents get none (their state is «ikke påkrevd»)."""
    horizon = today + dt.timedelta(days=days)
    result: list[Reminder] = []
    for slug in sorted(entries):
        info = ctx.teams.get(slug)
        team = info.team if info is not None else None
        if team is None or team.withdrawn:
            continue
        overdue = [e for e in entries[slug] if e.state in OVERDUE]
        coming = [
            e
            for e in entries[slug]
            if e.state in COMING and e.slot.due is not None and today < e.slot.due <= horizon
        ]
        if overdue or coming:
            result.append(Reminder(slug, team, overdue, coming, leader_address(team)))
    return result


def leader_address(team: Team) -> str | None:
    """The group leader's «epost:» in team.yaml (the member of that name)."""
    wanted = team.gruppeleder.strip().casefold()
    for member in team.medlemmer:
        if member.epost and member.navn.strip().casefold() == wanted:
            return member.epost
    return None


def _title(entry: Entry) -> str:
    slot = entry.slot
    return slot.doctype.title + (f" {slot.nr}" if slot.nr is not None else "")


def reminder_text(reminder: Reminder, recipient: str, today: dt.date, pilot_name: str) -> str:
    greeting = reminder.team.gruppeleder.strip() or f"team {reminder.team.kommune}"
    lines = [f"Hei, {greeting}!", ""]
    if reminder.overdue:
        lines.append("Disse dokumentene skulle vært levert, og vi har ikke fått dem ennå:")
        lines += [
            f"- {_title(e)} skulle vært sendt til {recipient} innen {format_date_or_open(e.slot.due)}."
            for e in reminder.overdue
        ]
        lines.append("")
    if reminder.coming:
        lines.append("Snart er det frist for:")
        lines += [
            f"- {_title(e)} skal sendes til {recipient} innen {format_date_or_open(e.slot.due)}."
            for e in reminder.coming
        ]
        lines.append("")
    lines += [
        "Ta kontakt om dere trenger mer tid eller hjelp med malen.",
        "",
        "Vennlig hilsen",
        recipient,
        pilot_name,
        "",
        f"(Påminnelsen er laget av jv {format_date(today)}.)",
    ]
    return "\n".join(lines) + "\n"


def subject(reminder: Reminder) -> str:
    items = reminder.entries
    if len(items) == 1:
        entry = items[0]
        when = (
            "forfalt"
            if entry in reminder.overdue
            else f"frist {format_date_or_open(entry.slot.due)}"
        )
        return f"Påminnelse: {_title(entry)} fra {reminder.team.kommune} ({when})"
    return f"Påminnelse: {len(items)} dokumenter fra {reminder.team.kommune}"


def to_email(
    reminder: Reminder,
    *,
    sender_name: str,
    sender_address: str | None,
    recipient: str,
    pilot_name: str,
    today: dt.date,
    now: dt.datetime,
    attachments: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
) -> bytes:
    message = EmailMessage()
    message["Subject"] = subject(reminder)
    message["From"] = _address(sender_name, sender_address)
    if reminder.to_address:
        leader = reminder.team.gruppeleder.strip() or reminder.team.kommune
        message["To"] = _address(leader, reminder.to_address)
    message["Date"] = format_datetime(now)
    message["X-Unsent"] = "1"
    message.set_content(reminder_text(reminder, recipient, today, pilot_name))
    for name, data in attachments:
        maintype, subtype = DOCX_TYPE.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def _address(name: str, address: str | None) -> str:
    if address and "@" in address:
        user, _, domain = address.strip().partition("@")
        return str(Address(display_name=name, username=user, domain=domain))
    return str(Address(display_name=name))


def file_name(reminder: Reminder, today: dt.date) -> str:
    return f"{today.isoformat()}-{reminder.slug}.eml"

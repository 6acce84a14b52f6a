"""Attendance (oppmote/samling-N.csv) and evaluations (evaluering/samling-N.csv).

The accepted layouts are described in the rules' explanations and in the README:
- attendance: a header row with a «navn» column (a sign-in list saved as CSV);
  other columns, such as «kommune» or «e-post», are allowed and not used;
- evaluations, counted: columns «spørsmål», «svar» and «antall» (or «prosent»), one row
  per answer, as typed from paper forms or exported from Mentimeter;
- evaluations, one row per respondent (Microsoft Forms): a column per question, each cell
  the answer; the columns Forms adds (ID, start and completion time, e-post, navn) are left out.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.layout import ATTENDANCE_DIR, EVALUATION_DIR
from jobbvinner_cli.model.gatheringdata import Attendee, GatheringData, QuestionResult, name_key
from jobbvinner_cli.model.pilot import GatheringStatus
from jobbvinner_cli.pipeline.csvdata import CsvTable, read_csv
from jobbvinner_cli.words import plural

FAMILY = "Oppmøte og evaluering"

JV701 = Rule(
    "JV701",
    "ukjent-deltaker",
    Severity.WARNING,
    FAMILY,
    "Et navn i oppmøtelista er ikke medlem av noe team.",
    "Oppmøtet telles per teammedlem (kursbevis, oppmøte i rapporten). Et navn som ikke står "
    "under medlemmer i noen team.yaml, blir ikke talt. Rett skrivefeilen, eller legg personen "
    "til som medlem i teamets team.yaml.",
    "navn;kommune\nJorid Kvernæs;Hitra",
    "navn;kommune\nJorid Kvernes;Hitra",
)

JV702 = Rule(
    "JV702",
    "ukjent-samling-fil",
    Severity.ERROR,
    FAMILY,
    "Filen hører ikke til noen samling i pilot.yaml.",
    "Filene i oppmote/ og evaluering/ heter samling-N.csv, der N er nummeret på samlingen i "
    "pilot.yaml. En annen fil blir ikke lest.",
    "oppmote/samling 2.csv",
    "oppmote/samling-2.csv",
)

JV703 = Rule(
    "JV703",
    "data-for-avlyst-samling",
    Severity.WARNING,
    FAMILY,
    "Oppmøte eller evaluering er registrert for en avlyst samling.",
    "Samlingen står som avlyst i pilot.yaml, så ingen kan ha vært der. Er den holdt likevel, "
    "rett status i pilot.yaml; ellers hører lista trolig til en annen samling.",
    "samlinger:\n  - {nr: 3, status: avlyst}   # og oppmote/samling-3.csv finnes",
    "samlinger:\n  - {nr: 3, status: gjennomført}",
)

JV704 = Rule(
    "JV704",
    "csv-kolonner",
    Severity.ERROR,
    FAMILY,
    "CSV-filen mangler kolonnene jv trenger.",
    "Første linje er overskriftene. Oppmøte trenger kolonnen «navn». En evaluering har "
    "enten kolonnene «spørsmål», «svar» og «antall» (eller «prosent»), eller én kolonne per "
    "spørsmål med ett svar per linje, slik Microsoft Forms eksporterer den.",
    "Kari Nordmann;Hitra",
    "navn;kommune\nKari Nordmann;Hitra",
)

JV705 = Rule(
    "JV705",
    "evaluering-tall",
    Severity.ERROR,
    FAMILY,
    "Et antall eller en prosent i evalueringen er ikke et tall.",
    "Antall og prosent skrives som tall, uten prosenttegn eller tekst: 12 eller 45,5.",
    "spørsmål;svar;antall\nMotivasjon;Høy;tolv",
    "spørsmål;svar;antall\nMotivasjon;Høy;12",
)

JV706 = Rule(
    "JV706",
    "evaluering-prosent-sum",
    Severity.WARNING,
    FAMILY,
    "Prosentene for et spørsmål blir ikke 100.",
    "Når evalueringen er ført i prosent, skal svarene på hvert spørsmål til sammen bli om lag "
    "100 (avrunding gir inntil 2 i avvik). Et tall er trolig skrevet feil, eller et svar mangler.",
    "spørsmål;svar;prosent\nMotivasjon;Høy;60\nMotivasjon;Svært høy;20",
    "spørsmål;svar;prosent\nMotivasjon;Høy;60\nMotivasjon;Svært høy;40",
)

JV707 = Rule(
    "JV707",
    "deltaker-to-ganger",
    Severity.WARNING,
    FAMILY,
    "Samme navn står to ganger i oppmøtelista.",
    "Hver deltaker telles én gang per samling. Slett den ene linjen.",
    "navn\nKari Nordmann\nKari Nordmann",
    "navn\nKari Nordmann",
)

RULES = (JV701, JV702, JV703, JV704, JV705, JV706, JV707)

_FILE = re.compile(r"^samling-([1-9][0-9]*)\.csv$")
NAME_COLUMNS = ("navn", "name", "fullt navn", "full name", "deltaker")
# Column names of the counted layout, in Norwegian and as Mentimeter and Forms export them
QUESTION = ("spørsmål", "sporsmal", "question", "slide")
ANSWER = ("svar", "alternativ", "valg", "answer", "option", "choice")
COUNT = ("antall", "count", "votes", "stemmer", "responses")
PERCENT = ("prosent", "andel", "percent", "percentage", "%")
# The columns Microsoft Forms (Norwegian and English) adds before the questions.
FORMS_META = frozenset(
    {
        "id", "starttidspunkt", "fullføringstidspunkt", "sist endret", "tidsmerke",
        "tidspunkt", "e-post", "epost", "navn", "name", "email", "start time",
        "completion time", "last modified time", "timestamp",
    }
)  # fmt: skip


def _files(root: Path, folder: str) -> list[str]:
    try:
        names = sorted(e.name for e in os.scandir(root / folder) if e.is_file())
    except OSError:
        return []
    return [f"{folder}/{n}" for n in names if not n.startswith(".")]


def check_gathering_data(
    ctx: CheckContext, sinks: dict[str, Sink]
) -> tuple[GatheringData, list[str]]:
    """Read and check both folders; the data, and the files read."""
    data = GatheringData()
    files: list[str] = []
    members = _members(ctx)
    for folder in (ATTENDANCE_DIR, EVALUATION_DIR):
        for rel in _files(ctx.root, folder):
            sink = sinks.setdefault(rel, Sink(rel))
            nr = _gathering_of(ctx, rel, sink)
            files.append(rel)
            if nr is None:
                continue
            table = read_csv(ctx.root, rel, sink)
            if table is None:
                continue
            if folder == ATTENDANCE_DIR:
                data.attendance[nr] = _attendance(table, sink, members)
            else:
                data.evaluations[nr] = _evaluation(table, sink)
    return data, files


def _gathering_of(ctx: CheckContext, rel: str, sink: Sink) -> int | None:
    name = rel.rsplit("/", 1)[-1]
    match = _FILE.match(name)
    pilot = ctx.pilot
    count = len(pilot.samlinger) if pilot is not None else 0
    if match is None:
        sink.add(
            JV702, None, f"Filen skal hete samling-N.csv (N er samlingens nummer), ikke {name}."
        )
        return None
    nr = int(match.group(1))
    if pilot is None or nr > count:
        sink.add(
            JV702,
            None,
            f"Samling {nr} finnes ikke i pilot.yaml (piloten har {plural(count, 'samling', 'samlinger')}).",
        )
        return None
    if pilot.gathering(nr).status is GatheringStatus.CANCELLED:
        sink.add(JV703, None, f"Samling {nr} er avlyst i pilot.yaml, men har data i {rel}.")
    return nr


def _members(ctx: CheckContext) -> dict[str, tuple[str, str]]:
    """Every team member by name key: (team slug, name as written in team.yaml)."""
    result: dict[str, tuple[str, str]] = {}
    for slug, info in sorted(ctx.teams.items()):
        if info.team is None:
            continue
        for member in info.team.medlemmer:
            result.setdefault(name_key(member.navn), (slug, member.navn))
    return result


def _attendance(table: CsvTable, sink: Sink, members: dict[str, tuple[str, str]]) -> list[Attendee]:
    column = table.column(*NAME_COLUMNS)
    if column is None:
        sink.add(JV704, 1, "Første linje må ha kolonnen «navn» (og gjerne «kommune»).")
        return []
    people: list[Attendee] = []
    seen: dict[str, int] = {}
    known = [name for _, name in members.values()]
    for line, cells in table.rows:
        name = " ".join(cells[column].split()) if column < len(cells) else ""
        if not name:
            continue
        key = name_key(name)
        if key in seen:
            sink.add(JV707, line, f"«{name}» står også på linje {seen[key]}.")
            continue
        seen[key] = line
        member = members.get(key)
        if member is None:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
            hint = (
                f" Mente du «{close[0]}»?" if close else " Legg personen til i teamets team.yaml."
            )
            sink.add(JV701, line, f"«{name}» er ikke medlem av noe team.{hint}")
            people.append(Attendee(name, None, line))
        else:
            people.append(Attendee(member[1], member[0], line))
    return people


def _evaluation(table: CsvTable, sink: Sink) -> dict[str, QuestionResult]:
    question, answer = table.column(*QUESTION), table.column(*ANSWER)
    amount, percent = table.column(*COUNT), table.column(*PERCENT)
    value = amount if amount is not None else percent
    if question is not None and answer is not None and value is not None:
        return _counted(table, sink, question, answer, value, amount is None)
    asked = [
        i for i, title in enumerate(table.header) if title and title.casefold() not in FORMS_META
    ]
    if question is not None or not asked or not table.rows:
        sink.add(
            JV704,
            1,
            "Finner ikke evalueringen: bruk kolonnene «spørsmål;svar;antall» (eller «prosent»), "
            "eller én kolonne per spørsmål og én linje per deltaker.",
        )
        return {}
    results: dict[str, QuestionResult] = {}
    for index in asked:
        result = results.setdefault(table.header[index], QuestionResult(table.header[index]))
        for _, cells in table.rows:
            if index < len(cells) and cells[index]:
                result.counts[cells[index]] = result.counts.get(cells[index], 0) + 1
    return results


def _counted(
    table: CsvTable, sink: Sink, question: int, answer: int, amount: int, percent: bool
) -> dict[str, QuestionResult]:
    results: dict[str, QuestionResult] = {}
    first_line: dict[str, int] = {}
    for line, cells in table.rows:
        cells = cells + [""] * (max(question, answer, amount) + 1 - len(cells))
        asked, given, raw = cells[question], cells[answer], cells[amount].replace(",", ".")
        if not asked or not given:
            continue
        try:
            value = float(raw.rstrip("%").strip())
        except ValueError:
            value = -1.0
        if value < 0 or value != value:  # negative, NaN
            sink.add(
                JV705, line, f"«{cells[amount]}» er ikke et tall (svaret «{given}» på «{asked}»)."
            )
            continue
        result = results.setdefault(asked, QuestionResult(asked, percent=percent))
        first_line.setdefault(asked, line)
        result.counts[given] = result.counts.get(given, 0) + value
    if percent:
        for asked, result in results.items():
            if abs(result.total - 100) > 2:
                total = f"{result.total:g}".replace(".", ",")
                sink.add(
                    JV706, first_line[asked], f"Prosentene for «{asked}» blir {total}, ikke 100."
                )
    return results

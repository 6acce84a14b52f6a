"""Assemble the pilot's final report as one Markdown text, from the repository.

The project leader's chapters come from rapport/; tables, the hours chart and the
appendices are generated from pilot.yaml, team.yaml and the teams' documents, so
nothing is retyped. Team text is data: its headings are pushed down, its images
must lie inside the pilot, and raw markup is disabled later by the render engine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.dates import MONTHS, format_date
from jobbvinner_cli.documents import Document, read_document
from jobbvinner_cli.errors import JvError
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.pilot import GatheringStatus
from jobbvinner_cli.model.report import CHAPTERS, default_chapter
from jobbvinner_cli.model.schedule import hours_period, numbers
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.repo import REPORT_DIR, PilotRepo, is_inside
from jobbvinner_cli.report.sections import (
    bullets,
    demote_headings,
    prose_before_list,
    split_sections,
    without_guidance,
)
from jobbvinner_cli.report.tables import grid_table, pipe_table

_MARKER = re.compile(r"^<!--\s*jv:([a-z-]+)\b.*?-->\s*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)")


@dataclass
class TeamData:
    slug: str
    team: Team
    docs: dict[str, Document] = field(default_factory=dict)


@dataclass
class Span:
    start_line: int
    end_line: int
    path: str
    source_start_line: int


@dataclass
class Assembled:
    markdown: str
    spans: list[Span]
    title: str
    municipalities: list[str]
    period: str
    warnings: list[str]


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.spans: list[Span] = []

    def add(self, text: str, source: tuple[str, int] | None = None) -> None:
        skipped = len(text) - len(text.lstrip("\n"))
        chunk = text.strip("\n").split("\n")
        start = len(self.lines) + 1
        self.lines += [*chunk, ""]
        if source is not None:
            self.spans.append(Span(start, start + len(chunk) - 1, source[0], source[1] + skipped))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _month_year(day: dt.date | None) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}" if day else ""


class Assembler:
    def __init__(self, repo: PilotRepo, workdir: Path, *, include_team_reports: bool) -> None:
        self.repo = repo
        self.pilot = repo.pilot
        self.workdir = workdir
        self.include_team_reports = include_team_reports
        self.warnings: list[str] = []
        self.teams: list[TeamData] = []
        self._images: dict[Path, str] = {}

    # -- reading ---------------------------------------------------------------

    def load(self) -> None:
        for slug in self.repo.team_slugs():
            data = TeamData(slug, self.repo.team(slug))
            folder = self.repo.team_dir(slug)
            for doctype in self.repo.doctypes.values():
                if doctype.scope != "team":
                    continue
                wanted: list[int | None] = (
                    list(numbers(doctype, self.pilot)) if doctype.numbered else [None]
                )
                for nr in wanted:
                    path = folder / doctype.filename(nr)
                    if not path.is_file():
                        continue
                    try:
                        data.docs[doctype.doc_id(nr)] = read_document(path, self.repo.rel(path))
                    except JvError as exc:
                        self.warnings.append(f"{exc.location()}: {exc.message}")
            self.teams.append(data)

    @property
    def completed(self) -> list[TeamData]:
        return [t for t in self.teams if not t.team.withdrawn]

    @property
    def withdrawn(self) -> list[TeamData]:
        return [t for t in self.teams if t.team.withdrawn]

    def _variant(self, doctype: DocumentType) -> str:
        return doctype.variant_name(self.pilot.variant_for(doctype.name))

    def _role_text(self, data: TeamData, role: str) -> str:
        doctype = self.repo.doctypes.get("sluttrapport")
        doc = data.docs.get("sluttrapport")
        if doctype is None or doc is None:
            return ""
        wanted = doctype.section_for_role(self._variant(doctype), role)
        if wanted is None:
            return ""
        for section in split_sections(doc.body):
            if section.title == wanted.title:
                return without_guidance(section.text)
        return ""

    def _effect_goal(self, data: TeamData) -> str:
        for doc_id in ("hovedplan", "sluttrapport"):
            doc = data.docs.get(doc_id)
            if doc is not None and (doc.meta.effektmål or "").strip():
                return str(doc.meta.effektmål).strip()
        return ""

    # -- images ----------------------------------------------------------------

    def _images_in(self, text: str, source: Path, display: str, first_line: int) -> str:
        def replace(match: re.Match[str]) -> str:
            target = match.group("target")
            line = first_line + text.count("\n", 0, match.start())
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("//"):
                raise JvError(
                    f"Bildet «{target}» er en nettadresse. Bilder må ligge i pilotmappen; "
                    "last det ned og vis til filen.",
                    path=display,
                    line=line,
                )
            if target.startswith(("/", "\\", "~")):
                raise JvError(
                    f"Bildet «{target}» har en absolutt sti. Bruk en sti relativt til dokumentet.",
                    path=display,
                    line=line,
                )
            path = (source.parent / target).resolve()
            if not is_inside(self.repo.root, path):
                raise JvError(
                    f"Bildet «{target}» ligger utenfor pilotmappen og tas ikke med.",
                    path=display,
                    line=line,
                )
            if not path.is_file():
                raise JvError(f"Fant ikke bildet «{target}».", path=display, line=line)
            if path not in self._images:
                digest = hashlib.sha256(str(path).encode()).hexdigest()[:10]
                name = f"bilder/{digest}{path.suffix.lower()}"
                (self.workdir / "bilder").mkdir(exist_ok=True)
                shutil.copyfile(path, self.workdir / name)
                self._images[path] = name
            title = match.group("title") or ""
            return f"![{match.group('alt')}]({self._images[path]}{title})"

        return _IMAGE.sub(replace, text)

    # -- generated parts -----------------------------------------------------------

    def part_organisasjon(self) -> str:
        org = self.pilot.organisasjon
        out: list[str] = []
        for label, members in (
            ("Styringsgruppa", org.styringsgruppe),
            ("Prosjektgruppa", org.prosjektgruppe),
        ):
            if not members:
                continue
            rows = [[m.navn, m.stilling, m.oppgave] for m in members]
            out.append(
                pipe_table(["Navn", "Stilling", "Oppgave"], rows, f"{label} i {self.pilot.navn}")
            )
        return "\n\n".join(out)

    def part_samlinger(self) -> str:
        rows = []
        for g in self.pilot.samlinger:
            when = format_date(g.dato) if g.dato else "ikke fastsatt"
            if g.til and g.dato and g.til != g.dato:
                when = (
                    f"{g.dato.day}.–{format_date(g.til)}"
                    if g.til.month == g.dato.month
                    else f"{format_date(g.dato)} – {format_date(g.til)}"
                )
            if g.status is GatheringStatus.CANCELLED:
                when += " (avlyst)"
            elif g.status is GatheringStatus.DIGITAL:
                when += " (digital)"
            host = g.vertskommune or g.sted
            rows.append([str(g.nr), when, host, g.tema, ", ".join(g.innledere)])
        return pipe_table(
            ["Nr", "Dato", "Vertskommune", "Tema", "Innledere"],
            rows,
            "Samlingene i utviklingsverkstedet",
        )

    def part_deltakere(self) -> str:
        done = [t.team.kommune for t in self.completed]
        text = [
            f"{len(self.teams)} kommuner startet i utviklingsverkstedet, og {len(done)} fullførte."
        ]
        rows = []
        for t in self.teams:
            if t.team.withdrawn and t.team.trukket is not None:
                state = f"Trakk seg {format_date(t.team.trukket.dato)}"
                reason = t.team.trukket.grunn
            else:
                state, reason = "Fullførte", ""
            rows.append([t.team.kommune, t.team.gruppeleder, state, reason])
        text.append(
            pipe_table(
                ["Kommune", "Gruppeleder", "Deltakelse", "Grunn"], rows, "Deltakende kommuner"
            )
        )
        return "\n\n".join(text)

    def hours(self) -> tuple[list[str], dict[str, list[float | None]]]:
        count = max(len(self.pilot.samlinger) - 1, 0)
        labels = [f"{i}–{i + 1}" for i in range(1, count + 1)]
        table: dict[str, list[float | None]] = {}
        for t in self.teams:
            values: list[float | None] = [None] * count
            for doc in t.docs.values():
                doctype = self.repo.doctypes.get(doc.meta.type)
                if doctype is None or doc.meta.timer is None:
                    continue
                period = hours_period(doctype, self.pilot, doc.meta.nr)
                if period is not None and 1 <= period <= count:
                    values[period - 1] = doc.meta.timer
            if any(v is not None for v in values):
                table[t.team.kommune] = values
        return labels, table

    def part_timer(self) -> str:
        labels, table = self.hours()
        if not table:
            return "Ingen team har rapportert timer ennå."
        from jobbvinner_cli.report.chart import hours_chart

        chart = hours_chart(labels, table, self.workdir / "bilder" / "timer.png")
        rows = []
        for kommune, values in table.items():
            total = sum(v for v in values if v is not None)
            rows.append([kommune, *[_num(v) for v in values], _num(total)])
        headers = ["Kommune", *[f"Periode {label}" for label in labels], "Sum"]
        return f"![Timer brukt av hvert team mellom samlingene]({chart})\n\n" + pipe_table(
            headers, rows, "Timer brukt mellom samlingene, per team og periode"
        )

    def part_resultater(self) -> str:
        rows = []
        for t in self.completed:
            tiltak = bullets(self._role_text(t, "tiltak"))
            results = bullets(self._role_text(t, "resultater"))
            rows.append(
                [
                    t.team.kommune,
                    self._effect_goal(t),
                    "\n".join(f"- {x}" for x in tiltak),
                    "\n".join(f"- {x}" for x in results),
                ]
            )
        if not rows:
            return "Ingen team har levert sluttrapport ennå."
        return grid_table(
            ["Kommune", "Effektmål (fra hovedplanen)", "Tiltak", "Resultater"],
            rows,
            [12, 22, 30, 30],
            "Effektmål, tiltak og resultater per team, fra teamenes hovedplaner og sluttrapporter",
        )

    def part_videre_oppgaver(self) -> str:
        rows = []
        for t in self.completed:
            text = self._role_text(t, "videre-oppgaver")
            items = bullets(text)
            cell = "\n".join(f"- {x}" for x in items) if items else prose_before_list(text)
            rows.append([t.team.kommune, cell])
        if not rows:
            return ""
        return grid_table(
            ["Kommune", "Videre oppgaver"], rows, [14, 70], "Teamenes videre oppgaver"
        )

    def part(self, name: str) -> str:
        maker = {
            "organisasjon": self.part_organisasjon,
            "samlinger": self.part_samlinger,
            "deltakere": self.part_deltakere,
            "timer": self.part_timer,
            "resultater": self.part_resultater,
            "videre-oppgaver": self.part_videre_oppgaver,
        }.get(name)
        if maker is None:
            self.warnings.append(f"Ukjent innsettingsmerke «jv:{name}» i rapport/.")
            return ""
        return maker()

    # -- the whole report -------------------------------------------------------------

    def assemble(self) -> Assembled:
        self.load()
        out = _Writer()
        placed: set[str] = set()
        for chapter in CHAPTERS:
            path = self.repo.root / REPORT_DIR / chapter.filename
            display = self.repo.rel(path)
            unnumbered = "" if chapter.numbered else " {.unnumbered}"
            if path.is_file():
                doc_text = read_document_text(path, display)
                text = without_guidance(doc_text, keep_lines=True)
                if not re.match(r"^#\s", text.lstrip()):
                    out.add(f"# {chapter.title}{unnumbered}")
                text = self._images_in(text, path, display, 1)
            else:
                out.add(f"# {chapter.title}{unnumbered}")
                text = ""
            # Split on markers so each generated part lands where the chapter asks for it.
            position = 0
            line = 1
            for match in _MARKER.finditer(text):
                chunk = _COMMENT.sub("", text[position : match.start()])
                if chunk.strip():
                    out.add(chunk, (display, line))
                line += text.count("\n", position, match.end())
                position = match.end()
                generated = self.part(match.group(1))
                placed.add(match.group(1))
                if generated:
                    out.add(generated)
            rest = _COMMENT.sub("", text[position:])
            if rest.strip():
                out.add(rest, (display, line))
            for part in chapter.parts:
                if part not in placed:
                    generated = self.part(part)
                    placed.add(part)
                    if generated:
                        out.add(generated)
        self._appendices(out)
        period = " – ".join(
            filter(None, (_month_year(self.pilot.periode.fra), _month_year(self.pilot.periode.til)))
        )
        if not period and self.pilot.samlinger and self.pilot.samlinger[0].dato:
            first = self.pilot.samlinger[0].dato
            last = self.pilot.samlinger[-1].end
            period = f"{_month_year(first)} – {_month_year(last)}"
        return Assembled(
            out.text(),
            out.spans,
            self.pilot.navn,
            [t.team.kommune for t in self.teams],
            period,
            self.warnings,
        )

    def _appendices(self, out: _Writer) -> None:
        out.add("# Vedlegg {.unnumbered}")
        number = 0
        plan_type = self.repo.doctypes.get("prosjektplan")
        if plan_type is not None:
            path = self.repo.root / plan_type.filename(None)
            if path.is_file():
                number += 1
                doc = read_document(path, self.repo.rel(path))
                out.add(f"## Vedlegg {number}: Prosjektplan {{.unnumbered}}")
                body = _body_without_title(without_guidance(doc.body))
                body = self._images_in(body, path, doc.display, doc.body_line)
                out.add(_unnumber(demote_headings(body, 1)), (doc.display, doc.body_line))
        for doctype in self.repo.doctypes.values():
            if doctype.scope != "team":
                continue
            number += 1
            out.add(f"## Vedlegg {number}: Mal for {doctype.title.lower()} {{.unnumbered}}")
            out.add(self._blank_template(doctype))
        if self.include_team_reports:
            for t in self.completed:
                report = t.docs.get("sluttrapport")
                if report is None:
                    continue
                number += 1
                out.add(f"## Vedlegg {number}: Sluttrapport fra {t.team.kommune} {{.unnumbered}}")
                body = _body_without_title(without_guidance(report.body))
                body = self._images_in(body, report.path, report.display, report.body_line)
                out.add(_unnumber(demote_headings(body, 1)), (report.display, report.body_line))

    def _blank_template(self, doctype: DocumentType) -> str:
        variant = self._variant(doctype)
        limit = f" Maks {doctype.max_pages} sider." if doctype.max_pages else ""
        lines = [
            f"*Deltakende team, gruppeleder, effektmål og resultatmål for perioden fylles inn "
            f"øverst. Sendes til prosjektgruppa v/ {self.pilot.recipient}.{limit}*",
            "",
        ]
        for heading, section in zip(
            doctype.headings(variant), doctype.sections(variant), strict=True
        ):
            lines.append(f"**{heading}**")
            lines.append("")
            lines += [f"- {p}" for p in section.prompts]
            if section.table:
                lines += ["", "Delmål | Tiltak | Ansvarlig | én kolonne per måned (sett kryss)"]
            lines.append("")
        return "\n".join(lines)


def read_document_text(path: Path, display: str) -> str:
    from jobbvinner_cli.textio import read_text

    return read_text(path, display=display)


def _body_without_title(body: str) -> str:
    return re.sub(r"\A\s*#\s[^\n]*\n", "", body, count=1)


def _unnumber(text: str) -> str:
    return re.sub(
        r"^(#{2,6}\s+[^\n{]*?)\s*$", r"\1 {.unnumbered .unlisted}", text, flags=re.MULTILINE
    )


def _num(value: float | None) -> str:
    if value is None:
        return "–"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


__all__ = ["Assembled", "Assembler", "Span", "default_chapter"]

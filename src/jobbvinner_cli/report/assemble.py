"""Assemble the pilot's final report as one Markdown text, from what `jv check` read.

The project leader's chapters come from rapport/; tables, the hours chart and the
appendices are generated from pilot.yaml, team.yaml and the teams' documents, so
nothing is retyped. Team text is data: its headings are pushed down, its images
must lie inside the pilot, and raw markup is disabled later by the render engine.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.check.appendices import normalised
from jobbvinner_cli.check.finalreport import is_chapter
from jobbvinner_cli.dates import MONTHS, pages_text
from jobbvinner_cli.layout import REPORT_DIR
from jobbvinner_cli.model.chapters import Chapter, chapters_for, part_enabled
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.pipeline.body import Body, demote_headings
from jobbvinner_cli.pipeline.document import DocFacts
from jobbvinner_cli.report.images import Images
from jobbvinner_cli.report.inputs import ReportInput
from jobbvinner_cli.report.parts import PARTS

_MARKER = re.compile(r"^<!--\s*jv:([a-z-]+)\b.*?-->\s*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


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
    def __init__(self, data: ReportInput, workdir: Path, *, include_team_reports: bool) -> None:
        self.data = data
        self.pilot = data.pilot
        self.workdir = workdir
        self.include_team_reports = include_team_reports
        self.warnings: list[str] = list(data.warnings)
        self.images = Images(data.root, workdir)

    def part(self, name: str) -> str:
        maker = PARTS.get(name)
        if maker is None:
            self.warnings.append(f"Ukjent innsettingsmerke «jv:{name}» i rapport/.")
            return ""
        if not part_enabled(self.pilot.metode.value, self.pilot.rapport.deler, name):
            return ""
        return maker(self.data, self.workdir)

    def _chapter_text(self, display: str) -> str | None:
        text = self.data.chapters.get(display)
        if text is None:
            return None
        body = Body(text, 1)
        # the markers are HTML comments: keep the comments, drop the template's prompts
        return body.clean(0, len(body.lines), comments=False)

    def _chapters(self) -> list[tuple[str, Chapter | None]]:
        """Every .md file in rapport/, in name order, with jv's chapter where it is one; a
        chapter of jv's that was deleted still comes when it holds generated parts."""
        standard = {f"{REPORT_DIR}/{c.filename}": c for c in chapters_for(self.pilot.metode.value)}
        names = {n for n in self.data.chapters if is_chapter(n)}
        names |= {d for d, c in standard.items() if c.parts}
        return [(name, standard.get(name)) for name in sorted(names)]

    def assemble(self) -> Assembled:
        out = _Writer()
        placed: set[str] = set()
        for display, chapter in self._chapters():
            text = self._chapter_text(display)
            if chapter is not None and (text is None or not re.match(r"^#\s", text.lstrip())):
                out.add(f"# {chapter.title}{'' if chapter.numbered else ' {.unnumbered}'}")
            text = self.images.rewrite(text, display, 1) if text is not None else ""
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
            for part in chapter.parts if chapter is not None else ():
                if part not in placed:
                    generated = self.part(part)
                    placed.add(part)
                    if generated:
                        out.add(generated)
        if self._with_appendices():
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
            [t.team.kommune for t in self.data.teams] or list(self.pilot.kommuner),
            period,
            self.warnings,
        )

    def _with_appendices(self) -> bool:
        """The appendices (project plan, blank templates, team reports); a pilot run by
        goals and measures has no team templates, so it has none unless pilot.yaml asks."""
        chosen = self.pilot.rapport.vedlegg
        if chosen is not None:
            return chosen
        return (
            not self.pilot.by_measures
            or "prosjektplan" in self.data.pilot_docs
            or bool(self.pilot.rapport.vedlegg_filer)
        )

    def _appendix_body(self, out: _Writer, doc: DocFacts) -> None:
        body = doc.body
        if body is None:
            return
        start = body.title_end()  # the document's own title is the appendix's heading
        text = demote_headings(body, start, len(body.lines), 1)
        text = self.images.rewrite(text, doc.task.rel, body.line(start))
        out.add(_unnumber(text), (doc.task.rel, body.line(start)))

    def _appendices(self, out: _Writer) -> None:
        out.add("# Vedlegg {.unnumbered}")
        number = 0
        plan = self.data.pilot_docs.get("prosjektplan")
        if plan is not None and plan.body is not None:
            number += 1
            out.add(f"## Vedlegg {number}: Prosjektplan {{.unnumbered}}")
            self._appendix_body(out, plan)
        for rel in self.pilot.rapport.vedlegg_filer:
            text = self.data.chapters.get(normalised(rel))
            if text is None:
                continue  # jv check names it (JV901); the build has warned
            number += 1
            body = Body(text, 1)
            start = body.title_end()
            title = body.headings[0].text if body.headings and start else Path(rel).stem
            out.add(f"## Vedlegg {number}: {title} {{.unnumbered}}")
            demoted = demote_headings(body, start, len(body.lines), 1)
            out.add(
                _unnumber(self.images.rewrite(demoted, rel, body.line(start))),
                (rel, body.line(start)),
            )
        for doctype in self.data.doctypes.values():
            if doctype.scope != "team" or self.pilot.by_measures:
                continue  # a pilot run by goals and measures has no team documents
            number += 1
            out.add(f"## Vedlegg {number}: Mal for {doctype.title.lower()} {{.unnumbered}}")
            out.add(self._blank_template(doctype))
        if self.include_team_reports:
            for t in self.data.completed:
                report = t.docs.get("sluttrapport")
                if report is None or report.body is None:
                    continue
                number += 1
                out.add(f"## Vedlegg {number}: Sluttrapport fra {t.team.kommune} {{.unnumbered}}")
                self._appendix_body(out, report)

    def _blank_template(self, doctype: DocumentType) -> str:
        spec = self.data.specs[doctype.name]
        limit = f" Maks {pages_text(doctype.max_pages)}." if doctype.max_pages else ""
        lines = [
            f"*Deltakende team, gruppeleder, effektmål og resultatmål for perioden fylles inn "
            f"øverst. Sendes til prosjektgruppa v/ {self.pilot.recipient}.{limit}*",
            "",
        ]
        for heading, section in zip(spec.headings, spec.sections, strict=True):
            lines.append(f"**{heading}**")
            lines.append("")
            lines += [f"- {p}" for p in section.prompts]
            if section.table:
                lines += ["", "Delmål | Tiltak | Ansvarlig | én kolonne per måned (sett kryss)"]
            lines.append("")
        return "\n".join(lines)


def _unnumber(text: str) -> str:
    return re.sub(
        r"^(#{2,6}[ \t]+[^\n{]*?)[ \t]*$", r"\1 {.unnumbered .unlisted}", text, flags=re.MULTILINE
    )

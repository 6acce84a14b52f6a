"""Parse and model one document: text to front matter tree and body, then to typed facts.

Every command takes its documents from here (through the check, which runs this on every
file): what is wrong on the way is a diagnostic in the sink, never an exception.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.model.doctype import DocumentType, Section
from jobbvinner_cli.model.frontmatter import DocPeriod, DocStatus, FrontMatter
from jobbvinner_cli.pipeline.body import Body, Heading
from jobbvinner_cli.pipeline.frontmatter import split_front_matter
from jobbvinner_cli.pipeline.limits import MAX_FRONT_MATTER_CHARS
from jobbvinner_cli.pipeline.problems import JV104, JV105, JV110
from jobbvinner_cli.pipeline.yamlcheck import parse_tree, report_unknown_keys, validate
from jobbvinner_cli.pipeline.yamltext import Node

_NUMBERING = re.compile(r"^\s*\d+\s*[.)]?\s*")
_NON_WORD = re.compile(r"[\W_]+")


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class TypeSpec(NamedTuple):
    """A document type as the pilot uses it: its variant's sections and headings."""

    doctype: DocumentType
    sections: tuple[Section, ...]
    headings: list[str]
    numbers: list[int]  # the numbers the pilot expects, as its gatherings really go

    def section_for_role(self, role: str) -> Section | None:
        """The section the final report takes ``role`` from (tiltak, resultater …)."""
        return next((s for s in self.sections if s.report_role == role), None)


@dataclass(frozen=True)
class DocRef:
    """Where a document is and what its place says it is."""

    rel: str  # path relative to the pilot root
    team: str | None
    type_name: str
    nr: int | None
    # discovery saw no symlink on the way to it (then reading need not look again)
    unlinked: bool = field(default=False, compare=False)

    @property
    def doc_id(self) -> str:
        return f"{self.type_name}-{self.nr}" if self.nr is not None else self.type_name


@dataclass
class SectionMatch:
    """The type's sections found among the body's level-2 headings."""

    found: list[Heading] = field(default_factory=list)
    exact: dict[int, int] = field(default_factory=dict)  # type section index -> found index
    approx: dict[int, int] = field(default_factory=dict)  # titles that differ a little

    @property
    def matched(self) -> dict[int, int]:
        return {**self.exact, **self.approx}


@dataclass
class DocFacts:
    """What every command knows of a document: its place, front matter and sections."""

    task: DocRef
    read: bool = False  # the file could be read as text
    tree: Node | None = None  # the front matter as written (None: missing or unreadable)
    meta: FrontMatter | None = None  # the front matter, typed (None: unusable)
    bad: frozenset[str] = frozenset()  # top-level keys with a problem
    body: Body | None = None
    sections: SectionMatch = field(default_factory=SectionMatch)
    status_known: bool = False  # front matter read and a valid status
    delivered: bool = False
    levert: dt.date | None = None
    levert_invalid: bool = False
    status_line: int | None = None
    levert_line: int | None = None
    timer: float | None = None
    effect: str | None = None
    effect_line: int | None = None
    frist: dt.date | None = None  # as written in the document
    frist_line: int | None = None
    kommune: str | None = None
    kommune_line: int | None = None

    def line(self, key: str) -> int:
        """The file line of a front matter key (the first field's line when it is absent)."""
        tree = self.tree
        return tree.key_lines.get(key, tree.line) + 1 if tree is not None else 2

    def field(self, key: str) -> object:
        """A usable front matter value, else None."""
        if self.meta is None or key in self.bad:
            return None
        return getattr(self.meta, key, None)

    @property
    def periode(self) -> DocPeriod | None:
        value = self.field("periode")
        return value if isinstance(value, DocPeriod) else None

    def text_field(self, key: str) -> str:
        value = self.field(key)
        if isinstance(value, list):
            return "; ".join(str(v) for v in value)
        return str(value).strip() if isinstance(value, str) else ""

    def section(self, spec: TypeSpec, title: str) -> tuple[Heading, int] | None:
        """The heading and end line of the type's section called ``title``."""
        if self.body is None:
            return None
        for e_index, f_index in self.sections.matched.items():
            if spec.sections[e_index].title == title:
                heading = self.sections.found[f_index]
                return heading, _section_end(self.body, heading)
        return None


def _section_end(body: Body, heading: Heading) -> int:
    for other in body.headings:
        if other.at > heading.at and other.level <= 2:
            return other.at
    return len(body.lines)


def model_document(spec: TypeSpec | None, task: DocRef, text: str, sink: Sink) -> DocFacts:
    """Parse ``text`` and model it; problems go to ``sink``."""
    facts = DocFacts(task, read=True)
    if not text or text.isspace():  # not text.strip(): that copies the whole text
        sink.add(
            JV104,
            1,
            "Filen er tom. Lag dokumentet med «jv scaffold», eller skriv inn feltene og teksten.",
        )
        return facts
    split = split_front_matter(text)
    if split.unclosed:
        sink.add(
            JV105,
            1,
            "Front matter-blokken øverst er ikke lukket. Legg til en linje med bare --- etter "
            "det siste feltet.",
        )
        return facts
    if split.front_text is None:
        sink.add(
            JV104,
            1,
            "Dokumentet mangler front matter øverst (feltene mellom to linjer med ---). Lag "
            "dokumentet med «jv scaffold», eller kopier feltene fra et dokument av samme type.",
        )
    elif len(split.front_text) > MAX_FRONT_MATTER_CHARS:
        sink.add(
            JV110,
            2,
            f"Front matter er over {MAX_FRONT_MATTER_CHARS // 1000} kB. Trolig står "
            "dokumentteksten over den avsluttende ---; flytt den ned.",
        )
    else:
        ok, tree = parse_tree(split.front_text, sink, 1)
        if ok:
            _model_front_matter(facts, tree, sink, split.front_text)
    facts.body = Body(split.body, split.body_line)
    if spec is not None:
        facts.sections = match_sections(facts.body, spec.headings)
    return facts


def _model_front_matter(facts: DocFacts, tree: Node | None, sink: Sink, text: str) -> None:
    meta, problems = validate(tree, FrontMatter, sink, 1, text)
    if tree is not None and tree.mapping is not None:
        report_unknown_keys(tree, FrontMatter, sink, 1)
    facts.tree = tree
    if meta is None:
        return
    facts.meta = meta
    if problems:  # else none is bad, as DocFacts starts
        facts.bad = frozenset(str(p.path[0]) for p in problems if p.path)
    bad = facts.bad
    present = tree.mapping if tree is not None and tree.mapping is not None else {}
    facts.status_known = "status" not in bad
    facts.delivered = facts.status_known and meta.status is DocStatus.DELIVERED
    facts.levert = meta.levert
    facts.levert_invalid = "levert" in bad
    facts.status_line = facts.line("status")
    facts.levert_line = facts.line("levert") if "levert" in present else facts.status_line
    facts.timer = meta.timer
    if isinstance(meta.effektmål, str) and meta.effektmål.strip():
        facts.effect = meta.effektmål.strip()
        facts.effect_line = facts.line("effektmål")
    if "frist" not in bad and meta.frist is not None:
        facts.frist, facts.frist_line = meta.frist, facts.line("frist")
    if "kommune" not in bad and isinstance(meta.kommune, str) and meta.kommune.strip():
        facts.kommune, facts.kommune_line = meta.kommune.strip(), facts.line("kommune")


def normalised_title(title: str) -> str:
    """A section title without numbering, markup, case and punctuation, for matching."""
    title = _NUMBERING.sub("", title.replace("*", "").replace("`", ""))
    return _NON_WORD.sub(" ", title.casefold()).strip()


def match_sections(body: Body, expected: list[str]) -> SectionMatch:
    """The type's section headings among the body's level-2 headings: exactly, then
    approximately (a title that differs a little is still that section)."""
    found = [h for h in body.headings if h.level == 2]
    if len(found) == len(expected) and [h.text for h in found] == expected:
        # mostly: the sections as the template has them, each the one of its place (what
        # match_titles finds then; tests/pipeline/test_match_sections.py compares)
        return SectionMatch(found, {index: index for index in range(len(found))})
    return match_titles(found, expected)


def match_titles(found: list[Heading], expected: list[str]) -> SectionMatch:
    """`match_sections` for the level-2 headings ``found``."""
    match = SectionMatch(found)
    used: set[int] = set()
    by_text: dict[str, list[int]] = {}
    for index, heading in enumerate(found):
        by_text.setdefault(heading.text, []).append(index)
    for e_index, title in enumerate(expected):
        for f_index in by_text.get(title, ()):
            if f_index not in used:
                match.exact[e_index] = f_index
                used.add(f_index)
                break
    missing = [i for i in range(len(expected)) if i not in match.exact]
    if missing and len(used) < len(found):
        for e_index in missing:
            want = normalised_title(expected[e_index])
            best, best_ratio = -1, 0.0
            for f_index, heading in enumerate(found):
                if f_index in used:
                    continue
                got = normalised_title(heading.text)
                ratio = 1.0 if got == want else difflib.SequenceMatcher(None, got, want).ratio()
                if ratio > best_ratio:
                    best, best_ratio = f_index, ratio
            if best >= 0 and best_ratio >= 0.8:
                match.approx[e_index] = best
                used.add(best)
    return match

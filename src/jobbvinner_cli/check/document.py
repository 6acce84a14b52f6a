"""The check of one document: file, front matter, body and personal data. Runs in a worker."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from jobbvinner_cli.check.content import check_body
from jobbvinner_cli.check.context import CheckContext, TypeSpec
from jobbvinner_cli.check.diagnostics import Diagnostic, Sink
from jobbvinner_cli.check.limits import MAX_FRONT_MATTER_CHARS
from jobbvinner_cli.check.personal import check_personal_data
from jobbvinner_cli.check.source import read_source
from jobbvinner_cli.check.yamlcheck import field_names, parse_tree, report_unknown_keys, validate
from jobbvinner_cli.documents import split_front_matter
from jobbvinner_cli.model.frontmatter import DocStatus, FrontMatter
from jobbvinner_cli.model.schedule import ScheduleError, check_number
from jobbvinner_cli.yamltext import Node


@dataclass(frozen=True)
class DocTask:
    rel: str  # path relative to the pilot root
    team: str | None
    type_name: str
    nr: int | None

    @property
    def doc_id(self) -> str:
        return f"{self.type_name}-{self.nr}" if self.nr is not None else self.type_name


@dataclass
class DocFacts:
    """What the pilot-wide checks (deadlines, effektmål) and `jv status` need from a document."""

    task: DocTask
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


@dataclass
class DocResult:
    facts: DocFacts
    diagnostics: list[Diagnostic] = field(default_factory=list)


def analyse(ctx: CheckContext, task: DocTask) -> DocResult:
    spec = ctx.specs.get(task.type_name)
    sink = Sink(task.rel, task.team, task.type_name)
    facts = DocFacts(task)
    text = read_source(os.path.join(ctx.root, task.rel), sink)
    if text is not None:
        _analyse_text(ctx, task, spec, text, sink, facts)
    return DocResult(facts, sink.items)


def _analyse_text(
    ctx: CheckContext,
    task: DocTask,
    spec: TypeSpec | None,
    text: str,
    sink: Sink,
    facts: DocFacts,
) -> None:
    if not text.strip():
        sink.add(
            "JV104",
            1,
            "Filen er tom. Lag dokumentet med «jv scaffold», eller skriv inn feltene og teksten.",
        )
        return
    split = split_front_matter(text)
    if split.unclosed:
        sink.add(
            "JV105",
            1,
            "Front matter-blokken øverst er ikke lukket. Legg til en linje med bare --- etter "
            "det siste feltet.",
        )
        return
    if split.front_text is None:
        sink.add(
            "JV104",
            1,
            "Dokumentet mangler front matter øverst (feltene mellom to linjer med ---). Lag "
            "dokumentet med «jv scaffold», eller kopier feltene fra et dokument av samme type.",
        )
    elif len(split.front_text) > MAX_FRONT_MATTER_CHARS:
        sink.add(
            "JV110",
            2,
            f"Front matter er over {MAX_FRONT_MATTER_CHARS // 1000} kB. Trolig står "
            "dokumentteksten over den avsluttende ---; flytt den ned.",
        )
    else:
        ok, tree = parse_tree(split.front_text, sink, 1)
        if ok:
            _check_front_matter(ctx, task, spec, tree, sink, facts)
    if spec is not None and task.type_name not in ctx.broken_types:
        check_body(
            split.body,
            split.body_line,
            spec.sections,
            spec.headings,
            spec.doctype.max_pages,
            facts.delivered,
            sink,
        )
    if task.team is not None:
        check_personal_data(split.body, split.body_line, ctx.contacts, sink)


def _is_empty(node: Node) -> bool:
    value = node.scalar
    if value is not None:  # most values: a filled-in text is not empty
        return not value.strip() or node.is_null
    return not (node.mapping if node.mapping is not None else node.sequence)


def _check_front_matter(
    ctx: CheckContext,
    task: DocTask,
    spec: TypeSpec | None,
    tree: Node | None,
    sink: Sink,
    facts: DocFacts,
) -> None:
    meta, problems = validate(tree, FrontMatter, sink, 1)
    if tree is not None and tree.mapping is not None:
        report_unknown_keys(tree, FrontMatter, sink, 1)
    if meta is None:
        return
    present: dict[str, Node] = tree.mapping if tree is not None and tree.mapping is not None else {}
    first = tree.line + 1 if tree is not None else 2

    def line(key: str) -> int:
        return tree.key_lines.get(key, tree.line) + 1 if tree is not None else first

    bad = {p.path[0] for p in problems if p.path}
    name = task.rel.rsplit("/", 1)[-1]

    # identity: type, team and number against the file's place and name
    if "type" in present and "type" not in bad and meta.type != task.type_name:
        sink.add(
            "JV118",
            line("type"),
            f"Feltet type er «{meta.type}», men filnavnet {name} sier {task.type_name}. Skriv "
            f"«type: {task.type_name}», eller gi filen riktig navn.",
        )
    if task.team is not None:
        if "team" not in present:
            sink.add("JV112", first, f"Feltet team mangler. Skriv «team: {task.team}».")
        elif "team" not in bad and meta.team != task.team:
            sink.add(
                "JV117",
                line("team"),
                f"Feltet team er «{meta.team}», men dokumentet ligger i teams/{task.team}/. "
                f"Skriv «team: {task.team}» (er dokumentet kopiert fra et annet team?).",
            )
    if spec is not None and spec.doctype.numbered:
        if "nr" not in present:
            sink.add("JV112", first, f"Feltet nr mangler. Skriv «nr: {task.nr}».")
        elif "nr" not in bad and meta.nr != task.nr:
            sink.add(
                "JV118",
                line("nr"),
                f"Feltet nr er {meta.nr}, men filnavnet {name} sier {task.nr}. Skriv "
                f"«nr: {task.nr}», eller gi filen riktig navn.",
            )
        if ctx.pilot is not None and task.nr is not None and task.nr not in spec.numbers:
            try:
                check_number(spec.doctype, ctx.pilot, task.nr)
            except ScheduleError as exc:
                sink.add(
                    "JV119",
                    line("nr") if "nr" in present else None,
                    f"{str(exc)[0].upper()}{str(exc)[1:]}. Gi filen et nummer som finnes, eller "
                    "slett den.",
                )
    elif "nr" in present and meta.nr is not None and "nr" not in bad:
        sink.add(
            "JV118",
            line("nr"),
            f"{name} har ikke nummer, men feltet nr er {meta.nr}. Fjern feltet nr.",
        )

    # status and delivery date
    facts.status_known = "status" not in bad
    facts.delivered = facts.status_known and meta.status is DocStatus.DELIVERED
    facts.levert = meta.levert
    facts.levert_invalid = "levert" in bad
    facts.status_line = line("status") if "status" in present else first
    facts.levert_line = line("levert") if "levert" in present else facts.status_line
    facts.timer = meta.timer
    if isinstance(meta.effektmål, str) and meta.effektmål.strip():
        facts.effect = meta.effektmål.strip()
        facts.effect_line = line("effektmål")
    if meta.levert is not None and facts.status_known:
        if not facts.delivered:
            sink.add(
                "JV306",
                line("levert"),
                f"Feltet levert har datoen {meta.levert}, men status er «{meta.status.value}». "
                "Er dokumentet levert, skriv «status: levert»; ellers tøm feltet levert.",
            )
        elif meta.levert > max(ctx.today, dt.date.today()):
            # later than --today alone is a look back in time, not a mistake
            sink.add(
                "JV306",
                line("levert"),
                f"Leveringsdatoen {meta.levert} har ikke vært ennå. Skriv datoen dokumentet "
                "faktisk ble sendt.",
            )

    # fields the template put in, left empty in a delivered document
    if facts.delivered:
        known = field_names(FrontMatter)
        for key, node in present.items():
            if _is_empty(node) and key != "levert" and key not in bad and key in known:
                sink.add(
                    "JV210",
                    line(key),
                    f"Feltet {key} er tomt, men dokumentet er levert. Fyll det ut.",
                )

    # the period against the gatherings (the due date and municipality are compared with
    # the team's own deadlines and team.yaml later, by the pilot-wide checks)
    if "frist" not in bad and meta.frist is not None:
        facts.frist, facts.frist_line = meta.frist, line("frist")
    if "kommune" not in bad and isinstance(meta.kommune, str) and meta.kommune.strip():
        facts.kommune, facts.kommune_line = meta.kommune.strip(), line("kommune")
    where = ctx.slots.get(None, {}).get(task.doc_id)
    if where is not None and meta.periode is not None and "periode" not in bad:
        fra, til = meta.periode.fra, meta.periode.til
        if (fra is not None and fra != where.start) or (til is not None and til != where.end):
            sink.add(
                "JV402",
                line("periode"),
                f"Perioden {fra or '?'} – {til or '?'} stemmer ikke med samlingene: "
                f"{task.doc_id} gjelder fra samling {where.gathering_from} ({where.start}) til "
                f"samling {where.gathering_to} ({where.end}). Skriv «fra: {where.start}» og "
                f"«til: {where.end}».",
            )

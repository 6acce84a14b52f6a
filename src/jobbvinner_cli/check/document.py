"""The rules of one document: its front matter against its place, its body, personal data.

Runs in a worker process on large pilots."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field

from jobbvinner_cli.check.consistency import JV402
from jobbvinner_cli.check.content import JV210, check_body
from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.check.deadlines import JV306
from jobbvinner_cli.check.finalreport import check_appendix
from jobbvinner_cli.check.hostile import check_nesting
from jobbvinner_cli.check.ignores import InlineIgnores, find_ignores
from jobbvinner_cli.check.personal import check_personal_data
from jobbvinner_cli.diagnostics import Diagnostic, Sink
from jobbvinner_cli.model.frontmatter import FrontMatter
from jobbvinner_cli.model.schedule import ScheduleError, check_number, missing_reason
from jobbvinner_cli.pipeline.document import (
    DocFacts,
    DocRef,
    SectionMatch,
    TypeSpec,
    model_document,
)
from jobbvinner_cli.pipeline.problems import JV112, JV117, JV118, JV119, JV124
from jobbvinner_cli.pipeline.read import read_file
from jobbvinner_cli.pipeline.yamlcheck import field_names
from jobbvinner_cli.pipeline.yamltext import NULL_WORDS, Node


@dataclass
class DocResult:
    facts: DocFacts
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ignores: InlineIgnores | None = None  # the document's jv-ignore comments


def analyse(ctx: CheckContext, task: DocRef) -> DocResult:
    """Read, parse and model one document, then run the document's rules on it."""
    spec = ctx.specs.get(task.type_name)
    sink = Sink(task.rel, task.team, task.type_name)
    text = read_file(ctx.root, task.rel, sink, unlinked=task.unlinked)
    if text is None:
        return DocResult(DocFacts(task), sink.items)
    ignores = find_ignores(text)
    if ignores is not None:
        _check_ignored_codes(ignores, sink)
    facts = model_document(spec, task, text, sink)
    if facts.tree is not None or facts.meta is not None:
        _check_front_matter(ctx, task, spec, facts, sink)
    body = facts.body
    if body is not None:
        check_nesting(body.text, body.first_line, sink)
        if spec is not None and task.type_name not in ctx.broken_types:
            check_body(body, facts.sections, spec, facts.delivered, sink)
            if task.team is None:
                check_appendix(ctx, body, facts.sections, spec, facts.delivered, sink)
        if task.team is not None:
            check_personal_data(body.text, body.first_line, ctx.contacts, sink)
    if not ctx.keeps(task.team, task.type_name):  # the pilot-wide checks need only the facts
        facts.body = None
        facts.tree = None
        # the sections are lines of the body (DocFacts.section needs both); dropped, they
        # need not be copied back from a worker process either
        facts.sections = SectionMatch()
    return DocResult(facts, sink.items, ignores)


def _check_ignored_codes(ignores: InlineIgnores, sink: Sink) -> None:
    from jobbvinner_cli.check.registry import RULES

    for line, column, code in ignores.named:
        if not any(fnmatch.fnmatchcase(known, code) for known in RULES):
            sink.add(
                JV124,
                line,
                f"jv-ignore nevner {code}, men ingen regel har den koden, så den slår ikke av "
                "noe. Rett koden; se alle reglene med «jv check --list-rules».",
                column=column,
            )


def _is_empty(node: Node) -> bool:
    value = node.scalar
    if value is not None:  # most values: a filled-in text is not empty
        return not value.strip() or node.is_null
    return not (node.mapping if node.mapping is not None else node.sequence)


def _check_front_matter(
    ctx: CheckContext,
    task: DocRef,
    spec: TypeSpec | None,
    facts: DocFacts,
    sink: Sink,
) -> None:
    meta, tree = facts.meta, facts.tree
    if meta is None:
        return
    present: dict[str, Node] = tree.mapping if tree is not None and tree.mapping is not None else {}
    first = tree.line + 1 if tree is not None else 2
    name = task.rel.rsplit("/", 1)[-1]

    # identity: type, team and number against the file's place and name
    _check_type_and_team(task, meta, facts, present, first, name, sink)
    _check_number(ctx, task, spec, meta, facts, present, first, name, sink)
    _check_delivery_date(ctx, meta, facts, sink)
    if facts.delivered:
        _check_empty_fields(facts, present, sink)
    _check_period(ctx, task, meta, facts, sink)


def _check_type_and_team(
    task: DocRef,
    meta: FrontMatter,
    facts: DocFacts,
    present: dict[str, Node],
    first: int,
    name: str,
    sink: Sink,
) -> None:
    bad, line = facts.bad, facts.line
    if "type" in present and "type" not in bad and meta.type != task.type_name:
        sink.add(
            JV118,
            line("type"),
            f"Feltet type er «{meta.type}», men filnavnet {name} sier {task.type_name}. Skriv "
            f"«type: {task.type_name}», eller gi filen riktig navn.",
        )
    if task.team is not None:
        if "team" not in present:
            sink.add(JV112, first, f"Feltet team mangler. Skriv «team: {task.team}».")
        elif "team" not in bad and meta.team != task.team:
            sink.add(
                JV117,
                line("team"),
                f"Feltet team er «{meta.team}», men dokumentet ligger i teams/{task.team}/. "
                f"Skriv «team: {task.team}» (er dokumentet kopiert fra et annet team?).",
            )


def _check_number(
    ctx: CheckContext,
    task: DocRef,
    spec: TypeSpec | None,
    meta: FrontMatter,
    facts: DocFacts,
    present: dict[str, Node],
    first: int,
    name: str,
    sink: Sink,
) -> None:
    """The nr field against the file name, and a number the pilot's schedule has."""
    bad, line = facts.bad, facts.line
    if spec is not None and spec.doctype.numbered:
        if "nr" not in present:
            sink.add(JV112, first, f"Feltet nr mangler. Skriv «nr: {task.nr}».")
        elif "nr" not in bad and meta.nr != task.nr:
            sink.add(
                JV118,
                line("nr"),
                f"Feltet nr er {meta.nr}, men filnavnet {name} sier {task.nr}. Skriv "
                f"«nr: {task.nr}», eller gi filen riktig navn.",
            )
        if (
            ctx.pilot is not None
            and task.nr is not None
            and task.nr not in spec.numbers
            # written before its gathering was cancelled (or the sluttrapport took its
            # place): kept as it is, and owed by nobody
            and missing_reason(spec.doctype, ctx.pilot, task.nr) is None
        ):
            try:
                check_number(spec.doctype, ctx.pilot, task.nr)
            except ScheduleError as exc:
                sink.add(
                    JV119,
                    line("nr") if "nr" in present else None,
                    f"{str(exc)[0].upper()}{str(exc)[1:]}. Gi filen et nummer som finnes, eller "
                    "slett den.",
                )
    elif "nr" in present and meta.nr is not None and "nr" not in bad:
        sink.add(
            JV118,
            line("nr"),
            f"{name} har ikke nummer, men feltet nr er {meta.nr}. Fjern feltet nr.",
        )


def _check_delivery_date(ctx: CheckContext, meta: FrontMatter, facts: DocFacts, sink: Sink) -> None:
    """The levert date against the status, and against the calendar."""
    line = facts.line
    if meta.levert is not None and facts.status_known:
        if not facts.delivered:
            sink.add(
                JV306,
                line("levert"),
                f"Feltet levert har datoen {meta.levert}, men status er «{meta.status.value}». "
                "Er dokumentet levert, skriv «status: levert»; ellers tøm feltet levert.",
            )
        elif meta.levert > max(ctx.today, ctx.clock_today):
            # later than --today alone is a look back in time, not a mistake
            sink.add(
                JV306,
                line("levert"),
                f"Leveringsdatoen {meta.levert} har ikke vært ennå. Skriv datoen dokumentet "
                "faktisk ble sendt.",
            )


def _check_empty_fields(facts: DocFacts, present: dict[str, Node], sink: Sink) -> None:
    """Fields the template put in, left empty in a delivered document."""
    bad, line = facts.bad, facts.line
    known = field_names(FrontMatter)
    for key, node in present.items():
        value = node.scalar
        # a filled-in text (most fields) is not empty: no call to `_is_empty` for it
        if value is not None and (node.quoted or value not in NULL_WORDS) and value.strip():
            continue
        if _is_empty(node) and key != "levert" and key not in bad and key in known:
            sink.add(
                JV210,
                line(key),
                f"Feltet {key} er tomt, men dokumentet er levert. Fyll det ut.",
            )


def _check_period(
    ctx: CheckContext, task: DocRef, meta: FrontMatter, facts: DocFacts, sink: Sink
) -> None:
    """The period against the gatherings.

    The due date and municipality are compared with the team's own deadlines and
    team.yaml later, by the pilot-wide checks.
    """
    where = ctx.slots.get(None, {}).get(task.doc_id)
    if where is not None and meta.periode is not None and "periode" not in facts.bad:
        fra, til = meta.periode.fra, meta.periode.til
        if (fra is not None and where.start is not None and fra != where.start) or (
            til is not None and where.end is not None and til != where.end
        ):
            sink.add(
                JV402,
                facts.line("periode"),
                f"Perioden {fra or '?'} – {til or '?'} stemmer ikke med samlingene: "
                f"{task.doc_id} gjelder fra samling {where.gathering_from} ({where.start}) til "
                f"samling {where.gathering_to} ({where.end}). Skriv «fra: {where.start}» og "
                f"«til: {where.end}».",
            )

"""Running the check: find the files, check each (on both cores when it pays), then the pilot.

Nothing here writes to the pilot: files are only opened for reading, and git
is only asked for its log.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import gc
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.check.context import (
    CheckContext,
    TypeSpec,
    add_team_slots,
    compute_slots,
    contacts_of,
    load_pilot,
    load_team,
    load_types,
)
from jobbvinner_cli.check.deadlines import Entry, report_deadlines, team_entries
from jobbvinner_cli.check.diagnostics import Diagnostic, Sink
from jobbvinner_cli.check.document import DocFacts, DocResult, DocTask, analyse
from jobbvinner_cli.check.gitdates import GitHistory
from jobbvinner_cli.check.pilotchecks import (
    check_due_dates,
    check_gatherings,
    check_references,
    check_team,
    holiday_names,
    holiday_years,
    valid_doc_ids,
)
from jobbvinner_cli.check.rules import Severity
from jobbvinner_cli.check.source import outside_root, read_source
from jobbvinner_cli.dates import format_date
from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.repo import (
    PILOT_FILE,
    REPORT_DIR,
    TEAM_FILE,
    TEAMS_DIR,
    TEMPLATES_DIR,
    find_root,
)

# Below this many documents one process is faster than starting a second one.
PARALLEL_MIN = 1500


@dataclass
class CheckOptions:
    pilot: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)
    team: str | None = None
    ignore: list[str] = field(default_factory=list)
    jobs: int = 0  # 0: decide from the number of files and cores
    start: Path | None = None


@dataclass
class Report:
    root: Path
    diagnostics: list[Diagnostic]
    files: list[str]
    fatal: bool = False
    ctx: CheckContext | None = None
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    facts: dict[str, dict[str, DocFacts]] = field(default_factory=dict)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


# --- finding the files -------------------------------------------------------------------


def _hidden(name: str) -> bool:
    return name.startswith(".")


def classify(name: str, specs: dict[str, TypeSpec]) -> tuple[str, int | None] | str:
    """(type, nr) for a team document's file name, else a Norwegian hint about the name."""
    stem, dot, ext = name.rpartition(".")
    if dot and ext == "md":
        spec = specs.get(stem)
        if spec is not None and spec.doctype.scope == "team" and not spec.doctype.numbered:
            return stem, None
        base, dash, number = stem.rpartition("-")
        spec = specs.get(base) if dash else None
        if (
            spec is not None
            and spec.doctype.scope == "team"
            and spec.doctype.numbered
            and number.isdigit()
            and not number.startswith("0")
        ):
            return base, int(number)
    return _name_hint(name, specs)


def _name_hint(name: str, specs: dict[str, TypeSpec]) -> str:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    lowered = stem.strip().lower().replace(" ", "-")
    base = lowered.rsplit("-", 1)[0]
    for key in (lowered, base):
        spec = specs.get(key)
        if spec is None:
            continue
        doctype = spec.doctype
        if doctype.scope == "pilot":
            return (
                f"{doctype.title} hører til hele piloten og ligger i pilotmappen, ikke hos et team."
            )
        example = doctype.filename(1 if doctype.numbered else None)
        if not name.endswith(".md"):
            return f"Dokumentene skrives som Markdown-filer: {example}, ikke {name}."
        if doctype.numbered and key == lowered:
            return f"{doctype.title}ene har nummer: {doctype.name}-1.md, {doctype.name}-2.md …"
        return f"Filen skal trolig hete {example if doctype.numbered else doctype.filename(None)}."
    names = [
        s.doctype.filename(1).replace("-1.md", "-N.md")
        if s.doctype.numbered
        else s.doctype.filename(None)
        for s in specs.values()
        if s.doctype.scope == "team"
    ]
    return f"Teamdokumentene heter {', '.join(names)}. Flytt eller slett filen."


@dataclass
class _Found:
    tasks: list[DocTask] = field(default_factory=list)
    team_dirs: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)  # files checked only as text (rapport/)
    unread: list[DocTask] = field(default_factory=list)  # documents that are links out
    sinks: dict[str, Sink] = field(default_factory=dict)

    def sink(self, path: str, team: str | None = None) -> Sink:
        if path not in self.sinks:
            self.sinks[path] = Sink(path, team)
        return self.sinks[path]


def _scan(path: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(path) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError:
        return []


def _discover(root: Path, specs: dict[str, TypeSpec], only_team: str | None) -> _Found:
    found = _Found()
    teams_dir = root / TEAMS_DIR
    if teams_dir.is_symlink() and outside_root(root, teams_dir):
        found.sink(TEAMS_DIR).add(
            "JV121", None, "Mappen teams/ er en lenke ut av pilotmappen, og blir ikke lest."
        )
        return found
    for entry in _scan(teams_dir):
        name = entry.name
        rel = f"{TEAMS_DIR}/{name}"
        if _hidden(name) or (only_team is not None and name != only_team):
            continue
        path = Path(entry.path)
        if entry.is_symlink() and outside_root(root, path):
            found.sink(rel, name).add(
                "JV121",
                None,
                "Teammappen er en lenke ut av pilotmappen, og blir ikke lest. Legg teamets filer "
                "i selve mappen.",
            )
            continue
        if not entry.is_dir():
            found.sink(rel).add(
                "JV120",
                None,
                f"«{name}» ligger rett under teams/. Dokumentene hører hjemme i en teammappe "
                "(teams/<team>/); flytt eller slett filen.",
            )
            continue
        found.team_dirs.append(name)
        for item in _scan(path):
            if _hidden(item.name) or item.name == TEAM_FILE:
                continue
            item_rel = f"{rel}/{item.name}"
            if item.is_symlink() and outside_root(root, Path(item.path)):
                found.sink(item_rel, name).add(
                    "JV121",
                    None,
                    "Filen er en symbolsk lenke som peker ut av pilotmappen, og blir ikke lest. "
                    "Legg selve filen i teammappen.",
                )
                linked = classify(item.name, specs)
                if isinstance(linked, tuple):  # there, but unread: not "missing" for deadlines
                    found.unread.append(DocTask(item_rel, name, linked[0], linked[1]))
                continue
            kind = classify(item.name, specs) if not item.is_dir() else None
            if isinstance(kind, tuple):
                found.tasks.append(DocTask(item_rel, name, kind[0], kind[1]))
            else:
                what = "Mappen" if kind is None else "Filen"
                hint = "Teammappen skal bare ha team.yaml og dokumentene." if kind is None else kind
                found.sink(item_rel, name).add(
                    "JV120",
                    None,
                    f"{what} «{item.name}» er ikke et dokument jv kjenner, og blir ikke sjekket "
                    f"eller tatt med i rapporten. {hint}",
                )
    if only_team is not None:
        return found
    for spec in specs.values():
        doctype = spec.doctype
        if doctype.scope != "pilot":
            continue
        for nr in spec.numbers if doctype.numbered else [None]:
            path = root / doctype.filename(nr)
            rel = doctype.filename(nr)
            if path.is_symlink() and outside_root(root, path):
                found.sink(rel).add(
                    "JV121", None, "Filen er en lenke ut av pilotmappen, og blir ikke lest."
                )
            elif path.exists() or path.is_symlink():
                found.tasks.append(DocTask(rel, None, doctype.name, nr))
    for entry in _scan(root / REPORT_DIR):
        if _hidden(entry.name) or not entry.name.endswith(".md"):
            continue
        rel = f"{REPORT_DIR}/{entry.name}"
        if entry.is_symlink() and outside_root(root, Path(entry.path)):
            found.sink(rel).add(
                "JV121", None, "Filen er en lenke ut av pilotmappen, og blir ikke lest."
            )
        else:
            found.plain.append(rel)
    return found


def _team_slugs(root: Path) -> list[str]:
    return [
        e.name
        for e in _scan(root / TEAMS_DIR)
        if not _hidden(e.name) and e.is_dir() and (Path(e.path) / TEAM_FILE).is_file()
    ]


# --- checking the documents ----------------------------------------------------------------

_WORKER_CTX: CheckContext | None = None


def _analyse_safely(ctx: CheckContext, task: DocTask) -> DocResult:
    try:
        return analyse(ctx, task)
    except Exception as exc:  # a bug in jv must not stop the check of the other files
        sink = Sink(task.rel, task.team, task.type_name)
        where = traceback.extract_tb(exc.__traceback__)[-1]
        sink.add(
            "JV100",
            None,
            f"jv klarte ikke å sjekke filen ({type(exc).__name__} i "
            f"{Path(where.filename).name}:{where.lineno}). De andre filene er sjekket. Meld fra "
            "om feilen.",
        )
        return DocResult(DocFacts(task), sink.items)


def _work(tasks: list[DocTask]) -> list[DocResult]:
    assert _WORKER_CTX is not None
    return [_analyse_safely(_WORKER_CTX, task) for task in tasks]


def _workers(requested: int, count: int) -> int:
    if requested > 0:
        return requested
    if count < PARALLEL_MIN or sys.platform != "linux":
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, 4))


def _shares(tasks: list[DocTask], workers: int, head_start: float) -> list[list[DocTask]]:
    """Split the documents; the first share (this process) is smaller by ``head_start``
    documents' worth of other work."""
    per = (len(tasks) + head_start) / workers
    first = max(0, min(len(tasks), round(per - head_start)))
    rest = tasks[first:]
    size = -(-len(rest) // max(workers - 1, 1))
    return [tasks[:first]] + [rest[i : i + size] for i in range(0, len(rest), size)]


def run_tasks(
    ctx: CheckContext,
    tasks: list[DocTask],
    years: list[int],
    jobs: int = 0,
    meanwhile: Callable[[], None] | None = None,
    meanwhile_cost: float = 0.0,
) -> tuple[list[DocResult], dict[dt.date, str]]:
    """Check the documents; look up the public holidays of ``years``; run ``meanwhile``.

    With several workers, the worker processes are forked first and take a share
    of the documents each, one of them also loading the holidays package (slow to
    import); this process runs ``meanwhile`` (reading team.yaml files) and then
    checks its own share.
    """
    workers = _workers(jobs, len(tasks))
    if workers <= 1 or len(tasks) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        if meanwhile is not None:
            meanwhile()
        return [_analyse_safely(ctx, task) for task in tasks], holiday_names(years)
    global _WORKER_CTX
    _WORKER_CTX = ctx  # inherited by the forked workers; nothing is pickled on the way in
    shares = _shares(tasks, workers, meanwhile_cost)
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=context) as pool:
            pending = [pool.submit(_work, share) for share in shares[1:]]
            names = pool.submit(holiday_names, years)
            if meanwhile is not None:
                meanwhile()
            results = _work(shares[0])
            for share, future in zip(shares[1:], pending, strict=True):
                try:
                    results.extend(future.result())
                except BrokenProcessPool:  # a worker died: do its share here
                    results.extend(_work(share))
            try:
                holidays = names.result()
            except BrokenProcessPool:
                holidays = holiday_names(years)
    finally:
        _WORKER_CTX = None
    return results, holidays


# --- the whole pilot -----------------------------------------------------------------------


def _effect_goals(ctx: CheckContext, slug: str, facts: dict[str, DocFacts], sink: Sink) -> None:
    main = facts.get("hovedplan")
    if main is None or not main.effect:
        return

    def norm(text: str) -> str:
        return " ".join(text.split()).strip(" .\"'«»").casefold()

    for doc_id, doc in facts.items():
        if doc_id == "hovedplan" or not doc.effect or norm(doc.effect) == norm(main.effect):
            continue
        sink.document = doc.task.type_name
        sink.add(
            "JV401",
            doc.effect_line,
            f"Effektmålet er et annet enn i hovedplanen. Her: «{doc.effect}». Hovedplanen: "
            f"«{main.effect}». Er målet endret, skriv det nye også i hovedplanen; ellers skriv "
            "det som i hovedplanen.",
            path=doc.task.rel,
        )
    sink.document = None


def _against_team(ctx: CheckContext, facts: DocFacts, sink: Sink) -> None:
    """The due date and municipality a document states, against its team's."""
    task = facts.task
    sink.document = task.type_name
    where = ctx.slot(task.team, task.doc_id)
    if where is not None and facts.frist is not None and facts.frist != where.due:
        sink.add(
            "JV403",
            facts.frist_line,
            f"Fristen i dokumentet er {facts.frist}, men piloten regner fristen til "
            f"{format_date(where.due)} ({where.due}), og jv bruker den. Skriv "
            f"«frist: {where.due}».",
        )
    info = ctx.teams.get(task.team) if task.team is not None else None
    team = info.team if info is not None else None
    if (
        team is not None
        and facts.kommune is not None
        and " ".join(facts.kommune.split()).casefold() != " ".join(team.kommune.split()).casefold()
    ):
        sink.add(
            "JV404",
            facts.kommune_line,
            f"Kommunen er «{facts.kommune}», men team.yaml sier «{team.kommune}». Skriv "
            f'«kommune: "{team.kommune}"».',
        )


def _ignored(diagnostic: Diagnostic, codes: Iterable[str], entries: list[tuple[str, str]]) -> bool:
    code = diagnostic.code
    if any(fnmatch.fnmatchcase(code, c) for c in codes):
        return True
    return any(
        fnmatch.fnmatchcase(code, kode) and fnmatch.fnmatchcase(diagnostic.path, sti)
        for sti, kode in entries
    )


def run_check(options: CheckOptions) -> Report:
    """Check the pilot. Raises JvError (exit 2) only when no pilot is found."""
    # The check makes many small objects and no reference cycles worth collecting; the
    # cyclic garbage collector would only cost time (about a tenth on a large pilot).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run_check(options)
    finally:
        if enabled:
            gc.enable()


def _run_check(options: CheckOptions) -> Report:
    root = find_root(options.start, options.pilot)
    if options.team is not None and not (root / TEAMS_DIR / options.team / TEAM_FILE).is_file():
        raise UsageError(
            f"Fant ikke teamet «{options.team}» (ingen {TEAMS_DIR}/{options.team}/{TEAM_FILE}). "
            f"Team i piloten: {', '.join(_team_slugs(root)) or 'ingen ennå'}."
        )
    pilot_sink = Sink(PILOT_FILE)
    readable, pilot, tree, problems, pilot_text = load_pilot(root, pilot_sink)
    files = [PILOT_FILE]
    if not readable:
        return Report(root, sorted(pilot_sink.items, key=Diagnostic.sort_key), files, fatal=True)

    type_sinks: dict[str, Sink] = {}
    doctypes, broken, specs = load_types(root, pilot, type_sinks)
    types_dir = root / TEMPLATES_DIR / "types"
    files += (
        sorted(f"{TEMPLATES_DIR}/types/{p.name}" for p in types_dir.glob("*.yaml"))
        if types_dir.is_dir()
        else []
    )

    found = _discover(root, specs, options.team)
    ctx = CheckContext(
        root=root,
        today=options.today,
        pilot=pilot,
        pilot_tree=tree,
        pilot_problems=problems,
        doctypes=doctypes,
        broken_types=broken,
        specs=specs,
        teams={},
        contacts=contacts_of(pilot_text),
    )
    ctx.slots = compute_slots(pilot, doctypes)
    years = holiday_years(ctx)
    team_sinks: dict[str, Sink] = {}
    all_slugs = set(_team_slugs(root))

    def load_teams() -> None:
        """team.yaml of each team (the document checks do not need them)."""
        for slug in found.team_dirs:
            rel = f"{TEAMS_DIR}/{slug}/{TEAM_FILE}"
            sink = team_sinks[slug] = Sink(rel, slug)
            team_yaml = root / TEAMS_DIR / slug / TEAM_FILE
            if team_yaml.is_symlink() and outside_root(root, team_yaml):
                sink.add(
                    "JV121", None, "team.yaml er en lenke ut av pilotmappen, og blir ikke lest."
                )
            elif team_yaml.exists() or team_yaml.is_symlink():
                ctx.teams[slug] = load_team(root, slug, sink)
                files.append(rel)
            else:
                sink.path = f"{TEAMS_DIR}/{slug}"
                sink.add(
                    "JV123",
                    None,
                    f"Teammappen {TEAMS_DIR}/{slug}/ har ingen team.yaml. Lag teamet med "
                    "«jv new-team», eller legg inn team.yaml med kommune, gruppeleder og "
                    "medlemmer.",
                )
        add_team_slots(ctx)

    # reading a team.yaml costs about as much as checking a document
    results, holidays = run_tasks(
        ctx, found.tasks, years, options.jobs, load_teams, float(len(found.team_dirs))
    )
    teams = ctx.teams
    files += [r.facts.task.rel for r in results]
    results += [DocResult(DocFacts(task)) for task in found.unread]
    diagnostics: list[Diagnostic] = [d for r in results for d in r.diagnostics]
    for rel in found.plain:
        sink = found.sink(rel)
        read_source(root / rel, sink)
        files.append(rel)

    if options.team is None:
        check_gatherings(ctx, pilot_sink)
        check_references(ctx, pilot_sink)
    check_due_dates(ctx, pilot_sink, team_sinks, holidays, years)
    ids = valid_doc_ids(ctx)
    for slug, info in teams.items():
        check_team(info, team_sinks[slug], all_slugs, ids)

    facts_by_team: dict[str, dict[str, DocFacts]] = {}
    for result in results:
        task = result.facts.task
        sink = found.sink(task.rel, task.team)
        _against_team(ctx, result.facts, sink)
        if task.team is not None:
            facts_by_team.setdefault(task.team, {})[task.doc_id] = result.facts
    git = GitHistory(root)
    entries: dict[str, list[Entry]] = {}
    for slug in sorted(teams):
        sink = team_sinks[slug]
        facts = facts_by_team.get(slug, {})
        _effect_goals(ctx, slug, facts, sink)

        def delivered_on(doc: DocFacts) -> dt.date | None:
            if doc.levert is not None:
                return doc.levert
            return None if doc.levert_invalid else git.delivered_on(doc.task.rel)

        entries[slug] = team_entries(ctx, slug, facts, delivered_on)
        report_deadlines(ctx, slug, entries[slug], sink)

    for sink in (pilot_sink, *type_sinks.values(), *team_sinks.values(), *found.sinks.values()):
        diagnostics.extend(sink.items)
    if options.team is not None:
        diagnostics = [d for d in diagnostics if d.team == options.team]
        files = [f for f in files if f.startswith(f"{TEAMS_DIR}/{options.team}/")]
    ignores = [
        (entry.sti.removeprefix("./"), entry.kode.upper())
        for entry in (pilot.ignorer if pilot else [])
    ]
    codes = [c.upper() for c in options.ignore]
    diagnostics = [d for d in diagnostics if not _ignored(d, codes, ignores)]
    diagnostics.sort(key=Diagnostic.sort_key)
    return Report(root, diagnostics, files, False, ctx, entries, facts_by_team)

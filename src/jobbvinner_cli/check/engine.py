"""Running the check: find the files, check each (on both cores when it pays), then the pilot.

Nothing here writes to the pilot: files are only opened for reading, and git
is only asked for its log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from jobbvinner_cli.check.appendices import appendix_files
from jobbvinner_cli.check.consistency import check_against_team, check_effect_goals
from jobbvinner_cli.check.context import (
    CheckContext,
    add_team_slots,
    compute_slots,
    contacts_of,
)
from jobbvinner_cli.check.deadlines import JV307, Entry, report_deadlines, team_entries
from jobbvinner_cli.check.discovery import Found, discover
from jobbvinner_cli.check.document import DocResult
from jobbvinner_cli.check.finalreport import check_chapters, check_report_folder
from jobbvinner_cli.check.gatheringdata import check_gathering_data
from jobbvinner_cli.check.gitdates import GitHistory
from jobbvinner_cli.check.hostile import check_names, check_nesting, check_templates
from jobbvinner_cli.check.ignores import is_ignored, without_inline_ignored
from jobbvinner_cli.check.parallel import run_tasks
from jobbvinner_cli.check.pilotchecks import (
    check_due_dates,
    check_gatherings,
    check_references,
    check_team,
    holiday_years,
    valid_doc_ids,
)
from jobbvinner_cli.check.register import check_register
from jobbvinner_cli.check.registry import RULES
from jobbvinner_cli.check.selection import select, start_folder
from jobbvinner_cli.diagnostics import Diagnostic, Severity, Sink
from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.gcpause import without_cycle_collection
from jobbvinner_cli.layout import PILOT_FILE, REGISTER_FILE, TEAM_FILE, TEAMS_DIR, TEMPLATES_DIR
from jobbvinner_cli.model.gatheringdata import GatheringData
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.pipeline.config import load_pilot, load_team, load_types, team_slugs
from jobbvinner_cli.pipeline.document import DocFacts
from jobbvinner_cli.pipeline.problems import JV121, JV123
from jobbvinner_cli.pipeline.read import outside_root, read_file
from jobbvinner_cli.pipeline.repo import find_root

if TYPE_CHECKING:  # the register's models are made only for a pilot that has one
    from jobbvinner_cli.model.register import Register


@dataclass
class CheckOptions:
    pilot: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)
    team: str | None = None
    ignore: list[str] = field(default_factory=list)
    jobs: int = 0  # worker processes; 0 or 1: this one (check/parallel.py says why)
    start: Path | None = None
    # keep bodies and chapters for a command that uses them: all (True), or the pilot's own
    # documents and the teams' documents of these types
    keep_documents: bool | frozenset[str] = False
    paths: list[Path] | None = None  # `jv check FILE...`: report only on these


@dataclass
class CheckResult:
    root: Path
    diagnostics: list[Diagnostic]
    files: list[str]
    fatal: bool = False
    ctx: CheckContext | None = None
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    facts: dict[str, dict[str, DocFacts]] = field(default_factory=dict)  # team -> doc id
    pilot_documents: dict[str, DocFacts] = field(default_factory=dict)  # doc id -> facts
    chapters: dict[str, str] = field(default_factory=dict)  # rapport/ file -> text
    gatherings: GatheringData = field(default_factory=GatheringData)  # attendance, evaluations
    register: Register | None = None  # tiltaksplan.yaml, when the pilot has one

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


def run_check(options: CheckOptions) -> CheckResult:
    """Check the pilot. Raises JvError (exit 2) only when no pilot is found."""
    with without_cycle_collection():  # see gcpause.py
        return _run_check(options)


def _run_check(options: CheckOptions) -> CheckResult:
    start = options.start if options.start is not None else start_folder(options.paths or [])
    root = find_root(start, options.pilot)
    selection = select(root, options.paths) if options.paths else None
    only_teams = (
        {options.team}
        if options.team is not None
        else (set(selection.teams) if selection is not None and selection.teams else None)
    )
    if options.team is not None and options.team not in team_slugs(root):
        raise UsageError(
            f"Fant ikke teamet «{options.team}» (ingen {TEAMS_DIR}/{options.team}/{TEAM_FILE}). "
            f"Team i piloten: {', '.join(team_slugs(root)) or 'ingen ennå'}."
        )
    pilot_sink = Sink(PILOT_FILE)
    readable, pilot, tree, problems, pilot_text = load_pilot(root, pilot_sink)
    files = [PILOT_FILE]
    if not readable:
        return CheckResult(
            root, sorted(pilot_sink.items, key=Diagnostic.sort_key), files, fatal=True
        )

    type_sinks: dict[str, Sink] = {}
    doctypes, broken, specs = load_types(root, pilot, type_sinks)
    types_dir = root / TEMPLATES_DIR / "types"
    files += (
        sorted(f"{TEMPLATES_DIR}/types/{p.name}" for p in types_dir.glob("*.yaml"))
        if types_dir.is_dir()
        else []
    )

    found = discover(root, specs, only_teams)
    check_names(root, found)
    if only_teams is None:
        check_templates(root, found, files)
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
        keep_documents=options.keep_documents,
    )
    ctx.slots = compute_slots(pilot, doctypes)
    # checking some teams only: their own deadlines, whose holidays are looked up if any
    years = holiday_years(ctx) if only_teams is None else []
    team_sinks: dict[str, Sink] = {}
    all_slugs = set(team_slugs(root))

    load_teams = partial(_load_teams, ctx, found.team_dirs, found.unlinked_teams, team_sinks, files)
    # reading a team.yaml costs about as much as checking a document
    results, holidays = run_tasks(
        ctx, found.tasks, years, options.jobs, load_teams, float(len(found.team_dirs))
    )
    files += [r.facts.task.rel for r in results]
    results += [DocResult(DocFacts(task)) for task in found.unread]
    diagnostics: list[Diagnostic] = [d for r in results for d in r.diagnostics]
    appendices = appendix_files(ctx, pilot_sink) if options.team is None else []
    found.plain += [f for f in appendices if f not in found.plain]
    chapters = _read_chapters(ctx, found, options.keep_documents, files)
    if options.team is None:
        check_report_folder(root, found.sink, appendices)

    _check_pilot_wide(
        ctx, only_teams is not None, pilot_sink, team_sinks, holidays, years, all_slugs
    )
    facts_by_team, pilot_documents = _check_against_teams(ctx, results, found)
    entries = _check_deadlines(ctx, facts_by_team, team_sinks, pilot_sink)
    gatherings = GatheringData()
    data_files: list[str] = []
    if selection is None or selection.teams is None:  # teams' files: the CSVs are not asked
        gatherings, data_files = check_gathering_data(ctx, found.sinks)
    files += data_files
    register, has_register = check_register(ctx, found.sinks)
    files += [REGISTER_FILE] if has_register else []

    for sink in (pilot_sink, *type_sinks.values(), *team_sinks.values(), *found.sinks.values()):
        diagnostics.extend(sink.items)
    if options.team is not None:
        diagnostics = [d for d in diagnostics if d.team == options.team]
        files = [f for f in files if f.startswith(f"{TEAMS_DIR}/{options.team}/")]
    if selection is not None:
        diagnostics = [d for d in diagnostics if selection.covers(d.path)]
        files = [f for f in files if selection.covers(f)]
    diagnostics = _without_ignored(diagnostics, options, pilot)
    inline = {r.facts.task.rel: r.ignores for r in results if r.ignores is not None}
    diagnostics = without_inline_ignored(diagnostics, inline)
    diagnostics.sort(key=Diagnostic.sort_key)
    return CheckResult(
        root,
        diagnostics,
        files,
        False,
        ctx,
        entries,
        facts_by_team,
        pilot_documents,
        chapters,
        gatherings,
        register,
    )


def _load_teams(
    ctx: CheckContext,
    team_dirs: list[str],
    unlinked: set[str],
    team_sinks: dict[str, Sink],
    files: list[str],
) -> None:
    """team.yaml of each team (the document checks do not need them). ``unlinked``: the
    teams whose team.yaml discovery listed, with no symlink on its way (there, and not
    to be looked at again: a few system calls less for each of hundreds of teams)."""
    root = ctx.root
    for slug in team_dirs:
        rel = f"{TEAMS_DIR}/{slug}/{TEAM_FILE}"
        sink = team_sinks[slug] = Sink(rel, slug)
        if slug in unlinked:
            ctx.teams[slug] = load_team(root, slug, sink, unlinked=True)
            files.append(rel)
            continue
        team_yaml = root / TEAMS_DIR / slug / TEAM_FILE
        if team_yaml.is_symlink() and outside_root(root, team_yaml):
            sink.add(JV121, None, "team.yaml er en lenke ut av pilotmappen, og blir ikke lest.")
        elif team_yaml.exists() or team_yaml.is_symlink():
            ctx.teams[slug] = load_team(root, slug, sink)
            files.append(rel)
        else:
            sink.path = f"{TEAMS_DIR}/{slug}"
            sink.add(
                JV123,
                None,
                f"Teammappen {TEAMS_DIR}/{slug}/ har ingen team.yaml. Lag teamet med "
                "«jv new-team», eller legg inn team.yaml med kommune, gruppeleder og "
                "medlemmer.",
            )
    add_team_slots(ctx)


def _read_chapters(
    ctx: CheckContext, found: Found, keep: bool | frozenset[str], files: list[str]
) -> dict[str, str]:
    """The rapport/ files, read as text and checked; their text kept only when ``keep``."""
    chapters: dict[str, str] = {}
    for rel in found.plain:
        text = read_file(ctx.root, rel, found.sink(rel))
        if text is not None:
            check_nesting(text, 1, found.sink(rel))
        if text is not None:
            chapters[rel] = text
        files.append(rel)
    check_chapters(ctx, chapters, found.sink)
    return chapters if keep else {}


def _check_pilot_wide(
    ctx: CheckContext,
    some_teams: bool,
    pilot_sink: Sink,
    team_sinks: dict[str, Sink],
    holidays: dict[dt.date, str],
    years: list[int],
    all_slugs: set[str],
) -> None:
    """pilot.yaml's gatherings, references and due dates, and each team.yaml."""
    if not some_teams:
        check_gatherings(ctx, pilot_sink)
        check_references(ctx, pilot_sink, list(RULES))
    check_due_dates(ctx, pilot_sink, team_sinks, holidays, years, with_pilot=not some_teams)
    ids = valid_doc_ids(ctx)
    for slug, info in ctx.teams.items():
        check_team(info, team_sinks[slug], all_slugs, ids)


def _check_against_teams(
    ctx: CheckContext, results: list[DocResult], found: Found
) -> tuple[dict[str, dict[str, DocFacts]], dict[str, DocFacts]]:
    """Each document against its team; its facts by team and doc id (the pilot's apart)."""
    facts_by_team: dict[str, dict[str, DocFacts]] = {}
    pilot_documents: dict[str, DocFacts] = {}
    for result in results:
        task = result.facts.task
        sink = found.sink(task.rel, task.team)
        check_against_team(ctx, result.facts, sink)
        if task.team is not None:
            facts_by_team.setdefault(task.team, {})[task.doc_id] = result.facts
        else:
            pilot_documents[task.doc_id] = result.facts
    return facts_by_team, pilot_documents


def _check_deadlines(
    ctx: CheckContext,
    facts_by_team: dict[str, dict[str, DocFacts]],
    team_sinks: dict[str, Sink],
    pilot_sink: Sink,
) -> dict[str, list[Entry]]:
    """Each team's effect goals and deadlines; the entries of its delivery plan."""
    git = GitHistory(ctx.root)
    asked = False

    def delivered_on(doc: DocFacts) -> dt.date | None:
        nonlocal asked
        if doc.levert is not None:
            return doc.levert
        if doc.levert_invalid:
            return None
        asked = True
        return git.delivered_on(doc.task.rel)

    entries: dict[str, list[Entry]] = {}
    for slug in sorted(ctx.teams):
        sink = team_sinks[slug]
        facts = facts_by_team.get(slug, {})
        check_effect_goals(ctx, slug, facts, sink)
        entries[slug] = team_entries(ctx, slug, facts, delivered_on)
        report_deadlines(ctx, slug, entries[slug], sink)
    if asked and git.shallow:
        pilot_sink.add(
            JV307,
            None,
            "Git-repoet er en grunn kopi (shallow clone), så historikken kan ikke si når "
            "dokumentene uten «levert:» ble levert. Hent hele historikken med «git fetch "
            "--unshallow» (i GitHub Actions: fetch-depth: 0 i actions/checkout), eller fyll "
            "inn levert: ÅÅÅÅ-MM-DD.",
        )
    return entries


def _without_ignored(
    diagnostics: list[Diagnostic], options: CheckOptions, pilot: Pilot | None
) -> list[Diagnostic]:
    """Drop what --ignore and pilot.yaml's «ignorer» ask to leave out."""
    ignores = [
        (entry.sti.removeprefix("./"), entry.kode.upper())
        for entry in (pilot.ignorer if pilot else [])
    ]
    codes = [c.upper() for c in options.ignore]
    return [d for d in diagnostics if not is_ignored(d, codes, ignores)]

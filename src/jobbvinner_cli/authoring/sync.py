"""`jv sync`: bring the parts jv derived in every scaffolded document up to date.

After pilot.yaml, a team.yaml or a template changes, each document is rendered again
from its template and compared with what jv wrote into it when it was made (the
record, authoring/record.py). What jv wrote and the team left alone is updated: the
derived front matter values, the generated lines above the first section, section
headings the template renamed (followed by the section's id) and sections the template
gained (added with their prompt). The team's own text is never touched: the file is
edited line by line, and a derived value changed by hand is reported, not overwritten
(unless ``force``).
"""

from __future__ import annotations

import difflib

from jinja2.sandbox import ImmutableSandboxedEnvironment

from jobbvinner_cli.authoring import record
from jobbvinner_cli.authoring.frontedit import FrontLines
from jobbvinner_cli.authoring.scaffold import render_document
from jobbvinner_cli.authoring.syncplan import DocSync
from jobbvinner_cli.authoring.syncsections import body_of, level2, sync_sections
from jobbvinner_cli.check.gitdates import GitHistory
from jobbvinner_cli.diagnostics import Severity, Sink
from jobbvinner_cli.errors import JvError, UsageError
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.pipeline.document import DocRef, model_document
from jobbvinner_cli.pipeline.frontmatter import split_front_matter
from jobbvinner_cli.pipeline.read import read_file
from jobbvinner_cli.pipeline.repo import PilotRepo
from jobbvinner_cli.pipeline.templates import make_env
from jobbvinner_cli.textio import write_atomic


def _documents(
    repo: PilotRepo, team: str | None
) -> list[tuple[DocumentType, int | None, str | None]]:
    """Every document on disk of a type jv knows, the pilot's own first."""
    out: list[tuple[DocumentType, int | None, str | None]] = []
    if team is None:
        for doctype in repo.doctypes.values():
            pilot_doc = doctype.scope == "pilot" and not doctype.numbered
            if pilot_doc and (repo.root / doctype.filename(None)).is_file():
                out.append((doctype, None, None))
    slugs = [team] if team is not None else repo.team_slugs()
    for slug in slugs:
        folder = repo.team_dir(slug)
        for doctype in repo.doctypes.values():
            if doctype.scope != "team":
                continue
            if not doctype.numbered:
                if (folder / doctype.filename(None)).is_file():
                    out.append((doctype, None, slug))
                continue
            found = []
            for path in folder.glob(f"{doctype.name}-*.md"):
                number = path.name[len(doctype.name) + 1 : -3]
                if number.isdigit() and not number.startswith("0"):
                    found.append(int(number))
            out += [(doctype, nr, slug) for nr in sorted(found)]
    return out


def plan_sync(repo: PilotRepo, *, team: str | None = None, force: bool = False) -> list[DocSync]:
    if team is not None:
        repo.team(team)  # an unknown team is named as such
    records = record.load(repo.root)
    git = GitHistory(repo.root)
    for doctype, nr, slug in (docs := _documents(repo, team)):
        display = repo.rel(repo.document_path(doctype, nr, slug))
        if display not in records:  # made before jv kept a record: as first committed
            first = git.first_version(display)
            if first is not None:
                records[display] = record.entry_for(
                    first.replace("\r\n", "\n"), [(None, h.text) for h in level2(body_of(first))]
                )
    env = make_env(repo.root)
    env.auto_reload = False  # the templates do not change during one sync: compile each once
    return [_sync_one(repo, records, env, doctype, nr, slug, force) for doctype, nr, slug in docs]


def apply_sync(repo: PilotRepo, plans: list[DocSync]) -> None:
    """Write the changed documents (each atomically), then the record."""
    for plan in plans:
        if plan.changed:
            write_atomic(plan.path, plan.new)
    entries = record.load(repo.root)
    for plan in plans:
        if plan.entry is not None:
            entries[plan.display] = plan.entry
    if any(plan.entry is not None for plan in plans):
        record.save(repo.root, entries)


def unified_diff(plans: list[DocSync]) -> str:
    out: list[str] = []
    for plan in plans:
        if not plan.changed:
            continue
        old = plan.old.decode("utf-8", "replace").splitlines(keepends=True)
        new = plan.new.decode("utf-8", "replace").splitlines(keepends=True)
        for line in difflib.unified_diff(old, new, f"a/{plan.display}", f"b/{plan.display}"):
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _sync_one(
    repo: PilotRepo,
    records: dict[str, record.Entry],
    env: ImmutableSandboxedEnvironment,
    doctype: DocumentType,
    nr: int | None,
    team: str | None,
    force: bool,
) -> DocSync:
    path = repo.document_path(doctype, nr, team)
    display = repo.rel(path)
    plan = DocSync(display, path)
    sink = Sink(display, team)
    text = read_file(repo.root, display, sink)
    if text is not None:  # the one reading every command uses: what check refuses, sync leaves
        model_document(None, DocRef(display, team, doctype.name, nr), text, sink)
    problems = [d for d in sink.items if d.severity is Severity.ERROR]
    lines = FrontLines.load(path, text) if text is not None and not problems else None
    if text is None or problems or lines is None:
        why = f" ({problems[0].code} {problems[0].message})" if problems else ""
        plan.notes.append(f"kan ikke leses{why}; rett feilen (se «jv check») og kjør jv sync igjen")
        return plan
    plan.old = plan.new = lines.data()
    try:
        new_text, context = render_document(repo, doctype, nr, team, env)
    except (JvError, UsageError) as exc:
        plan.notes.append(f"kan ikke lages fra malen nå: {exc.message}")
        return plan
    new_front = FrontLines.parse(new_text)
    entry = records.get(display)
    if new_front is not None:
        _sync_fields(plan, lines, new_front, entry, doctype, force)
    _sync_preamble(plan, lines, text, new_text, entry, force)
    sync_sections(plan, lines, text, new_text, context, entry)
    apply_preamble_edits(lines, plan.preamble_edits)  # after: they move the sections' lines
    if new_front is not None and entry is not None:  # last: it moves the body's lines
        _add_gained_fields(plan, lines, new_front, entry, doctype)
    plan.new = lines.data()
    plan.entry = record.entry_for(new_text, record.context_sections(context))
    if plan.kept and entry is None:
        plan.entry = None  # what jv wrote is still unknown: the next sync asks again
    elif entry is not None:  # a value kept as edited by hand keeps the baseline it had
        for label in plan.kept_fields:
            if label in entry.fields:
                plan.entry.fields[label] = entry.fields[label]
        if plan.kept_lines:
            plan.entry.lines = entry.lines
    return plan


def _add_gained_fields(
    plan: DocSync,
    lines: FrontLines,
    new_front: FrontLines,
    entry: record.Entry,
    doctype: DocumentType,
) -> None:
    """A derived field the template gained since jv made the document (one jv wrote and the
    team deleted stays deleted)."""
    order = list(new_front.tree.mapping or {})
    gained: list[tuple[int, int, str]] = []
    for path in record.DERIVED:
        key = path[0]
        if len(path) != 1 or key not in order or lines.node(path) is not None:
            continue
        if record.key(path) in entry.fields or (doctype.name == "hovedplan" and key == "effektmål"):
            continue
        text = new_front.raw_line(path)
        if text is None or not new_front.editable(path):
            continue
        after = [k for k in order[order.index(key) + 1 :] if lines.node((k,)) is not None]
        at = lines.key_line((after[0],)) if after else None
        gained.append((at if at is not None else lines.close, order.index(key), text))
        plan.changes.append(f"nytt felt fra malen: {text.split('#')[0].strip()}")
    # from the bottom up, so each line number still holds when its line goes in
    for at, _, text in sorted(gained, reverse=True):
        lines.insert_at(at, text)


def _sync_fields(
    plan: DocSync,
    lines: FrontLines,
    new_front: FrontLines,
    entry: record.Entry | None,
    doctype: DocumentType,
    force: bool,
) -> None:
    for path in record.DERIVED:
        label = record.key(path)
        if doctype.name == "hovedplan" and label == "effektmål":
            continue  # the hovedplan is where the team writes it
        new = new_front.scalar(path)
        current = lines.scalar(path)
        if new is None or current is None or current == new:
            continue
        if label == "effektmål" and not new.strip():
            continue  # nothing to carry (yet)
        value = new_front.value_text(path)
        if not lines.editable(path) or value is None:
            plan.notes.append(
                f"feltet «{label}» står ikke som «{path[-1]}: verdi» på én linje, så jv endrer "
                f"det ikke; skriv det slik, eller rett det selv til «{new}»"
            )
            plan.kept_fields.append(label)
            continue
        baseline = entry.fields.get(label) if entry is not None else None
        if baseline is not None and current == baseline:
            lines.set(path, value)
            plan.changes.append(f"{label}: {_shown(current)} → {_shown(new)}")
        elif force:
            lines.set(path, value)
            plan.changes.append(f"{label}: {_shown(current)} → {_shown(new)} (overskrevet)")
        else:
            why = (
                f"er endret for hånd (jv skrev {_shown(baseline)})"
                if baseline is not None
                else "kan være endret for hånd (jv har ikke notert hva som ble skrevet da "
                "dokumentet ble laget)"
            )
            plan.kept.append(
                f"feltet «{label}» {why}: står {_shown(current)}, ny verdi ville vært "
                f"{_shown(new)}. Ikke endret"
            )
            plan.kept_fields.append(label)


def _shown(value: str | None) -> str:
    return f"«{value}»" if value else "tom"


def _sync_preamble(
    plan: DocSync,
    lines: FrontLines,
    text: str,
    new_text: str,
    entry: record.Entry | None,
    force: bool,
) -> None:
    """The generated lines above the first section: title, «For perioden … Sendes til …»."""
    body = body_of(text)
    first = next(iter(level2(body)), None)
    start = split_front_matter(text).body_line
    stop = first.line if first is not None else len(lines.lines) + 1
    region = range(start, stop)  # file lines
    new_lines = record.preamble_lines(new_text)
    old_lines = entry.lines if entry is not None else None
    if old_lines is None:
        if not force:
            _report_stale_lines(plan, lines, region, new_lines)
            return
        old_lines = _guess_old_lines(lines, region, new_lines)
    pending: list[tuple[int, int, str | None]] = []  # (file line, order, new line or removal)
    anchor = start - 1  # the file line the next new line goes after
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = old_lines[i1:i2], new_lines[j1:j2]
        if op == "equal":
            anchor = _find(lines, region, olds[-1]) or anchor
            continue
        for k in range(max(len(olds), len(news))):
            old = olds[k] if k < len(olds) else None
            new = news[k] if k < len(news) else None
            at = _find(lines, region, old) if old is not None else None
            if old is not None and new is not None:
                anchor = _replace(plan, lines, region, at, old, new) or anchor
            elif new is not None:  # the template gained a line
                pending.append((anchor, j1 + k, new))
                plan.changes.append(f"ny linje fra malen: «{_short(new)}»")
            elif at is not None:  # the template dropped a line jv wrote, still as it was
                pending.append((at, i1 + k, None))
                plan.changes.append(f"linje {at} er ikke lenger i malen og er fjernet")
    plan.preamble_edits = pending


def _find(lines: FrontLines, region: range, text: str) -> int | None:
    return next((n for n in region if lines.lines[n - 1].rstrip("\r\n") == text), None)


def _replace(
    plan: DocSync, lines: FrontLines, region: range, at: int | None, old: str, new: str
) -> int | None:
    if at is not None:
        raw = lines.lines[at - 1]
        lines.lines[at - 1] = new + raw[len(raw.rstrip("\r\n")) :]
        plan.changes.append(f"linje {at}: {_what_changed(old, new)}")
        return at
    if not old.lstrip().startswith(">") and new not in _texts(lines, region):
        plan.kept_lines = True
        plan.kept.append(
            f"linjen jv skrev («{_short(old)}») er endret for hånd og ikke oppdatert; "
            f"jv ville nå skrevet «{_short(new)}»"
        )
    return None


def apply_preamble_edits(lines: FrontLines, edits: list[tuple[int, int, str | None]]) -> None:
    """Lines added or removed above the first section, from the bottom up."""
    ending = "\r\n" if lines.lines and lines.lines[0].endswith("\r\n") else "\n"
    for at, _, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        if new is None:
            del lines.lines[at - 1]
            if at - 1 < len(lines.lines) and not lines.lines[at - 1].strip():
                del lines.lines[at - 1]  # and the blank line after it
        else:
            lines.lines[at:at] = [ending, new + ending]


def _texts(lines: FrontLines, region: range) -> set[str]:
    return {lines.lines[n - 1].rstrip("\r\n") for n in region}


def _guess_old_lines(lines: FrontLines, region: range, new_lines: list[str]) -> list[str]:
    """Without a record (and forced): the current line most like each generated one."""
    current = [lines.lines[n - 1].rstrip("\r\n") for n in region]
    out = []
    for new in new_lines:
        close = difflib.get_close_matches(new, current, n=1, cutoff=0.6)
        out.append(close[0] if close else new)
    return out


def _report_stale_lines(
    plan: DocSync, lines: FrontLines, region: range, new_lines: list[str]
) -> None:
    """Without a usable record: name generated lines that differ, change nothing."""
    present = _texts(lines, region)
    current = [lines.lines[n - 1].rstrip("\r\n") for n in region]
    for new in new_lines:
        if new in present or new.lstrip().startswith(">"):
            continue
        close = difflib.get_close_matches(new, current, n=1, cutoff=0.6)
        if close:
            plan.kept.append(
                f"linjen «{_short(close[0])}» er ikke slik jv ville skrevet den nå "
                f"(«{_short(new)}»), men jv vet ikke om den er endret for hånd. Ikke endret"
            )


def _what_changed(old: str, new: str) -> str:
    """«28. januar 2020 → 4. februar 2020», the words that differ between two lines."""
    a, b = old.split(" "), new.split(" ")
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            was = " ".join(a[i1:i2]).strip("*.,") or "–"
            now = " ".join(b[j1:j2]).strip("*.,") or "–"
            parts.append(f"«{was}» → «{now}»")
    return "; ".join(parts[:4]) + (" …" if len(parts) > 4 else "")


def _short(line: str, width: int = 70) -> str:
    line = line.strip()
    return line if len(line) <= width else line[: width - 1] + "…"

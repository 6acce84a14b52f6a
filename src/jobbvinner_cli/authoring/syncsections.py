"""`jv sync` for section headings: renamed in the template (followed by id), or new."""

from __future__ import annotations

import difflib
from typing import Any

from jobbvinner_cli.authoring import record
from jobbvinner_cli.authoring.frontedit import FrontLines
from jobbvinner_cli.authoring.syncplan import DocSync
from jobbvinner_cli.pipeline.body import Body, Heading
from jobbvinner_cli.pipeline.frontmatter import split_front_matter


def body_of(text: str) -> Body:
    split = split_front_matter(text)
    return Body(split.body, split.body_line)


def level2(body: Body) -> list[Heading]:
    return [h for h in body.headings if h.level == 2]


def sync_sections(
    plan: DocSync,
    lines: FrontLines,
    text: str,
    new_text: str,
    context: dict[str, Any],
    entry: record.Entry | None,
) -> None:
    """Rename sections the template renamed; add the sections it gained, with their prompt."""
    new = record.context_sections(context)
    body = body_of(text)
    found = level2(body)
    new_body = body_of(new_text)
    assigned = _assign(found, new, entry.sections if entry is not None else None)
    for f_index, n_index in assigned.items():
        heading = found[f_index]
        wanted = new[n_index][1]
        if heading.text != wanted:
            raw = lines.lines[heading.line - 1]
            at = raw.find(heading.text)
            if at >= 0:
                lines.lines[heading.line - 1] = raw[:at] + wanted + raw[at + len(heading.text) :]
                plan.changes.append(f"seksjonen «{heading.text}» heter nå «{wanted}»")
    if entry is not None:
        _report_dropped(plan, found, entry.sections, assigned)
    present = set(assigned.values())
    texts = {h.text for h in found}
    missing = [i for i in range(len(new)) if i not in present and new[i][1] not in texts]
    missing = _really_new(plan, found, assigned, new, entry, missing)
    if missing and (lines.scalar(("status",)) or "").strip().lower() == "levert":
        # what was sent stays as it was sent: a delivered document gets no new prompt
        titles = ", ".join(f"«{new[i][1]}»" for i in missing)
        plan.notes.append(
            f"dokumentet er levert, så jv legger ikke inn seksjonene malen har fått ({titles})"
        )
        return
    if not missing:
        return
    new_found = level2(new_body)
    if len(new_found) != len(new):
        plan.notes.append("malens seksjoner kunne ikke leses, så nye seksjoner er ikke lagt til")
        return
    ends = {h.at: end for h, end in body.sections(2)}
    new_ends = {h.at: end for h, end in new_body.sections(2)}
    inserts: list[tuple[int, int, list[str]]] = []
    for n_index in missing:
        block = _block(new_body, new_found[n_index], new_ends)
        before = [f for f, n in assigned.items() if n < n_index]
        after = [f for f, n in assigned.items() if n > n_index]
        at = len(lines.lines) + 1  # the end of the file
        if before:
            last = found[max(before, key=lambda f: assigned[f])]
            if ends[last.at] < len(body.lines):
                at = body.line(ends[last.at])
        elif after:
            at = found[min(after, key=lambda f: assigned[f])].line
        inserts.append((at, n_index, block))
        plan.changes.append(f"ny seksjon «{new[n_index][1]}» med veiledningen fra malen")
    ending = "\r\n" if lines.lines and lines.lines[0].endswith("\r\n") else "\n"
    for at, _, block in sorted(inserts, key=lambda i: (i[0], i[1]), reverse=True):
        index = at - 1
        chunk = [line + ending for line in block] + [ending]
        if index > 0 and lines.lines[index - 1].strip():
            chunk.insert(0, ending)
        if index > 0 and not lines.lines[index - 1].endswith("\n"):
            chunk.insert(0, ending)
        lines.lines[index:index] = chunk


def _really_new(
    plan: DocSync,
    found: list[Heading],
    assigned: dict[int, int],
    new: list[tuple[str | None, str]],
    entry: record.Entry | None,
    missing: list[int],
) -> list[int]:
    """The missing sections to add: not one jv wrote and the team deleted, and not one the
    team has under a heading of its own that is close to the template's."""
    old = entry.sections if entry is not None else []
    old_to_new = _old_to_new(new, old) if old else {}
    written = {n for o, n in old_to_new.items() if o < len(old)}
    loose = [h for f, h in enumerate(found) if f not in assigned]
    out = []
    for n_index in missing:
        title = new[n_index][1]
        close = next(
            (
                h
                for h in loose
                if difflib.SequenceMatcher(None, _key(h.text), _key(title)).ratio() >= 0.8
            ),
            None,
        )
        if close is not None:
            plan.notes.append(
                f"seksjonen «{close.text}» ligner på «{title}» i malen, men er skrevet "
                f"annerledes; jv har ikke endret den. Skriv overskriften «## {title}»"
            )
        elif n_index in written:
            plan.notes.append(
                f"seksjonen «{title}» er slettet fra dokumentet; jv legger den ikke inn igjen"
            )
        else:
            out.append(n_index)
    return out


def _key(heading: str) -> str:
    return " ".join(_norm(heading).casefold().split())


def _block(body: Body, heading: Heading, ends: dict[int, int]) -> list[str]:
    """The template's lines of one section, from its heading, without trailing blank lines."""
    block = body.lines[heading.at : ends[heading.at]]
    while block and not block[-1].strip():
        block.pop()
    return [line.rstrip("\r\n") for line in block]


def _norm(heading: str) -> str:
    return heading.split(". ", 1)[1] if heading[:1].isdigit() and ". " in heading else heading


def _old_to_new(
    new: list[tuple[str | None, str]], old: list[tuple[str | None, str]]
) -> dict[int, int]:
    """The template's sections then → now: by id, else by title, else (same count, no
    ids) by position."""
    old_to_new: dict[int, int] = {}
    taken: set[int] = set()
    for o_index, (o_id, _) in enumerate(old):
        found = next((i for i, (n_id, _) in enumerate(new) if o_id and n_id == o_id), None)
        if found is not None and found not in taken:
            old_to_new[o_index] = found
            taken.add(found)
    for o_index, (_, o_heading) in enumerate(old):
        if o_index in old_to_new:
            continue
        found = next((i for i, (_, h) in enumerate(new) if h == o_heading and i not in taken), None)
        if found is not None:
            old_to_new[o_index] = found
            taken.add(found)
    if len(old) == len(new):  # no ids: the section in the same place was renamed
        for o_index in range(len(old)):
            if (
                o_index not in old_to_new
                and o_index not in taken
                and not (old[o_index][0] and new[o_index][0])
            ):
                old_to_new[o_index] = o_index
                taken.add(o_index)
    return old_to_new


def _assign(
    found: list[Heading],
    new: list[tuple[str | None, str]],
    old: list[tuple[str | None, str]] | None,
) -> dict[int, int]:
    """Each section heading in the document → the template section it is now."""
    old_to_new = _old_to_new(new, old) if old is not None else {}
    assigned: dict[int, int] = {}
    used: set[int] = set()
    for f_index, heading in enumerate(found):
        n_index: int | None = None
        if old is not None:
            o_index = next(
                (i for i, (_, h) in enumerate(old) if h == heading.text and i in old_to_new), None
            )
            if o_index is not None:
                n_index = old_to_new[o_index]
        if n_index is None:
            n_index = next((i for i, (_, h) in enumerate(new) if h == heading.text), None)
        if n_index is None and old is None:
            n_index = next(
                (i for i, (_, h) in enumerate(new) if _norm(h) == _norm(heading.text)), None
            )
        if n_index is not None and n_index not in used:
            assigned[f_index] = n_index
            used.add(n_index)
    return assigned


def _report_dropped(
    plan: DocSync,
    found: list[Heading],
    old: list[tuple[str | None, str]],
    assigned: dict[int, int],
) -> None:
    old_texts = {h for _, h in old}
    for f_index, heading in enumerate(found):
        if f_index not in assigned and heading.text in old_texts:
            plan.notes.append(
                f"seksjonen «{heading.text}» finnes ikke lenger i malen; teksten er ikke rørt. "
                "Flytt den dit den hører hjemme, og slett overskriften"
            )

"""Finding a pilot's documents: which files are which document, and which are not read."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.layout import IMAGES_DIR, REPORT_DIR, TEAM_FILE, TEAMS_DIR
from jobbvinner_cli.pipeline.document import DocRef, TypeSpec
from jobbvinner_cli.pipeline.problems import JV120, JV121
from jobbvinner_cli.pipeline.read import is_folder, outside_root


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
class Found:
    tasks: list[DocRef] = field(default_factory=list)
    team_dirs: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)  # files checked only as text (rapport/)
    unread: list[DocRef] = field(default_factory=list)  # documents that are links out
    # teams whose team.yaml was listed with no symlink on its way (read without looking again)
    unlinked_teams: set[str] = field(default_factory=set)
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


def discover(root: Path, specs: dict[str, TypeSpec], only_teams: Collection[str] | None) -> Found:
    """The pilot's files; with ``only_teams``, only those teams' folders."""
    found = Found()
    teams_dir = root / TEAMS_DIR
    teams_linked = teams_dir.is_symlink()
    if teams_linked and outside_root(root, teams_dir):
        found.sink(TEAMS_DIR).add(
            JV121, None, "Mappen teams/ er en lenke ut av pilotmappen, og blir ikke lest."
        )
    else:
        _discover_team_dirs(root, teams_dir, specs, only_teams, found, teams_linked)
    if only_teams is None:
        _discover_pilot_documents(root, specs, found)
        _discover_chapters(root, found)
    return found


def _discover_team_dirs(
    root: Path,
    teams_dir: Path,
    specs: dict[str, TypeSpec],
    only_teams: Collection[str] | None,
    found: Found,
    teams_linked: bool,
) -> None:
    for entry in _scan(teams_dir):
        name = entry.name
        rel = f"{TEAMS_DIR}/{name}"
        if _hidden(name) or (only_teams is not None and name not in only_teams):
            continue
        path = Path(entry.path)
        linked = teams_linked or entry.is_symlink()
        if linked and outside_root(root, path):
            found.sink(rel, name).add(
                JV121,
                None,
                "Teammappen er en lenke ut av pilotmappen, og blir ikke lest. Legg teamets filer "
                "i selve mappen.",
            )
            continue
        if not is_folder(entry):
            found.sink(rel).add(
                JV120,
                None,
                f"«{name}» ligger rett under teams/. Dokumentene hører hjemme i en teammappe "
                "(teams/<team>/); flytt eller slett filen.",
            )
            continue
        found.team_dirs.append(name)
        _discover_team_files(root, path, rel, name, specs, found, linked)


def _discover_team_files(
    root: Path,
    path: Path,
    rel: str,
    team: str,
    specs: dict[str, TypeSpec],
    found: Found,
    in_link: bool,
) -> None:
    """The documents in one team's folder (``in_link``: the folder is, or is in, a symlink),
    and what else lies there."""
    for item in _scan(path):
        if item.name == TEAM_FILE and not in_link and not item.is_symlink():
            found.unlinked_teams.add(team)
        if _hidden(item.name) or item.name == TEAM_FILE:
            continue
        if item.name == IMAGES_DIR and is_folder(item) and not item.is_symlink():
            continue  # the documents' images: read only when a document shows one
        item_rel = f"{rel}/{item.name}"
        if item.is_symlink() and outside_root(root, Path(item.path)):
            found.sink(item_rel, team).add(
                JV121,
                None,
                "Filen er en symbolsk lenke som peker ut av pilotmappen, og blir ikke lest. "
                "Legg selve filen i teammappen.",
            )
            linked = classify(item.name, specs)
            if isinstance(linked, tuple):  # there, but unread: not "missing" for deadlines
                found.unread.append(DocRef(item_rel, team, linked[0], linked[1]))
            continue
        kind = classify(item.name, specs) if not is_folder(item) else None
        if isinstance(kind, tuple):
            unlinked = not in_link and not item.is_symlink()
            found.tasks.append(DocRef(item_rel, team, kind[0], kind[1], unlinked))
        else:
            what = "Mappen" if kind is None else "Filen"
            hint = "Teammappen skal bare ha team.yaml og dokumentene." if kind is None else kind
            if item.name.lower().endswith(".docx") and kind is not None:
                hint = (
                    f"Er det et utfylt dokument fra Word, ta det inn med «jv import {item_rel}» "
                    "og slett Word-filen etterpå."
                )
            found.sink(item_rel, team).add(
                JV120,
                None,
                f"{what} «{item.name}» er ikke et dokument jv kjenner, og blir ikke sjekket "
                f"eller tatt med i rapporten. {hint}",
            )


def _discover_pilot_documents(root: Path, specs: dict[str, TypeSpec], found: Found) -> None:
    """The documents of the whole pilot, in the pilot folder itself."""
    for spec in specs.values():
        doctype = spec.doctype
        if doctype.scope != "pilot":
            continue
        for nr in spec.numbers if doctype.numbered else [None]:
            path = root / doctype.filename(nr)
            rel = doctype.filename(nr)
            if path.is_symlink() and outside_root(root, path):
                found.sink(rel).add(
                    JV121, None, "Filen er en lenke ut av pilotmappen, og blir ikke lest."
                )
            elif path.exists() or path.is_symlink():
                found.tasks.append(DocRef(rel, None, doctype.name, nr))


def _discover_chapters(root: Path, found: Found) -> None:
    """The final report's chapters in rapport/, checked only as text."""
    for entry in _scan(root / REPORT_DIR):
        if _hidden(entry.name) or not entry.name.endswith(".md"):
            continue
        rel = f"{REPORT_DIR}/{entry.name}"
        if entry.is_symlink() and outside_root(root, Path(entry.path)):
            found.sink(rel).add(
                JV121, None, "Filen er en lenke ut av pilotmappen, og blir ikke lest."
            )
        else:
            found.plain.append(rel)

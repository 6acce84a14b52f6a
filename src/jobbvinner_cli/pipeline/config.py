"""Reading pilot.yaml, team.yaml and the document types, every problem a diagnostic."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.errors import ConfigError, JvError
from jobbvinner_cli.layout import (
    PILOT_FILE,
    REGISTER_FILE,
    TEAM_FILE,
    TEAMS_DIR,
    TEMPLATES_DIR,
)
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.schedule import numbers
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.pipeline.doctypes import load_doctypes
from jobbvinner_cli.pipeline.document import TypeSpec
from jobbvinner_cli.pipeline.problems import JV106, JV601
from jobbvinner_cli.pipeline.read import is_folder, outside_root, read_file
from jobbvinner_cli.pipeline.schema import Problem
from jobbvinner_cli.pipeline.yamlcheck import parse_tree, validate
from jobbvinner_cli.pipeline.yamltext import Node

if TYPE_CHECKING:  # imported where it is read: most pilots have no tiltaksplan.yaml
    from jobbvinner_cli.model.register import Register


@dataclass
class TeamInfo:
    slug: str
    team: Team | None  # None when team.yaml cannot be used
    tree: Node | None


def load_pilot(
    root: Path, sink: Sink
) -> tuple[bool, Pilot | None, Node | None, list[Problem], str]:
    """pilot.yaml: (readable, model, tree, problems, text). Unreadable stops the check."""
    text = read_file(root, PILOT_FILE, sink)
    if text is None:
        return False, None, None, [], ""
    ok, tree = parse_tree(text, sink, 0)
    if not ok:
        return False, None, None, [], text
    if tree is not None and tree.mapping is None:
        sink.add(
            JV106,
            tree.line,
            "pilot.yaml må bestå av nøkler med verdier (navn:, samlinger: …), ikke en liste "
            "eller bare tekst.",
        )
        return False, None, tree, [], text
    pilot, problems = validate(tree, Pilot, sink, 0, text)
    return True, pilot, tree, problems, text


def load_types(
    root: Path, pilot: Pilot | None, sinks: dict[str, Sink]
) -> tuple[dict[str, DocumentType], set[str], dict[str, TypeSpec]]:
    problems: list[JvError] = []
    doctypes = load_doctypes(root / TEMPLATES_DIR, root, problems)
    broken: set[str] = set()
    for problem in problems:
        display = str(problem.path or f"{TEMPLATES_DIR}/types")
        sink = sinks.setdefault(display, Sink(display))
        broken.add(Path(display).stem)
        if isinstance(problem, ConfigError):
            for line, message in problem.problems:
                sink.add(JV601, line, f"Dokumenttypen kan ikke brukes: {message}")
        else:
            sink.add(JV601, problem.line, f"Dokumenttypen kan ikke brukes: {problem.message}")
    specs: dict[str, TypeSpec] = {}
    for name, doctype in doctypes.items():
        variant = pilot.variant_for(name) if pilot is not None else next(iter(doctype.variants))
        valid = numbers(doctype, pilot) if pilot is not None else list(range(1, 100))
        specs[name] = TypeSpec(doctype, doctype.sections(variant), doctype.headings(variant), valid)
    return doctypes, broken, specs


def load_team(root: Path, slug: str, sink: Sink, *, unlinked: bool = False) -> TeamInfo:
    """The team's team.yaml (``unlinked``: as for `read_file`)."""
    info = TeamInfo(slug, None, None)
    text = read_file(root, f"{TEAMS_DIR}/{slug}/{TEAM_FILE}", sink, unlinked=unlinked)
    if text is None:
        return info
    ok, tree = parse_tree(text, sink, 0)
    if not ok:
        return info
    info.tree = tree
    info.team, _ = validate(tree, Team, sink, 0, text)
    return info


def team_slugs(root: Path) -> list[str]:
    """The teams of the pilot: folders under teams/ with a team.yaml, none of it a link that
    leads out of the pilot."""
    folder = root / TEAMS_DIR
    if not folder.is_dir() or outside_root(root, folder):
        return []
    with os.scandir(folder) as entries:
        return sorted(
            entry.name
            for entry in entries
            if not entry.name.startswith(".")
            and is_folder(entry)
            and not (entry.is_symlink() and outside_root(root, Path(entry.path)))
            and (Path(entry.path) / TEAM_FILE).is_file()
        )


def load_register(root: Path, sink: Sink) -> tuple[Register | None, Node | None]:
    """tiltaksplan.yaml: the goal register (model and positioned tree), when it is there."""
    text = read_file(root, REGISTER_FILE, sink)
    if text is None:
        return None, None
    ok, tree = parse_tree(text, sink, 0)
    if not ok:
        return None, None
    if tree is not None and tree.mapping is None:
        sink.add(
            JV106,
            tree.line,
            "tiltaksplan.yaml må bestå av nøkler med verdier (hovedmål:, delmål:, tiltak: …).",
        )
        return None, tree
    from jobbvinner_cli.model.register import Register

    register, _ = validate(tree, Register, sink, 0)
    return register, tree

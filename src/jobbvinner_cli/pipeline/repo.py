"""A pilot repository on disk: finding it, loading pilot.yaml and the teams, and safe paths."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.diagnostics import Severity, Sink
from jobbvinner_cli.errors import ConfigError, Hint, UsageError
from jobbvinner_cli.layout import PILOT_FILE, TEAM_FILE, TEAMS_DIR
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.pipeline.config import load_pilot, load_team, load_types, team_slugs
from jobbvinner_cli.pipeline.read import outside_root
from jobbvinner_cli.pipeline.yamltext import Node
from jobbvinner_cli.slugs import check_slug
from jobbvinner_cli.textio import sweep_pilot


def find_root(start: Path | None = None, explicit: Path | None = None) -> Path:
    """The pilot folder: ``explicit`` if given, else the nearest folder upwards with pilot.yaml.

    Every command starts here, so here the leftovers of a killed jv are removed."""
    root = _find_root(start, explicit)
    sweep_pilot(root)
    return root


def _find_root(start: Path | None, explicit: Path | None) -> Path:
    if explicit is not None:
        root = explicit.expanduser()
        if not (root / PILOT_FILE).is_file():
            raise UsageError(f"Fant ingen {PILOT_FILE} i {root}.", hint=Hint.PILOT_FOLDER)
        return root.resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / PILOT_FILE).is_file():
            return folder
    raise UsageError(
        f"Fant ingen pilot her: verken {here} eller noen mappe over den har en {PILOT_FILE}.",
        hint=Hint.FIND_PILOT,
    )


def is_inside(root: Path, path: Path) -> bool:
    return not outside_root(root.resolve(), path)


@dataclass
class PilotRepo:
    root: Path
    pilot: Pilot
    tree: Node | None
    doctypes: dict[str, DocumentType]
    _teams: dict[str, tuple[Team, Node | None]] = field(default_factory=dict)

    @classmethod
    def load(cls, explicit: Path | None = None, start: Path | None = None) -> PilotRepo:
        root = find_root(start, explicit)
        sink = Sink(PILOT_FILE)
        _, pilot, tree, _, _ = load_pilot(root, sink)
        _refuse_errors(sink)
        if pilot is None:  # pragma: no cover - an unusable pilot.yaml always has an error
            raise ConfigError(PILOT_FILE, [(None, "pilot.yaml kan ikke brukes.")])
        type_sinks: dict[str, Sink] = {}
        doctypes, _, _ = load_types(root, pilot, type_sinks)
        for type_sink in type_sinks.values():
            _refuse_errors(type_sink)
        return cls(root, pilot, tree, doctypes)

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def doctype(self, name: str) -> DocumentType:
        try:
            return self.doctypes[name]
        except KeyError:
            known = ", ".join(self.doctypes)
            raise UsageError(f"Ukjent dokumenttype «{name}». Kjente typer: {known}.") from None

    def team_dir(self, slug: str) -> Path:
        check_slug(slug)
        path = self.root / TEAMS_DIR / slug
        if path.is_symlink() or (path.exists() and not is_inside(self.root, path)):
            raise UsageError(
                f"Teammappen {TEAMS_DIR}/{slug} peker ut av pilotmappen og blir ikke brukt."
            )
        return path

    def team_slugs(self) -> list[str]:
        return team_slugs(self.root)

    def team(self, slug: str) -> Team:
        return self.team_with_tree(slug)[0]

    def team_with_tree(self, slug: str) -> tuple[Team, Node | None]:
        if slug not in self._teams:
            folder = self.team_dir(slug)
            path = folder / TEAM_FILE
            display = f"{TEAMS_DIR}/{slug}/{TEAM_FILE}"
            if not path.is_file():
                known = ", ".join(self.team_slugs()) or "ingen ennå"
                raise UsageError(
                    f"Fant ikke teamet «{slug}». Team i piloten: {known}. "
                    "Lag et nytt team med «jv new-team KOMMUNE»."
                )
            sink = Sink(display)
            info = load_team(self.root, slug, sink)
            _refuse_errors(sink)
            if info.team is None:  # pragma: no cover - an unusable team.yaml has an error
                raise ConfigError(display, [(None, "team.yaml kan ikke brukes.")])
            self._teams[slug] = (info.team, info.tree)
        return self._teams[slug]

    @contextmanager
    def pending_team(self, slug: str, team: Team) -> Iterator[None]:
        """Treat a team not yet written to disk as known (to render its first document)."""
        self._teams[slug] = (team, None)
        try:
            yield
        finally:
            self._teams.pop(slug, None)

    def document_path(self, doctype: DocumentType, nr: int | None, team: str | None) -> Path:
        if doctype.scope == "pilot":
            return self.root / doctype.filename(nr)
        if team is None:
            raise UsageError(f"{doctype.title} hører til et team.", hint=Hint.NAME_TEAM)
        return self.team_dir(team) / doctype.filename(nr)


def _refuse_errors(sink: Sink) -> None:
    """Stop on the errors `jv check` finds in a pilot file, worded as the check words them."""
    errors = [d for d in sink.items if d.severity is Severity.ERROR]
    if errors:
        raise ConfigError(sink.path, [(d.line, f"{d.code} {d.message}") for d in errors])

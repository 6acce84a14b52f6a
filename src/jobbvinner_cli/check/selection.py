"""`jv check FILE...`: which of the pilot's files to report on, and which teams that needs.

pre-commit and editors pass the files that changed. Those files are checked with the
pilot-level facts they need (pilot.yaml, the document types, their team's team.yaml and
the team's other documents, for deadlines and consistency), and only their diagnostics are
shown: the same as a full check gives for them. A file of the whole pilot (pilot.yaml, a
document type, prosjektplan.md, rapport/) needs the whole pilot, so then all is checked
and the report still shows only the files asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.layout import TEAMS_DIR


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class Selection(NamedTuple):
    files: frozenset[str]  # paths relative to the pilot folder
    folders: tuple[str, ...]  # relative, each ending in "/"
    teams: frozenset[str] | None  # the teams to read; None: the whole pilot

    def covers(self, rel: str) -> bool:
        if rel in self.files:
            return True
        return any((rel + "/").startswith(folder) for folder in self.folders)


def _relative(root: Path, path: Path) -> str:
    for candidate in (path.absolute(), path.resolve()):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    raise UsageError(
        f"«{path}» ligger ikke i piloten ({root}). Gi filer i pilotmappen, eller velg en "
        "annen pilot med --pilot."
    )


def select(root: Path, paths: list[Path]) -> Selection | None:
    """The selection of ``paths`` in the pilot at ``root``; None when it is the whole pilot."""
    files: set[str] = set()
    folders: list[str] = []
    teams: set[str] | None = set()
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"Fant ikke «{path}». Sjekk navnet på filen eller mappen.")
        rel = _relative(root, path)
        if rel == ".":
            return None
        parts = rel.split("/")
        if path.is_dir() and not path.is_symlink():
            folders.append(rel + "/")
        else:
            files.add(rel)
        if parts[0] == TEAMS_DIR and len(parts) >= 2 and teams is not None:
            teams.add(parts[1])
        else:
            teams = None
    return Selection(frozenset(files), tuple(folders), frozenset(teams) if teams else None)


def start_folder(paths: list[Path]) -> Path | None:
    """Where to look for the pilot when no --pilot is given: at the first path."""
    if not paths:
        return None
    first = paths[0].absolute()
    return first if first.is_dir() else first.parent

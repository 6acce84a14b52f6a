"""`jv init`: a new pilot folder with pilot.yaml, teams/, rapport/ and a git repository."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli import __version__
from jobbvinner_cli.authoring.templates import make_env, render
from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.layout import PILOT_FILE, REGISTER_FILE, REPORT_DIR, TEAMS_DIR, TEMPLATES_DIR
from jobbvinner_cli.model.chapters import PART_TITLES, chapters_for
from jobbvinner_cli.textio import write_atomic

METHODS = ("utviklingsverksted", "tiltaksplan")


@dataclass(frozen=True)
class GatheringDates:
    start: dt.date | None
    end: dt.date | None = None


def parse_gathering(text: str) -> GatheringDates:
    """«2018-11-13» or «2018-11-13..2018-11-14» (a two-day gathering)."""
    first, _, second = text.partition("..")
    try:
        start = dt.date.fromisoformat(first.strip())
        end = dt.date.fromisoformat(second.strip()) if second else None
    except ValueError:
        raise UsageError(
            f"«{text}» er ikke en dato. Skriv ÅÅÅÅ-MM-DD, eller "
            "ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD for en samling over to dager."
        ) from None
    if end is not None and end < start:
        raise UsageError(f"I «{text}» er sluttdatoen før startdatoen.")
    return GatheringDates(start, end)


def _initial_status(gathering: GatheringDates, today: dt.date) -> str:
    last = gathering.end or gathering.start
    return "gjennomført" if last is not None and last < today else "planlagt"


@dataclass
class InitOptions:
    directory: Path
    name: str
    region: str = ""
    gatherings: list[GatheringDates] = field(default_factory=list)
    placeholder_count: int = 6
    project_leader: str = ""
    email: str = ""
    variant: str = "orkdal"
    git: bool = True
    method: str = "utviklingsverksted"
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class InitResult:
    root: Path
    written: list[str]
    git: str


def _inside_git(folder: Path) -> bool:
    probe = folder
    while not probe.exists():
        probe = probe.parent
    result = subprocess.run(
        ["git", "-C", str(probe), "rev-parse", "--is-inside-work-tree"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and result.stdout.strip() == "true"


def init_pilot(options: InitOptions) -> InitResult:
    root = options.directory.expanduser()
    if (root / PILOT_FILE).exists():
        raise UsageError(
            f"{root} har allerede en pilot ({PILOT_FILE} finnes). Ingenting er endret. "
            "Velg en annen mappe, eller rediger pilot.yaml der."
        )
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} finnes og er ikke en mappe.")
    for sub in (TEAMS_DIR, REPORT_DIR):
        if (root / sub).exists() and any((root / sub).iterdir()):
            raise UsageError(
                f"{root / sub} finnes allerede og er ikke tom. jv init lager en ny pilot i en tom "
                "mappe og rører ikke filer som finnes."
            )
    if options.variant not in ("orkdal", "ostfold"):
        raise UsageError(f"Ukjent malvariant «{options.variant}». Velg orkdal eller ostfold.")
    if options.method not in METHODS:
        raise UsageError(f"Ukjent metode «{options.method}». Velg {' eller '.join(METHODS)}.")
    by_measures = options.method == "tiltaksplan"
    if by_measures and options.gatherings:
        raise UsageError(
            "En pilot med tiltaksplan har ikke samlinger. Legg workshoper og møter inn som "
            "hendelser i pilot.yaml i stedet."
        )
    dated = options.gatherings
    count = 0 if by_measures else options.placeholder_count
    # a gathering already over when the pilot is set up has been held (else JV605 warns)
    gatherings = [
        {
            "nr": i,
            "dato": g.start,
            "til": g.end,
            "status": _initial_status(g, options.today),
        }
        for i, g in enumerate(dated, 1)
    ] or [{"nr": i, "dato": None, "til": None} for i in range(1, count + 1)]
    starts = [g.start for g in dated if g.start]
    env = make_env(None)
    pilot_text = render(
        env,
        "pilot.yaml.j2",
        {
            "navn": options.name,
            "region": options.region,
            "periode_fra": min(starts) if starts else None,
            "periode_til": max((g.end or g.start) for g in dated if g.start) if starts else None,
            "prosjektleder": options.project_leader,
            "epost": options.email,
            "samlinger": gatherings,
            "malvariant": options.variant,
            "metode": options.method,
        },
    )
    files: dict[str, str] = {PILOT_FILE: pilot_text, ".gitignore": render(env, "gitignore.j2", {})}
    if by_measures:
        files[REGISTER_FILE] = render(env, "tiltaksplan.yaml.j2", {})
    for chapter in chapters_for(options.method):
        parts = [{"key": p, "title": PART_TITLES[p]} for p in chapter.parts]
        files[f"{REPORT_DIR}/{chapter.filename}"] = render(
            env, "rapport-kapittel.md.j2", {"kapittel": chapter, "deler": parts}
        )
    files[f"{TEMPLATES_DIR}/LESMEG.md"] = render(env, "templates-lesmeg.md.j2", {})
    # CI and pre-commit run «jv check» (see the comments in the files)
    tool = {"version": __version__}
    files[".github/workflows/jv-check.yml"] = render(env, "jv-check.yml.j2", tool)
    files[".pre-commit-config.yaml"] = render(env, "pre-commit-config.yaml.j2", tool)
    files[f"{TEAMS_DIR}/.gitkeep"] = ""

    written: list[str] = []
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        target = root / rel
        if target.exists():
            continue  # never touch what is there (e.g. an existing .gitignore)
        write_atomic(target, text)
        written.append(rel)

    git_state = "av"
    if options.git:
        if shutil.which("git") is None:
            git_state = "mangler"
        elif _inside_git(root):
            git_state = "finnes"
        else:
            result = subprocess.run(
                ["git", "init", "-q", str(root)], capture_output=True, text=True, check=False
            )
            git_state = "laget" if result.returncode == 0 else "feilet"
    return InitResult(root.resolve(), written, git_state)

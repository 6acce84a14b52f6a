"""`jv init`: a new pilot folder with pilot.yaml, teams/, rapport/ and a git repository."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.authoring.jvsource import JvSource, default_source
from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.layout import PILOT_FILE, REGISTER_FILE, REPORT_DIR, TEAMS_DIR, TEMPLATES_DIR
from jobbvinner_cli.model.chapters import PART_TITLES, chapters_for
from jobbvinner_cli.pipeline.templates import make_env, render
from jobbvinner_cli.textio import TEMP_PREFIX, write_atomic

METHODS = ("utviklingsverksted", "tiltaksplan")


KIND_NAMES = {"index": "versjon fra pakkeindeksen", "git": "git-adresse", "wheel": "wheel-fil"}


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
    jv_source: JvSource = field(default_factory=default_source)
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class InitResult:
    root: Path
    written: list[str]
    git: str


def _enclosing_pilot(folder: Path) -> Path | None:
    """The pilot folder ``folder`` would be inside of, if any."""
    for parent in folder.resolve().parents:
        if (parent / PILOT_FILE).is_file():
            return parent
    return None


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


def _refuse_place(root: Path) -> None:
    """A folder that is a pilot, is no folder, or lies inside a pilot gets no new pilot."""
    if (root / PILOT_FILE).exists():
        raise UsageError(
            f"{root} har allerede en pilot ({PILOT_FILE} finnes). Ingenting er endret. "
            "Velg en annen mappe, eller rediger pilot.yaml der."
        )
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} finnes og er ikke en mappe.")
    outer = _enclosing_pilot(root)
    if outer is not None:
        raise UsageError(
            f"{root} ligger inne i piloten i {outer} ({PILOT_FILE} finnes der). En pilot i en "
            "pilot blir lest som filer i den ytre, og jv vet ikke hvilken du mener. Ingenting "
            "er endret. Velg en mappe utenfor."
        )


def _refuse_others_files(root: Path, files: dict[str, str]) -> None:
    """teams/ and rapport/ must be empty, but for what an init that was killed wrote: that
    is no reason to refuse the retry."""
    for sub in (TEAMS_DIR, REPORT_DIR):
        if (root / sub).is_dir() and any(
            f"{sub}/{p.name}" not in files and not p.name.startswith(TEMP_PREFIX)
            for p in (root / sub).iterdir()
        ):
            raise UsageError(
                f"{root / sub} finnes allerede og er ikke tom. jv init lager en ny pilot i en tom "
                "mappe og rører ikke filer som finnes."
            )


def init_pilot(options: InitOptions) -> InitResult:
    root = options.directory.expanduser()
    _refuse_place(root)
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
    # both install the same jv, from the one setting --jv-kilde
    source = options.jv_source
    tool = {"requirement": source.requirement, "repo": source.repo, "rev": source.rev}
    tool["kind"] = KIND_NAMES[source.kind]
    files[".github/workflows/jv-check.yml"] = render(env, "jv-check.yml.j2", tool)
    files[".pre-commit-config.yaml"] = render(env, "pre-commit-config.yaml.j2", tool)
    # markdownlint and yamllint, as editors run them, pass on what jv writes
    files[".markdownlint.yaml"] = render(env, "markdownlint.yaml.j2", {})
    files[".yamllint"] = render(env, "yamllint.j2", {})
    files[f"{TEAMS_DIR}/.gitkeep"] = ""

    _refuse_others_files(root, files)
    # pilot.yaml last: until it is there, the folder is no pilot, and a retry after a kill
    # writes what is missing
    files[PILOT_FILE] = files.pop(PILOT_FILE)
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

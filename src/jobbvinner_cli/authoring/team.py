"""`jv new-team`: a municipality's team folder with team.yaml and its hovedplan."""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.authoring.record import remember
from jobbvinner_cli.authoring.scaffold import render_document
from jobbvinner_cli.errors import Hint, UsageError
from jobbvinner_cli.layout import TEAM_FILE, TEAMS_DIR
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.pipeline.repo import PilotRepo, is_inside
from jobbvinner_cli.pipeline.schema import parse_config_text, validate_tree
from jobbvinner_cli.pipeline.templates import make_env, render
from jobbvinner_cli.pipeline.yamlchars import character_name
from jobbvinner_cli.slugs import check_slug, slug_for
from jobbvinner_cli.textio import TEMP_PREFIX, temp_name, write_atomic


@dataclass(frozen=True)
class NewTeam:
    slug: str
    folder: Path
    written: list[str]


def new_team(
    repo: PilotRepo,
    kommune: str,
    *,
    gruppeleder: str = "",
    slug: str | None = None,
    referansegruppe: str | None = None,
    with_hovedplan: bool = True,
) -> NewTeam:
    kommune = _name(kommune, "Kommunenavnet")
    gruppeleder = _name(gruppeleder, "Navnet på gruppelederen")
    slug = check_slug(slug) if slug is not None else slug_for(kommune)
    folder = repo.root / TEAMS_DIR / slug
    _drop_leftover(folder)
    if folder.exists() or folder.is_symlink():
        raise UsageError(
            f"Teamet «{slug}» finnes allerede ({TEAMS_DIR}/{slug}/). Ingenting er endret.",
            hint=Hint.OTHER_SLUG,
        )
    if not is_inside(repo.root, folder.parent):
        raise UsageError(f"Mappen {TEAMS_DIR}/ peker ut av pilotmappen.")
    if referansegruppe:
        check_slug(referansegruppe)
        if referansegruppe == slug:
            raise UsageError("Et team kan ikke være referansegruppe for seg selv.")
        if referansegruppe not in repo.team_slugs():
            raise UsageError(
                f"Fant ikke teamet «{referansegruppe}» som referansegruppe. "
                "Lag det først, eller sett referansegruppe senere i team.yaml."
            )

    env = make_env(repo.root)
    team_text = render(
        env,
        "team.yaml.j2",
        {
            "kommune": kommune,
            "gruppeleder": gruppeleder,
            "referansegruppe": referansegruppe,
        },
    )
    # Validate what we are about to write, so a template edit cannot produce a broken team.
    display = f"{TEAMS_DIR}/{slug}/{TEAM_FILE}"
    team = validate_tree(parse_config_text(team_text, display), Team, display)

    files: dict[str, str] = {TEAM_FILE: team_text}
    hovedplan_context = None
    if with_hovedplan and "hovedplan" in repo.doctypes:
        with repo.pending_team(slug, team):  # render the hovedplan before anything is written
            text, hovedplan_context = render_document(repo, repo.doctypes["hovedplan"], None, slug)
        files[repo.doctypes["hovedplan"].filename(None)] = text

    written = [f"{TEAMS_DIR}/{slug}/{name}" for name in files]
    _write_staged(folder, files)
    if hovedplan_context is not None:
        hovedplan = repo.doctypes["hovedplan"].filename(None)
        remember(repo.root, f"{TEAMS_DIR}/{slug}/{hovedplan}", files[hovedplan], hovedplan_context)
    return NewTeam(slug, folder, written)


def _name(text: str, what: str) -> str:
    """A name as the user typed it, in the one Unicode form (NFC) every command compares."""
    name = unicodedata.normalize("NFC", text.strip())
    bad = next((ch for ch in name if unicodedata.category(ch) in ("Cc", "Cf")), None)
    if bad is not None:
        raise UsageError(
            f"{what} inneholder {character_name(bad)}. Skriv navnet på nytt, uten det."
        )
    return name


def _drop_leftover(folder: Path) -> None:
    """A team folder holding nothing but jv's temporary files is what a killed `jv new-team`
    of an earlier version left: remove it, so that the retry works."""
    if folder.is_symlink() or not folder.is_dir():
        return
    try:
        names = os.listdir(folder)
        if all(name.startswith(TEMP_PREFIX) for name in names):
            for name in names:
                os.unlink(folder / name)
            folder.rmdir()
    except OSError:
        return  # not ours to clean: the usual refusal follows


def _write_staged(folder: Path, files: dict[str, str]) -> None:
    """The team's folder is written in full under a temporary name, then moved into place in
    one step: a kill leaves no half team that refuses the retry (the stale staging folder is
    removed by the next run, see textio.sweep)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=temp_name(folder.name), dir=folder.parent))
    try:
        for name, text in files.items():
            write_atomic(staging / name, text)
        os.rename(staging, folder)  # refuses a folder made in the meantime (not empty)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if folder.exists():
            raise UsageError(
                f"Teammappen {TEAMS_DIR}/{folder.name}/ ble laget av noen andre i mellomtiden. "
                "Ingenting er endret.",
                hint=Hint.OTHER_SLUG,
            ) from None
        raise UsageError(f"Klarte ikke å lage teammappen: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

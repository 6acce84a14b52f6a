"""`jv new-team`: a municipality's team folder with team.yaml and its hovedplan."""

from __future__ import annotations

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
from jobbvinner_cli.slugs import check_slug, slug_for
from jobbvinner_cli.textio import write_atomic


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
    slug = check_slug(slug) if slug is not None else slug_for(kommune)
    folder = repo.root / TEAMS_DIR / slug
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
            "kommune": kommune.strip(),
            "gruppeleder": gruppeleder.strip(),
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

    folder.mkdir(parents=True)
    written = []
    for name, text in files.items():
        write_atomic(folder / name, text)
        written.append(f"{TEAMS_DIR}/{slug}/{name}")
    if hovedplan_context is not None:
        hovedplan = repo.doctypes["hovedplan"].filename(None)
        remember(repo.root, f"{TEAMS_DIR}/{slug}/{hovedplan}", files[hovedplan], hovedplan_context)
    return NewTeam(slug, folder, written)

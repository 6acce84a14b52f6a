"""Writing the next document of a type from its template, filled with what is already known."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from jobbvinner_cli.authoring.record import remember
from jobbvinner_cli.dates import month_columns, month_name
from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.errors import Hint, JvError, UsageError
from jobbvinner_cli.model.doctype import DocumentType
from jobbvinner_cli.model.schedule import ScheduleError, check_number, numbers, slot
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.pipeline.document import DocRef, model_document
from jobbvinner_cli.pipeline.read import read_file
from jobbvinner_cli.pipeline.repo import PilotRepo
from jobbvinner_cli.pipeline.templates import make_env, render, template_for
from jobbvinner_cli.textio import write_new
from jobbvinner_cli.words import plural


@dataclass(frozen=True)
class Scaffolded:
    path: Path
    display: str
    doctype: DocumentType
    nr: int | None
    context: dict[str, Any]


def _schedule_error(exc: ScheduleError) -> UsageError:
    """A schedule problem as a sentence for the user."""
    text = str(exc)
    return UsageError(f"{text[:1].upper()}{text[1:]}.", hint=exc.hint)


def next_free_number(repo: PilotRepo, doctype: DocumentType, team: str | None) -> int:
    valid = numbers(doctype, repo.pilot)
    for nr in valid:
        if not repo.document_path(doctype, nr, team).exists():
            return nr
    if not valid:
        raise UsageError(
            f"Piloten har {plural(len(repo.pilot.planned), 'samling', 'samlinger')}, og det gir ingen "
            f"{doctype.title.lower()}er. Legg inn samlingene i pilot.yaml først."
        )
    raise UsageError(
        f"Alle {len(valid)} {doctype.title.lower()}ene finnes allerede for dette teamet.",
        hint=Hint.REPLACE_NR,
    )


def carried_effect_goal(repo: PilotRepo, team: str) -> str:
    """The effektmål from the team's hovedplan, if it has been written."""
    hovedplan = repo.doctypes.get("hovedplan")
    if hovedplan is None:
        return ""
    path = repo.document_path(hovedplan, None, team)
    if not path.is_file():
        return ""
    sink = Sink(repo.rel(path))
    text = read_file(repo.root, repo.rel(path), sink)
    if text is None:
        return ""
    ref = DocRef(repo.rel(path), team, hovedplan.name, None)
    return model_document(None, ref, text, sink).effect or ""


def _team_context(slug: str, team: Team) -> dict[str, Any]:
    return {
        "slug": slug,
        "kommune": team.kommune,
        "gruppeleder": team.gruppeleder,
        "referansegruppe": team.referansegruppe or "",
        "medlemmer": [m.model_dump() for m in team.medlemmer],
    }


def build_context(
    repo: PilotRepo, doctype: DocumentType, nr: int | None, team_slug: str | None
) -> dict[str, Any]:
    pilot = repo.pilot
    team = repo.team(team_slug) if doctype.scope == "team" and team_slug else None
    try:
        where = slot(doctype, pilot, nr, team)
    except ScheduleError as exc:
        raise _schedule_error(exc) from None
    variant = doctype.variant_name(pilot.variant_for(doctype.name))
    sections = doctype.sections(variant)
    headings = doctype.headings(variant)
    g_from = pilot.held(where.gathering_from) or pilot.gathering(where.gathering_from)
    g_to = pilot.held(where.gathering_to) or pilot.gathering(where.gathering_to)
    effect = ""
    if team_slug and doctype.name != "hovedplan":
        effect = carried_effect_goal(repo, team_slug)
    return {
        "pilot": {
            "navn": pilot.navn,
            "region": pilot.region,
            "prosjektleder": pilot.prosjektleder.model_dump(),
            "samlinger": [g.model_dump(mode="json") for g in pilot.samlinger],
        },
        "team": _team_context(team_slug, team) if team is not None and team_slug else None,
        "doc": {
            "type": doctype.name,
            "tittel": doctype.display_title(nr),
            "nr": nr,
            "maks_sider": doctype.max_pages,
            "variant": variant,
        },
        "periode": {"fra": where.start, "til": where.end},
        "frist": where.due,
        "sendes_til": pilot.recipient,
        "gruppeleder": team.gruppeleder if team is not None else "",
        "effektmål": effect,
        "samling_fra": g_from.model_dump(mode="json"),
        "samling_til": g_to.model_dump(mode="json"),
        # while the period's dates are not known, one column as in the Østfold seed
        "måneder": [month_name(m, capital=True) for _, m in month_columns(where.start, where.end)]
        if where.start and where.end
        else ["Tidsestimat (sett kryss)"],
        "seksjoner": [
            {
                "id": s.id,
                "overskrift": h,
                "tittel": s.title,
                "veiledning": list(s.prompts),
                "tabell": s.table,
            }
            for h, s in zip(headings, sections, strict=True)
        ],
    }


def render_document(
    repo: PilotRepo,
    doctype: DocumentType,
    nr: int | None,
    team_slug: str | None,
    env: ImmutableSandboxedEnvironment | None = None,
) -> tuple[str, dict[str, Any]]:
    """The document as its template writes it now (``env``: one sandbox for many renders)."""
    context = build_context(repo, doctype, nr, team_slug)
    env = env or make_env(repo.root)
    name = template_for(env, doctype.name, context["doc"]["variant"])
    text = render(env, name, context)
    return (text if text.endswith("\n") else text + "\n"), context


def scaffold(
    repo: PilotRepo,
    type_name: str,
    *,
    team: str | None,
    nr: int | None = None,
    force: bool = False,
) -> Scaffolded:
    doctype = repo.doctype(type_name)
    if doctype.scope == "pilot" and team is not None:
        raise UsageError(
            f"{doctype.title} gjelder hele piloten, ikke et team.", hint=Hint.DROP_TEAM
        )
    if doctype.scope == "team":
        if team is None:
            slugs = repo.team_slugs()
            known = f" Team i piloten: {', '.join(slugs)}." if slugs else ""
            raise UsageError(f"{doctype.title} hører til et team.{known}", hint=Hint.NAME_TEAM)
        repo.team(team)  # a clear error for an unknown team before anything else
    if doctype.numbered and nr is None:
        nr = next_free_number(repo, doctype, team)
    try:
        check_number(doctype, repo.pilot, nr)
    except ScheduleError as exc:
        raise _schedule_error(exc) from None
    path = repo.document_path(doctype, nr, team)
    display = repo.rel(path)
    if path.exists() and not force:
        raise JvError(
            "Dokumentet finnes allerede og blir ikke overskrevet.",
            path=display,
            hint=Hint.REPLACE_DOCUMENT,
        )
    text, context = render_document(repo, doctype, nr, team)
    write_new(path, text, force=force, display=display)
    remember(repo.root, display, text, context)
    return Scaffolded(path, display, doctype, nr, context)

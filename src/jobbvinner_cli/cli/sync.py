"""`jv sync`: bring the derived parts of every scaffolded document up to date."""

from __future__ import annotations

from typing import Annotated

import typer

from jobbvinner_cli.cli.common import PilotOption, option_value, run


def sync_command(
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Vis endringene som en unified diff, uten å skrive noe."),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overskriv også felt og linjer jv fylte inn, men som er endret for hånd.",
        ),
    ] = False,
    team: Annotated[
        str | None, typer.Option("--team", "-t", help="Bare dette teamets dokumenter.")
    ] = None,
    pilot: PilotOption = None,
) -> None:
    """Oppdater det jv fylte inn i dokumentene etter endringer i pilot.yaml, team.yaml eller malene.

    Oppdateres: feltene øverst som jv fylte inn (frist, periode, kommune, gruppeleder,
    sendes_til, effektmålet fra hovedplanen), linjen «For perioden … Sendes til … innen …»,
    seksjoner malen har gitt nytt navn (fulgt med seksjonens id), og seksjoner malen har
    fått (lagt inn med veiledningen, på riktig plass). Teamets egen tekst blir aldri endret.
    Et felt som er endret for hånd, blir nevnt og stående, med mindre du bruker --force.
    Hver fil skrives atomisk; jv noterer hva det skrev i .jv/avledet.json (commit den).
    """

    def action() -> None:
        from jobbvinner_cli.authoring.sync import apply_sync, plan_sync, unified_diff
        from jobbvinner_cli.cli.common import write
        from jobbvinner_cli.formats.terminal import say, warning
        from jobbvinner_cli.pipeline.repo import PilotRepo
        from jobbvinner_cli.slugs import check_slug

        if team is not None:
            with option_value("--team"):
                check_slug(team)
        repo = PilotRepo.load(pilot)
        plans = plan_sync(repo, team=team, force=force)
        if dry_run:
            diff = unified_diff(plans)
            if diff:
                write(diff)
        else:
            apply_sync(repo, plans)
        verb = "Vil endre" if dry_run else "Endret"
        for plan in plans:
            if plan.changed:
                say((verb, "green"), f" {plan.display}")
                for change in plan.changes:
                    say(f"  {change}")
            for left in plan.kept:
                advice = "" if force else "; bruk --force for å overskrive"
                warning(f"{plan.display}: {left}{advice}.")
            for note in plan.notes:
                warning(f"{plan.display}: {note}.")
        changed = sum(1 for p in plans if p.changed)
        kept = sum(1 for p in plans if p.kept)
        summary = (
            f"{changed} av {len(plans)} dokumenter {'ville blitt' if dry_run else 'ble'} endret"
            if changed
            else f"Alle {len(plans)} dokumentene er à jour"
            if plans
            else "Ingen dokumenter å oppdatere ennå (lag dem med «jv scaffold»)"
        )
        if kept:
            summary += f"; {kept} har endringer for hånd som ikke er overskrevet"
        say(summary + ("; ingenting er skrevet (--dry-run)." if dry_run else "."))

    run(action)

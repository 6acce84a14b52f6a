"""`jv types`: the document types the pilot uses."""

from __future__ import annotations

from jobbvinner_cli.cli.common import PilotOption, run


def types_command(pilot: PilotOption = None) -> None:
    """Vis dokumenttypene piloten bruker: seksjoner, sidegrense og frister."""

    def action() -> None:
        from jobbvinner_cli.dates import format_date, pages_text
        from jobbvinner_cli.formats.terminal import say
        from jobbvinner_cli.model.schedule import ScheduleError, numbers, slot
        from jobbvinner_cli.pipeline.repo import PilotRepo

        repo = PilotRepo.load(pilot)
        if repo.pilot.by_measures:
            say(
                "Piloten går etter en tiltaksplan (metode: tiltaksplan): teamene har ingen "
                "dokumenter med frister. Målene og tiltakene står i tiltaksplan.yaml; se "
                "«jv status» og «jv progress-report»."
            )
            return
        for name, doctype in repo.doctypes.items():
            variant = doctype.variant_name(repo.pilot.variant_for(name))
            pages = (
                f"maks {pages_text(doctype.max_pages)}" if doctype.max_pages else "ingen sidegrense"
            )
            say((name, "bold"), f" – {doctype.title} ({variant}, {pages})")
            wanted: list[int | None] = (
                list(numbers(doctype, repo.pilot)) if doctype.numbered else [None]
            )
            for number in wanted:
                try:
                    where = slot(doctype, repo.pilot, number)
                    say(f"    {doctype.display_title(number)}: frist {format_date(where.due)}")
                except ScheduleError as exc:
                    say(f"    {doctype.display_title(number)}: {exc}")
            for heading in doctype.headings(variant):
                say(f"    ## {heading}")

    run(action)

"""`jv status`: the project leader's overview."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from jobbvinner_cli.cli.common import (
    PilotOption,
    TodayOption,
    choice,
    parse_today,
    run,
    safe_stdout,
    write,
)


class StatusFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"
    MD = "md"


def status_command(
    pilot: PilotOption = None,
    today: TodayOption = None,
    output_format: Annotated[
        StatusFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            parser=choice(StatusFormat, "--format"),
            help="text, json, csv eller md (Markdown-tabell).",
        ),
    ] = StatusFormat.TEXT,
) -> None:
    """Oversikt for prosjektlederen: hvert team og dokument med status, neste frist og timer.

    Status per dokument: levert, levert for sent, mangler (forfalt), ikke levert
    (forfalt), utkast, ikke forfalt, ikke påkrevd (teamet har trukket seg), fritatt
    (med grunnen), eller frist ikke fastsatt (samlingen har ingen dato ennå). Med
    --today en tidligere dag vises hvert dokument slik det sto den dagen.
    """
    safe_stdout()

    def action() -> None:
        day = parse_today(today)
        from jobbvinner_cli.status import build_status

        table = build_status(pilot, day)
        if output_format is StatusFormat.TEXT:
            from jobbvinner_cli.formats import terminal

            write(terminal.status_text(table))
            return
        from jobbvinner_cli.formats import status_tables

        if output_format is StatusFormat.JSON:
            write(status_tables.render_json(table))
        elif output_format is StatusFormat.CSV:
            write(status_tables.as_csv(table))
        else:
            write(status_tables.as_markdown(table))

    run(action)

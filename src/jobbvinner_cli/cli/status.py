"""`jv status`: the project leader's overview."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
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
from jobbvinner_cli.errors import UsageError


class StatusFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"
    MD = "md"
    XLSX = "xlsx"


SEPARATORS = {";": ";", ",": ",", "tab": "\t", "\t": "\t"}


def status_command(
    pilot: PilotOption = None,
    today: TodayOption = None,
    output_format: Annotated[
        StatusFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            parser=choice(StatusFormat, "--format"),
            help="text, json, csv (for Excel), md (Markdown-tabell) eller xlsx (Excel-fil, "
            "med -o). Standard: fra filendelsen til -o, ellers text.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FIL",
            help="Skriv tabellen til FIL i stedet for til skjermen (status.xlsx, status.csv, …).",
        ),
    ] = None,
    csv_sep: Annotated[
        str,
        typer.Option(
            "--csv-sep",
            metavar="TEGN",
            help="Skilletegnet i CSV: ; (standard, norsk Excel, med desimalkomma i timene), "
            ", (engelsk Excel og andre program, desimalpunktum) eller tab.",
        ),
    ] = ";",
) -> None:
    """Oversikt for prosjektlederen: hvert team og dokument med status, neste frist og timer.

    Status per dokument: levert, levert for sent, mangler (forfalt), ikke levert
    (forfalt), utkast, ikke forfalt, ikke påkrevd (teamet har trukket seg), fritatt
    (med grunnen), eller frist ikke fastsatt (samlingen har ingen dato ennå). Med
    --today en tidligere dag vises hvert dokument slik det sto den dagen.
    """
    safe_stdout()

    def action() -> None:
        fmt = _format_for(output_format, output)
        sep = SEPARATORS.get(csv_sep.strip().lower())
        if sep is None:
            raise UsageError(
                f"--csv-sep «{csv_sep}» er ikke et skilletegn jv kjenner. Velg ; , eller tab."
            )
        day = parse_today(today)
        from jobbvinner_cli.status import build_status

        table = build_status(pilot, day)
        if fmt is StatusFormat.TEXT:
            from jobbvinner_cli.formats import terminal

            write(terminal.status_text(table))
            return
        if fmt is StatusFormat.XLSX:
            from jobbvinner_cli.formats.status_xlsx import as_xlsx

            data: str | bytes = as_xlsx(table)
        else:
            from jobbvinner_cli.formats import status_tables

            if fmt is StatusFormat.JSON:
                data = status_tables.render_json(table) + "\n"
            elif fmt is StatusFormat.CSV:
                data = status_tables.as_csv(table, sep)
            else:
                data = status_tables.as_markdown(table)
        if output is None:
            assert isinstance(data, str)
            write(data)
            return
        from jobbvinner_cli.formats.terminal import say
        from jobbvinner_cli.textio import write_atomic

        try:
            write_atomic(output, data)
        except OSError as exc:
            raise UsageError(f"Kunne ikke skrive {output}: {exc.strerror}.") from None
        say(("Skrev", "green"), f" {output}")

    run(action)


SUFFIXES = {".xlsx": StatusFormat.XLSX, ".csv": StatusFormat.CSV, ".json": StatusFormat.JSON}
SUFFIXES[".md"] = StatusFormat.MD


def _format_for(chosen: StatusFormat | None, output: Path | None) -> StatusFormat:
    """--format, or the one the file name of -o names, or text."""
    if chosen is None:
        if output is None:
            return StatusFormat.TEXT
        found = SUFFIXES.get(output.suffix.lower())
        if found is None:
            raise UsageError(
                f"-o {output}: jv ser ikke av filendelsen hvilket format du vil ha. Bruk "
                ".xlsx, .csv, .json eller .md, eller velg med --format."
            )
        return found
    if chosen is StatusFormat.XLSX and output is None:
        raise UsageError(
            "--format xlsx lager en Excel-fil og skriver den ikke til skjermen. Oppgi filen "
            "med -o, for eksempel -o status.xlsx."
        )
    if chosen is StatusFormat.TEXT and output is not None:
        raise UsageError(
            "Tabellen for skjermen (--format text) skrives ikke til fil. Velg xlsx, csv, json "
            "eller md med -o."
        )
    return chosen

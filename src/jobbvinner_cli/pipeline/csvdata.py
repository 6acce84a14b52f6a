"""CSV files a project leader keeps or exports (sign-in lists, Forms and Mentimeter exports).

Read through the one reader (read_file: size, encoding, BOM, links out of the pilot), with
the separator found from the header line: Norwegian Excel writes «;», Forms and Mentimeter
«,», some tools a tab.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.pipeline.read import read_file

SEPARATORS = (";", ",", "\t")


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class CsvTable(NamedTuple):
    rel: str
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number, cells), blank lines left out

    def column(self, *names: str) -> int | None:
        """The index of the first header that is one of ``names`` (any case), else None."""
        wanted = {n.casefold() for n in names}
        for index, title in enumerate(self.header):
            if title.strip().casefold() in wanted:
                return index
        return None


def separator(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ";"


def parse_csv(rel: str, text: str) -> CsvTable | None:
    """The table in ``text``; None when there is not even a header line."""
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    if not first:
        return None
    reader = csv.reader(lines, delimiter=separator(first))
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for cells in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        cleaned = [cell.strip() for cell in cells]
        if header is None:
            header = cleaned
        else:
            rows.append((number, cleaned))
    return CsvTable(rel, header or [], rows) if header is not None else None


def read_csv(root: Path, rel: str, sink: Sink) -> CsvTable | None:
    """The table (no header when the file is empty or not CSV); None after a diagnostic."""
    text = read_file(root, rel, sink)
    if text is None:
        return None
    try:
        table = parse_csv(rel, text)
    except csv.Error:  # e.g. a NUL byte: not a CSV file
        table = None
    return table if table is not None else CsvTable(rel, [], [])

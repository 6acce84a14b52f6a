"""Build the final report with `jv build-report` and read back what a reader would see."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tests.clikit import TODAY, excel_csv, jv


def build(pilot: Path, out: Path, *args: str) -> Path:
    """`jv build-report --pilot PILOT -o OUT ARGS`; the build must succeed."""
    result = jv("build-report", "--pilot", str(pilot), "-o", str(out), "--today", TODAY, *args)
    assert result.exit_code == 0, result.output
    assert out.is_file()
    return out


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]

    def column(self, index: int = 0) -> list[str]:
        return [row[index] for row in self.rows]

    def row(self, first: str) -> list[str]:
        matches = [row for row in self.rows if row and row[0] == first]
        assert len(matches) == 1, f"{first!r} in {self.column()}"
        return matches[0]


@dataclass
class Page:
    """The tables, headings and images of an HTML report, as text."""

    tables: list[Table] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    text: str = ""

    def table(self, caption: str) -> Table:
        found = [t for t in self.tables if caption in t.caption]
        assert len(found) == 1, f"{caption!r} in {[t.caption for t in self.tables]}"
        return found[0]


class _Reader(HTMLParser):
    """Cell text has its spaces normalised; each list item in a cell is a line of its own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._table: Table | None = None
        self._row: list[str] | None = None
        self._in_head = False
        self._cell: list[str] | None = None
        self._caption: list[str] | None = None
        self._heading: tuple[int, list[str]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = Table("", [], [])
        elif tag == "caption":
            self._caption = []
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "li" and self._cell is not None:
            self._cell.append("\n")
        elif tag in ("h1", "h2", "h3", "h4"):
            self._heading = (int(tag[1]), [])
        elif tag == "img":
            self.page.images.append({k: v or "" for k, v in attrs})

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._table is not None:
            self.page.tables.append(self._table)
            self._table = None
        elif tag == "caption" and self._caption is not None and self._table is not None:
            self._table.caption = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            lines = ("".join(self._cell)).split("\n")
            self._row.append("\n".join(" ".join(line.split()) for line in lines if line.strip()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            if self._in_head:
                self._table.header = self._row
            else:
                self._table.rows.append(self._row)
            self._row = None
        elif tag in ("h1", "h2", "h3", "h4") and self._heading is not None:
            level, parts = self._heading
            self.page.headings.append((level, " ".join("".join(parts).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        for sink in (self._caption, self._cell, self._heading[1] if self._heading else None):
            if sink is not None:
                sink.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join("".join(self._text).split())


def read_html(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.page


def status_hours(pilot: Path) -> dict[str, list[str]]:
    """The hours per period from `jv status`, per kommune, written as the report writes them:
    whole numbers as such, fractions with a decimal comma, «–» for none, and the sum last.
    Teams that reported no hours are left out, as in the report.
    """
    result = jv("status", "--pilot", str(pilot), "--today", TODAY, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = excel_csv(result.stdout)
    periods = [name for name in rows[0] if name.startswith("timer periode ")]

    def num(value: float | None) -> str:
        if value is None:
            return "–"
        return str(int(value)) if value.is_integer() else f"{value:.1f}".replace(".", ",")

    out: dict[str, list[str]] = {}
    for row in rows:
        values = [float(row[p].replace(",", ".")) if row[p] else None for p in periods]
        if any(v is not None for v in values):
            out[row["kommune"]] = [*map(num, values), num(sum(v or 0.0 for v in values))]
    return out

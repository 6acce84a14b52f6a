"""Tables that read well: columns as wide as their content asks, long words hyphenated
instead of overprinting, cells that start like a list item ("15. oktober", "1. samling")
kept as text, and HTML tables that scroll inside their box on a phone.

The pilot here is the example with long names: Hemne renamed to a long municipality, a
long compound word among Hitra's tiltak, and an effektmål that starts with a date.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.behaviour.reportkit import Page, build, read_html
from tests.clikit import copy_example, edit, set_field

RESULTS = "Effektmål, tiltak og resultater per team"
LONG_KOMMUNE = "Midtre Gauldal og Holtålen interkommunale"
LONG_WORD = "Helsefagarbeiderutdanningssamarbeidsavtalen"
DATE_GOAL = "15. oktober 2019 er alle sykepleierstillinger besatt"
# The project leader's own table in a chapter, written as people write pipe tables: equal
# dashes, one row longer than a source line, cells that start like list items.
LEADER_TABLE = """
| Når | Hva | Ansvar |
|---|---|---|
| 1. samling | Teamene presenterte kommunene sine og de største utfordringene med å rekruttere \
sykepleiere og helsefagarbeidere, og fikk innføring i metoden | Prosjektleder |
| 15. oktober 2018 | Frist for fremdriftsplanen | Teamene |

: Milepæler i utviklingsverkstedet
"""


@pytest.fixture(scope="module")
def long_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("long") / "pilot")
    teams = root / "teams"
    set_field(teams / "hemne" / "team.yaml", "kommune", f'"{LONG_KOMMUNE}"')
    for path in (teams / "hemne").glob("*.md"):
        set_field(path, "kommune", f'"{LONG_KOMMUNE}"')
    for path in (teams / "hitra").glob("*.md"):
        set_field(path, "effektmål", f'"{DATE_GOAL}"')
    edit(teams / "hitra" / "sluttrapport.md", "- Veilederutdanning\n", f"- {LONG_WORD}\n")
    chapter = root / "rapport" / "05-metode.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + LEADER_TABLE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def html(long_names: Path) -> Path:
    return build(long_names, long_names.parent / "rapport.html")


@pytest.fixture(scope="module")
def pdf(long_names: Path) -> Path:
    return build(long_names, long_names.parent / "rapport.pdf")


def _runs(path: Path) -> list[tuple[int, float, float, str]]:
    """(page, x, y, text) of every text run of the PDF."""
    out: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(PdfReader(path).pages, 1):

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip():
                out.append((number, cm[4] + tm[4], cm[5] + tm[5], text.strip()))  # noqa: B023

        page.extract_text(visitor_text=visit)
    return out


def test_cells_starting_like_list_items_stay_text_in_html(html: Path) -> None:
    page: Page = read_html(html)
    assert page.table(RESULTS).row("Hitra")[1] == DATE_GOAL
    evaluation = next(t for t in page.tables if t.header and t.header[0] == "Samling")
    assert evaluation.column()[0].startswith("1. samling")
    assert page.table("Milepæler").column() == ["1. samling", "15. oktober 2018"]
    text = html.read_text(encoding="utf-8")
    assert "<ol" not in text[text.index("Milepæler") :].split("</table>")[0]


def test_cells_starting_like_list_items_stay_text_in_pdf(pdf: Path) -> None:
    runs = _runs(pdf)
    # a list item would be indented from the cell's edge, with its number set apart
    date = next(r for r in runs if r[3].startswith("15. oktober 2019"))
    goal_column = [r[1] for r in runs if r[0] == date[0] and r[3].startswith("Effektmål")]
    assert goal_column and abs(date[1] - goal_column[0]) < 1.0
    header = next(r for r in runs if r[3] == "Når")  # the leader's table
    for cell in ("1. samling", "15. oktober 2018"):
        found = next(r for r in runs if r[0] == header[0] and r[3].startswith(cell))
        assert abs(found[1] - header[1]) < 1.0, cell


def test_a_leaders_table_with_equal_dashes_gets_widths_by_content(html: Path) -> None:
    text = html.read_text(encoding="utf-8")
    table = next(t for t in re.findall(r"<table.*?</table>", text, re.S) if "Milepæler" in t)
    when, what, who = (int(w) for w in re.findall(r'<col style="width: (\d+)%" />', table))
    assert what > 2 * when and what > 2 * who


def test_long_words_are_hyphenated_inside_their_column(pdf: Path) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    # split at a hyphenation point, with a hyphen, never printed whole across the next column
    assert LONG_WORD not in text.replace("\n", " ")
    pieces = re.findall(r"Helsefag\S*[-\xad]\n", text)  # Typst's hyphen is a soft one
    assert pieces, "the long word is not hyphenated"
    assert LONG_KOMMUNE.split()[0] in text


def test_html_columns_follow_their_content(html: Path) -> None:
    text = html.read_text(encoding="utf-8")
    table = next(t for t in re.findall(r"<table.*?</table>", text, re.S) if RESULTS in t)
    widths = [int(w) for w in re.findall(r'<col style="width: (\d+)%" />', table)]
    assert len(widths) == 4
    kommune, _effect, tiltak, results = widths
    assert kommune < tiltak and kommune < results


def test_every_html_table_is_in_a_box_that_scrolls(html: Path) -> None:
    text = html.read_text(encoding="utf-8")
    tables = text.count("<table")
    boxes = re.findall(r'<div class="jv-tabell" role="region" tabindex="0" aria-label="[^"]+">'
                       r"\s*<table", text)  # fmt: skip
    assert tables > 5 and len(boxes) == tables
    assert re.search(r"\.jv-tabell \{ overflow-x: auto;", text)


_PROBE = """<script>
const boxes = [...document.querySelectorAll(".jv-tabell")];
parent.postMessage(JSON.stringify({
  page: document.documentElement.scrollWidth,
  width: window.innerWidth,
  scrolling: boxes.filter(b => b.scrollWidth > b.clientWidth + 1).length,
  wider: boxes.filter(b => b.clientWidth > window.innerWidth).length,
}), "*");
</script></body>"""
_HOST = """<html><body><iframe src="{report}" width="390" height="800"></iframe><script>
window.addEventListener("message", e => document.body.setAttribute("data-jv", e.data));
</script></body></html>"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium not installed")
def test_on_a_390_px_phone_tables_scroll_and_the_page_does_not(html: Path, tmp_path: Path) -> None:
    import json
    from html import unescape

    probe = tmp_path / "rapport.html"
    probe.write_text(html.read_text(encoding="utf-8").replace("</body>", _PROBE), "utf-8")
    host = tmp_path / "telefon.html"
    host.write_text(_HOST.format(report=probe.name), encoding="utf-8")
    dom = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
         f"--user-data-dir={tmp_path / 'profil'}", "--allow-file-access-from-files",
         "--virtual-time-budget=5000", "--dump-dom", host.as_uri()],
        check=True, capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    found = re.search(r'data-jv="([^"]*)"', dom)
    assert found, dom[-500:]
    seen = json.loads(unescape(found.group(1)))
    assert seen["width"] == 390
    assert seen["page"] <= 390  # the page itself does not scroll sideways
    assert seen["scrolling"] >= 3  # the wide tables scroll inside their box
    assert seen["wider"] == 0

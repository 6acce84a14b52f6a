"""The hours chart: one group of bars per period between gatherings, one bar per team.

The chart is a small SVG written here. Typst (the PDF) and browsers (the HTML) show
it as it is, at the size the PNG had; for Word it is rasterised to PNG by Typst
(already a dependency), which costs an import and a compile (about 0.1 s).
matplotlib did the same job but cost 0.7 s of imports per build, more than the
whole DOCX conversion; a grouped bar chart does not need it.
"""

from __future__ import annotations

import functools
import math
import re
from html import escape as _escape
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typst

# what XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF): a team name
# with one must not make the SVG unreadable
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for the SVG: XML-escaped, with the characters XML cannot hold left out."""
    return _escape(_NOT_XML.sub("", text))


PALETTE = (
    "#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000",
    "#2e75b6", "#a5a5a5", "#c00000", "#00b0a0", "#7f6000",
)  # fmt: skip

WIDTH, HEIGHT = 900, 430
PNG_PPI = 144
REPORT_FONT = "Libertinus Serif, serif"  # render/report.typ
PNG_WIDTH_CM = 15  # the PNG: 15 cm at 144 ppi, 850 x 406 pixels
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 20, 130


def _nice_top(value: float) -> tuple[float, float]:
    """A round axis maximum and tick step for ``value``."""
    if value <= 0:
        return 5.0, 1.0
    raw = value / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step * math.ceil(value / step), step


def hours_svg(labels: list[str], table: dict[str, list[float | None]]) -> str:
    teams = list(table)
    top, step = _nice_top(max((v or 0) for values in table.values() for v in values))
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    group = plot_w / max(len(labels), 1)
    bar = group * 0.8 / max(len(teams), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="14">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
    ]
    tick = 0.0
    while tick <= top + 1e-9:
        y = TOP + plot_h - plot_h * tick / top
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#dddddd"/>'
        )
        parts.append(f'<text x="{LEFT - 8}" y="{y + 5:.1f}" text-anchor="end">{tick:g}</text>')
        tick += step
    parts.append(
        f'<text x="16" y="{TOP + plot_h / 2:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 16 {TOP + plot_h / 2:.1f})">Timer</text>'
    )
    for g, label in enumerate(labels):
        x0 = LEFT + g * group + group * 0.1
        for t, team in enumerate(teams):
            value = table[team][g] or 0
            h = plot_h * value / top
            x = x0 + t * bar
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{max(bar - 1, 1):.1f}" '
                f'height="{h:.1f}" fill="{PALETTE[t % len(PALETTE)]}"/>'
            )
        parts.append(
            f'<text x="{LEFT + g * group + group / 2:.1f}" y="{TOP + plot_h + 22}" '
            f'text-anchor="middle">Samling {escape(label)}</text>'
        )
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="#444444"/>'
    )
    columns = min(len(teams), 5) or 1
    cell = plot_w / columns
    for t, team in enumerate(teams):
        x = LEFT + (t % columns) * cell
        y = TOP + plot_h + 50 + (t // columns) * 24
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 12}" width="14" height="14" fill="{PALETTE[t % len(PALETTE)]}"/>'
        )
        parts.append(f'<text x="{x + 20:.1f}" y="{y}">{escape(team)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def hours_chart(
    labels: list[str], table: dict[str, list[float | None]], out: Path, fmt: str = "png"
) -> str:
    """Draw the chart for ``out`` (see chart_file); its path relative to the build folder."""
    return chart_file(hours_svg(labels, table), out, fmt)


_ROOT_SIZE = re.compile(r'^(<svg [^>]*?)width="([\d.]+)" height="([\d.]+)"')


def chart_file(svg_text: str, out: Path, fmt: str) -> str:
    """A chart drawn here, for a report in ``fmt``: SVG beside ``out`` for pdf and html,
    shown as the PNG was, else the PNG ``out`` (rasterise). Its path in the build folder.

    In the PDF the drawing's own size is wider than the text, so Typst fits it to the text
    width, as it did the PNG; in a browser it gets the PNG's pixels. Its labels are in the
    font the PNG had them in (the fonts built into Typst are the PDF's only fonts).
    """
    if fmt not in ("pdf", "html"):
        return rasterise(svg_text, out)
    svg_text = svg_text.replace('font-family="sans-serif"', f'font-family="{REPORT_FONT}"', 1)
    if fmt == "html":
        svg_text = _ROOT_SIZE.sub(_png_pixels, svg_text, count=1)
    out.parent.mkdir(parents=True, exist_ok=True)
    vector = out.with_suffix(".svg")
    vector.write_text(svg_text, encoding="utf-8")
    return vector.relative_to(out.parent.parent).as_posix()


def _png_pixels(match: re.Match[str]) -> str:
    width, height = float(match.group(2)), float(match.group(3))
    pixels = PNG_WIDTH_CM / 2.54 * PNG_PPI
    return f'{match.group(1)}width="{round(pixels)}" height="{round(pixels * height / width)}"'


@functools.lru_cache(maxsize=1)
def _compiler(root: str) -> typst.Compiler:
    """One Typst compiler for the charts of a build (they share its folder): a compiler
    searches the fonts when it is made, which cost each chart as much as drawing it."""
    import typst

    return typst.Compiler(root=root)


def rasterise(svg_text: str, out: Path) -> str:
    """An SVG drawn here as PNG at ``out`` by Typst; its path relative to the build folder."""
    out.parent.mkdir(parents=True, exist_ok=True)
    svg = out.with_suffix(".svg")
    svg.write_text(svg_text, encoding="utf-8")
    page = out.with_suffix(".typ")
    page.write_text(
        f'#set page(width: auto, height: auto, margin: 0pt)\n#image("{svg.name}", width: 15cm)\n',
        encoding="utf-8",
    )
    png = _compiler(str(out.parent)).compile(str(page), format="png", ppi=PNG_PPI)
    assert isinstance(png, bytes)  # one page, one PNG
    out.write_bytes(png)
    page.unlink()
    svg.unlink()
    return out.relative_to(out.parent.parent).as_posix()

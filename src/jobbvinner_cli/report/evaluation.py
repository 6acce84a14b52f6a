"""The report's parts from the gatherings' data: attendance per team, and the evaluations
as charts of the answers over the gatherings with a table of the numbers."""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

from jobbvinner_cli.model.gatheringdata import answer_order
from jobbvinner_cli.report.chart import chart_file
from jobbvinner_cli.report.inputs import ReportInput
from jobbvinner_cli.report.tables import data_table

# Greys from dark to light, so the shares read in black and white; the labels carry the rest.
GREYS = ("#1a1a1a", "#4d4d4d", "#7a7a7a", "#a6a6a6", "#cccccc", "#e6e6e6", "#f2f2f2", "#ffffff")
WIDTH, BAR, GAP, LEFT, TOP = 900, 34, 14, 110, 16


def oppmote(data: ReportInput, workdir: Path) -> str:
    attendance = data.gatherings.attendance
    if not attendance:  # the pilot does not keep attendance in jv: nothing to show
        return ""
    numbers = [g.nr for g in data.pilot.planned if g.nr is not None]
    rows = []
    for t in data.teams:
        members = len(t.team.medlemmer)
        left = t.team.trukket.dato if t.team.withdrawn and t.team.trukket else None
        cells = []
        for nr in numbers:
            held = data.pilot.held(nr)
            day = held.dato if held is not None else None
            if left is not None and day is not None and day > left:
                cells.append("trukket")
                continue
            if nr not in attendance:
                cells.append("–")
                continue
            came = sum(1 for p in attendance[nr] if p.slug == t.slug)
            cells.append(f"{came} av {members}")
        rows.append([t.team.kommune, *cells])
    totals = ["Alle", *[str(len(attendance[nr])) if nr in attendance else "–" for nr in numbers]]
    rows.append(totals)
    return data_table(
        ["Kommune", *[f"{nr}. samling" for nr in numbers]],
        rows,
        "Oppmøte på samlingene, per team (deltakere av teamets medlemmer)",
    )


def evaluation_svg(
    question: str, bars: list[tuple[str, dict[str, float]]], answers: list[str]
) -> str:
    """One horizontal bar per gathering, split into the answers' shares (per cent)."""
    plot_w = WIDTH - LEFT - 20
    legend_y = TOP + len(bars) * (BAR + GAP) + 10
    height = legend_y + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="14">',
        f"<title>{escape(question)}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
    ]
    for row, (label, shares) in enumerate(bars):
        y = TOP + row * (BAR + GAP)
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + BAR / 2 + 5:.1f}" text-anchor="end">{escape(label)}</text>'
        )
        x = float(LEFT)
        for index, answer in enumerate(answers):
            share = shares.get(answer, 0.0)
            if share <= 0:
                continue
            w = plot_w * share / 100
            fill = GREYS[index % len(GREYS)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR}" fill="{fill}" '
                'stroke="#000000" stroke-width="0.6"/>'
            )
            if w >= 34:
                ink = "#ffffff" if index % len(GREYS) < 3 else "#000000"
                parts.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + BAR / 2 + 5:.1f}" text-anchor="middle" '
                    f'fill="{ink}">{_percent(share)} %</text>'
                )
            x += w
    x = float(LEFT)
    for index, answer in enumerate(answers):
        fill = GREYS[index % len(GREYS)]
        parts.append(
            f'<rect x="{x:.1f}" y="{legend_y}" width="14" height="14" fill="{fill}" '
            'stroke="#000000" stroke-width="0.6"/>'
        )
        parts.append(f'<text x="{x + 20:.1f}" y="{legend_y + 12}">{escape(answer)}</text>')
        x += 30 + 8.5 * len(answer)
    parts.append("</svg>")
    return "\n".join(parts)


def evaluering(data: ReportInput, workdir: Path) -> str:
    evaluations = data.gatherings.evaluations
    if not evaluations:
        return ""
    out: list[str] = []
    for number, question in enumerate(data.gatherings.questions(), 1):
        asked = [
            (nr, evaluations[nr][question])
            for nr in sorted(evaluations)
            if question in evaluations[nr]
        ]
        answers = answer_order(a for _, result in asked for a in result.counts)[::-1]
        bars = [(f"{nr}. samling", result.shares()) for nr, result in asked]
        chart = chart_file(
            evaluation_svg(question, bars, answers),
            workdir / "bilder" / f"evaluering-{number}.png",
            data.chart_format,
        )
        alt = _alt(question, [label for label, _ in bars])
        out.append(
            f'![{question}: svarene fordelt over samlingene (prosent)]({chart}){{alt="{alt}"}}'
        )
        rows = []
        for nr, result in asked:
            shares = result.shares()
            cells = [_percent(shares[a]) if a in shares else "–" for a in answers]
            count = "" if result.percent else f" ({result.total:.0f} svar)"
            rows.append([f"{nr}. samling{count}", *cells])
        out.append(data_table(["Samling", *answers], rows, f"{question} (svar i prosent)"))
    return "\n\n".join(out)


def _alt(question: str, labels: list[str]) -> str:
    """The chart's alternative text: what it shows and where its numbers are."""
    span = f" fra {labels[0]} til {labels[-1]}" if len(labels) > 1 else ""
    text = (
        f"Liggende søylediagram: svarene på «{question}» i prosent, én søyle per "
        f"samling{span}. Tallene står i tabellen under figuren."
    )
    return " ".join(text.replace('"', "").replace("\\", "").split())


def _percent(value: float) -> str:
    return str(math.floor(value + 0.5))  # half up, as people round: 42,5 is 43

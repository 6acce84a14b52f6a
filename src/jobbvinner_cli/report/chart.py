"""The hours chart: one group of bars per period between gatherings, one bar per team."""

from __future__ import annotations

from pathlib import Path


def hours_chart(labels: list[str], table: dict[str, list[float | None]], out: Path) -> str:
    """Draw the chart to ``out`` (PNG) and return its path relative to the build folder."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.parent.mkdir(parents=True, exist_ok=True)
    teams = list(table)
    width = 0.8 / max(len(teams), 1)
    fig, ax = plt.subplots(figsize=(7.5, 3.6), dpi=150)
    colours = plt.get_cmap("tab10")
    for index, team in enumerate(teams):
        values = [v if v is not None else 0 for v in table[team]]
        positions = [p + index * width - 0.4 + width / 2 for p in range(len(labels))]
        ax.bar(positions, values, width=width, label=team, color=colours(index % 10))
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels([f"Samling {label}" for label in labels])
    ax.set_ylabel("Timer")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(ncol=min(len(teams), 5), fontsize=7, frameon=False, loc="upper center",
              bbox_to_anchor=(0.5, -0.12))  # fmt: skip
    fig.tight_layout()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.relative_to(out.parent.parent).as_posix()

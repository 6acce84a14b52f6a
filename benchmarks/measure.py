"""Timing whole processes in pairs: CPU (user+sys of the process and its children), wall
time and peak memory, each case run in turn with the others so a busy moment hits all."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROBE = Path(__file__).with_name("probe.py")


@dataclass
class Case:
    name: str
    kind: str  # "jv", "py" or "exe" (see probe.py)
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    floor: str | None = None  # the name of the case this one is measured against


@dataclass
class Run:
    wall: float
    cpu: float
    self_cpu: float
    children_cpu: float
    self_rss_kb: int
    children_rss_kb: int
    returncode: int
    stdout: str


def run_once(case: Case) -> Run:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    env = {**os.environ, "NO_COLOR": "1", **case.env}
    args = [sys.executable, str(PROBE), out, case.kind, *case.args]
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    try:
        figures = json.loads(Path(out).read_text(encoding="utf-8"))
    except ValueError:
        raise SystemExit(f"{case.name}: no figures\n{result.stderr[-2000:]}") from None
    finally:
        os.unlink(out)
    return Run(
        wall,
        figures["self_cpu"] + figures["children_cpu"],
        figures["self_cpu"],
        figures["children_cpu"],
        figures["self_rss_kb"],
        figures["children_rss_kb"],
        result.returncode,
        result.stdout,
    )


def measure(cases: list[Case], runs: int) -> dict[str, list[Run]]:
    """Each case ``runs`` times, interleaved, after one warm-up round (page cache, pyc)."""
    for case in cases:
        run_once(case)
    results: dict[str, list[Run]] = {case.name: [] for case in cases}
    for _ in range(runs):
        for case in cases:
            results[case.name].append(run_once(case))
    return results


def table(cases: list[Case], results: dict[str, list[Run]]) -> str:
    """A Markdown table: medians, peaks, and the ratio to the floor, pair by pair."""
    lines = [
        "| case | CPU s | wall s | peak RSS jv MB | peak RSS children MB | ratio CPU "
        "(median of pairs) | ratio wall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for case in cases:
        runs = results[case.name]
        cpu = statistics.median(r.cpu for r in runs)
        wall = statistics.median(r.wall for r in runs)
        rss = max(r.self_rss_kb for r in runs) / 1024
        kids = max(r.children_rss_kb for r in runs) / 1024
        ratio = wall_ratio = ""
        if case.floor is not None:
            floor = results[case.floor]
            pairs = [a.cpu / b.cpu for a, b in zip(runs, floor, strict=True) if b.cpu > 0]
            walls = [a.wall / b.wall for a, b in zip(runs, floor, strict=True)]
            ratio = f"{statistics.median(pairs):.2f}× vs {case.floor}"
            wall_ratio = f"{statistics.median(walls):.2f}×"
        kids_text = f"{kids:.0f}" if kids else "–"
        lines.append(
            f"| {case.name} | {cpu:.3f} | {wall:.3f} | {rss:.0f} | {kids_text} | {ratio} "
            f"| {wall_ratio} |"
        )
    return "\n".join(lines)

"""Time `jv build-report` as whole processes: the example pilot to PDF and DOCX, and 100 teams.

Run from the repository root:  python benchmarks/bench_report.py [--runs 5]
Targets on a 2-core machine: example → PDF < 2 s, → DOCX < 1 s; 100 teams → PDF < 6 s.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "pilot-orkdal"


def synthetic_pilot(target: Path, teams: int) -> Path:
    """A copy of the example pilot whose 7 completed teams are repeated to ``teams`` teams."""
    shutil.copytree(EXAMPLE, target)
    sources = [
        p
        for p in sorted((target / "teams").iterdir())
        if p.is_dir() and "status: trukket" not in (p / "team.yaml").read_text(encoding="utf-8")
    ]
    for path in (target / "teams").iterdir():
        if path.is_dir():
            shutil.rmtree(path)
    for index in range(teams):
        source = EXAMPLE / "teams" / sources[index % len(sources)].name
        slug = f"kommune-{index + 1:03d}"
        shutil.copytree(source, target / "teams" / slug)
        for doc in (target / "teams" / slug).glob("*.md"):
            text = doc.read_text(encoding="utf-8")
            text = re.sub(r"^team: .*$", f"team: {slug}", text, count=1, flags=re.MULTILINE)
            doc.write_text(text, encoding="utf-8")
        team = target / "teams" / slug / "team.yaml"
        text = re.sub(
            r"^kommune: .*$",
            f"kommune: Kommune {index + 1}",
            team.read_text(encoding="utf-8"),
            count=1,
            flags=re.MULTILINE,
        )
        text = re.sub(
            r"^referansegruppe: .*$", "referansegruppe: null", text, count=1, flags=re.MULTILINE
        )
        team.write_text(text, encoding="utf-8")
    return target


def timed(args: list[str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--teams", type=int, default=100)
    runs = parser.parse_args().runs
    teams = parser.parse_args().teams
    jv = [sys.executable, "-m", "jobbvinner_cli"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        big = synthetic_pilot(out / "big", teams)
        cases = [
            (
                "example → PDF",
                [*jv, "build-report", "--pilot", str(EXAMPLE), "-o", str(out / "r.pdf")],
            ),
            (
                "example → DOCX",
                [*jv, "build-report", "--pilot", str(EXAMPLE), "-o", str(out / "r.docx")],
            ),
            (
                "example → HTML",
                [*jv, "build-report", "--pilot", str(EXAMPLE), "-o", str(out / "r.html")],
            ),
            (
                f"{teams} teams → PDF",
                [*jv, "build-report", "--pilot", str(big), "--draft", "-o", str(out / "b.pdf")],
            ),
            (
                f"{teams} teams → DOCX",
                [*jv, "build-report", "--pilot", str(big), "--draft", "-o", str(out / "b.docx")],
            ),
        ]
        print(f"{'case':<22} {'best':>8} {'median':>8}   ({runs} runs, whole process)")
        for name, args in cases:
            best, median = timed(args, runs)
            print(f"{name:<22} {best:8.2f}s {median:8.2f}s")


if __name__ == "__main__":
    main()

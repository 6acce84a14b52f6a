"""Benchmark: `jv export` of one document to DOCX and PDF, and `jv import` of it back.

Each command is timed as a whole process (start-up, the check of the pilot, Pandoc and,
for PDF, Typst), best of several runs, on a private copy of examples/pilot-orkdal.

    python benchmarks/bench_word.py              # 5 runs
    python benchmarks/bench_word.py --runs 3
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "pilot-orkdal"
JV = [sys.executable, "-m", "jobbvinner_cli"]


def best(argv: list[str], cwd: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jv-bench-word-") as tmp:
        pilot = Path(tmp) / "pilot"
        shutil.copytree(EXAMPLE, pilot)
        doc = ["statusrapport", "--team", "froya", "--nr", "2"]
        docx, pdf = Path(tmp) / "st2.docx", Path(tmp) / "st2.pdf"
        rows = [
            ("jv export … -o st2.docx", best([*JV, "export", *doc, "-o", str(docx)], pilot, args.runs)),
            ("jv export … -o st2.pdf", best([*JV, "export", *doc, "-o", str(pdf)], pilot, args.runs)),
            ("jv import st2.docx --dry-run", best([*JV, "import", str(docx), "--dry-run"], pilot, args.runs)),
            ("jv import st2.docx --force", best([*JV, "import", str(docx), "--force"], pilot, args.runs)),
        ]  # fmt: skip
    for label, seconds in rows:
        print(f"{label:32} {seconds:6.2f} s (best of {args.runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: `jv build-report` against its floor, jv's own pandoc and Typst calls replayed.

For each case the build is run once with its calls recorded (record_build.py); then
the build and the replay of its calls (replay.py: the same programs, arguments, input
and build folder, nothing else) run in turn, ``--runs`` rounds. The table gives the
median CPU time (user+sys of the process and its children: pandoc, the Typst worker),
the median wall time, the peak memory of jv's own process and of its children, and the
median of the per-round ratios.

    python benchmarks/bench_report.py                      # example → PDF/DOCX/HTML,
                                                           # 100 and 400 teams → PDF
    python benchmarks/bench_report.py --teams 100 --runs 3 # quicker

The large pilots repeat the example's teams that completed the pilot (benchmarks/corpus.py
has the checks' corpora; a report needs teams without findings that stop it).
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import EXAMPLE, ROOT
from measure import Case, measure, table

HERE = Path(__file__).resolve().parent


def synthetic_pilot(target: Path, teams: int) -> Path:
    """A copy of the example pilot whose completed teams are repeated to ``teams`` teams."""
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


def _record(calls: Path, args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, str(HERE / "record_build.py"), str(calls), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"jv {' '.join(args)} failed:\n{result.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--teams", type=int, nargs="*", default=[100, 400])
    parser.add_argument("--formats", nargs="*", default=["pdf", "docx", "html"])
    parser.add_argument("--keep", type=Path, help="make the pilots and outputs here")
    options = parser.parse_args()
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    base = options.keep or Path(tempfile.mkdtemp(prefix="jv-bench-report-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        builds = [(f"example → {fmt.upper()}", EXAMPLE, fmt, []) for fmt in options.formats]
        for teams in options.teams:
            pilot = synthetic_pilot(base / f"teams-{teams}", teams)
            builds.append((f"{teams} teams → PDF", pilot, "pdf", ["--draft"]))
        cases: list[Case] = []
        for number, (name, pilot, fmt, extra) in enumerate(builds):
            out = base / f"out-{number}.{fmt}"
            args = ["build-report", "--pilot", str(pilot), "--today", "2019-12-31", *extra]
            args += ["-o", str(out)]
            calls = base / f"calls-{number}"
            _record(calls, args)
            floor = f"floor (jv's calls replayed), {name}"
            cases.append(Case(floor, "py", [str(HERE / "replay.py"), str(calls)]))
            cases.append(Case(f"jv {name}", "jv", args, floor=floor))
        print(f"pilots and outputs in {base}; {options.runs} rounds, medians\n")
        print(table(cases, measure(cases, options.runs)))
    finally:
        if not options.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()

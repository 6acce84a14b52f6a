"""Benchmark: `jv check` against its floor, on copies of the example pilot's real documents.

The floor is the least any checker must do: a plain Python process that walks
the same files, reads them, parses the front matter (and each team.yaml) with
PyYAML's C loader and finds the headings with a regular expression. Each case is
a whole process (start-up included), run in turn with its floor, ``--runs``
rounds; the table gives the median CPU time (user+sys of the process and its
children), the median wall time, the peak memory of jv's own process and of its
children (git, worker processes), and the median of the per-round ratios.

    python benchmarks/bench_check.py                          # everything, 5 rounds
    python benchmarks/bench_check.py --sizes 485 --git-sizes 480 --runs 3   # quick
    python benchmarks/bench_check.py --compare /work/main/src # also main's code, and
                                                              # check both give the
                                                              # same diagnostics

Corpora (see corpus.py): the example pilot itself; its 9 teams copied to about
485, 4,800 and 48,000 documents; and git repositories with history at 480 and
4,800 documents, with and without «levert:» dates (then the dates come from git).
Besides: `jv check FILE` for one file of the example, `jv --help`, `jv check --help`.
Run from the repository root with jv installed (pip install -e .). Python's
bytecode is compiled first (``compileall``) so that start-up is measured as
an installed jv has it.
"""

from __future__ import annotations

import argparse
import compileall
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import EXAMPLE, ROOT, copies_for, copies_pilot, git_pilot
from measure import Case, measure, run_once, table

TODAY = "2019-12-31"
ONE_FILE = "teams/meldal/statusrapport-2.md"

FLOOR = r"""
import os, re, sys, yaml
loader = yaml.CSafeLoader
heading = re.compile(r"^#{1,6}[ \t]+(.*)$", re.M)
count = 0
for folder, dirs, names in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for name in names:
        path = os.path.join(folder, name)
        if name.endswith(".yaml"):
            with open(path, encoding="utf-8") as handle:
                yaml.load(handle.read(), Loader=loader)
        elif name.endswith(".md"):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            body = text
            if text.startswith("---\n"):
                end = text.find("\n---", 4)
                if end > 0:
                    yaml.load(text[4:end], Loader=loader)
                    body = text[end + 4 :]
            heading.findall(body)
        else:
            continue
        count += 1
print(count)
"""


def _check(root: Path, *extra: str) -> list[str]:
    return ["check", "--pilot", str(root), "--today", TODAY, "--format", "json", *extra]


def _pair(cases: list[Case], label: str, root: Path, floor: Path, compare: str | None) -> None:
    cases.append(Case(f"floor, {label}", "py", [str(floor), str(root)]))
    cases.append(Case(f"jv check, {label}", "jv", _check(root), floor=f"floor, {label}"))
    if compare:
        cases.append(
            Case(
                f"jv check (compared code), {label}",
                "jv",
                _check(root),
                env={"PYTHONPATH": compare},
                floor=f"floor, {label}",
            )
        )


def _same_diagnostics(root: Path, compare: str) -> str:
    """Whether this code and the compared code give the same JSON for ``root``."""
    mine = run_once(Case("mine", "jv", _check(root)))
    theirs = run_once(Case("theirs", "jv", _check(root), env={"PYTHONPATH": compare}))
    if json.loads(mine.stdout) == json.loads(theirs.stdout):
        count = len(json.loads(mine.stdout)["diagnostics"])
        return f"identical ({count} diagnostics)"
    return "DIFFERENT"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[485, 4800, 48000])
    parser.add_argument("--git-sizes", type=int, nargs="*", default=[480, 4800])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="make the corpora here and keep them")
    parser.add_argument("--compare", help="a src/ folder with other jv code to run alongside")
    options = parser.parse_args()
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    if options.compare:
        compileall.compile_dir(options.compare, quiet=1)

    base = options.keep or Path(tempfile.mkdtemp(prefix="jv-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        floor = base / "floor.py"
        floor.write_text(FLOOR, encoding="utf-8")
        cases: list[Case] = []
        corpora: list[Path] = [EXAMPLE]
        _pair(cases, "example", EXAMPLE, floor, options.compare)
        cases.append(
            Case(
                "jv check FILE, example",
                "jv",
                ["check", "--today", TODAY, "--format", "json", str(EXAMPLE / ONE_FILE)],
            )
        )
        cases.append(Case("jv --help", "jv", ["--help"]))
        cases.append(Case("jv check --help", "jv", ["check", "--help"]))
        for size in options.sizes:
            copies = copies_for(size)
            root = copies_pilot(base / f"copies-{size}", copies)
            corpora.append(root)
            _pair(cases, f"{size} documents", root, floor, options.compare)
        for size in options.git_sizes:
            copies = copies_for(size)
            dated = git_pilot(base / f"git-{size}-dated", copies, dated=True)
            undated = git_pilot(base / f"git-{size}-undated", copies, dated=False)
            corpora += [dated, undated]
            with_dates = f"jv check, git {size}, with levert:"
            cases.append(Case(with_dates, "jv", _check(dated)))
            cases.append(
                Case(f"jv check, git {size}, no levert:", "jv", _check(undated), floor=with_dates)
            )
        print(f"corpora in {base}; {options.runs} rounds, medians\n")
        results = measure(cases, options.runs)
        print(table(cases, results))
        if options.compare:
            print("\ndiagnostics, this code against", options.compare)
            for root in corpora:
                print(f"- {root.name}: {_same_diagnostics(root, options.compare)}")
    finally:
        if not options.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()

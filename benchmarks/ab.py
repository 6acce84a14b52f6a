"""A/B: one jv command, run alternately by other jv code and by the installed code.

    git archive 0bba292 src | tar -x -C /tmp/jv-old
    python benchmarks/ab.py /tmp/jv-old/src 10 check --pilot examples/pilot-orkdal --today 2019-12-31

Each round runs ``python -m jobbvinner_cli ARGS...`` once with the other code first on
``PYTHONPATH``, then once with the installed code, so that a busy moment hits both. The
median CPU time of each (user+sys of the process and its children) and the median of the
per-round ratios are printed. On a shared machine the ratio is the figure to trust.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys


def _cpu(args: list[str], env: dict[str, str]) -> float:
    command = [sys.executable, "-m", "jobbvinner_cli", *args]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", help="a src/ folder with the other jv code")
    parser.add_argument("runs", type=int, help="rounds (each runs both)")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="the jv command's arguments")
    options = parser.parse_args()
    compileall.compile_dir(options.other, quiet=1)
    other_env = dict(os.environ, PYTHONPATH=options.other)
    other: list[float] = []
    mine: list[float] = []
    ratios: list[float] = []
    for _ in range(options.runs):
        other.append(_cpu(options.args, other_env))
        mine.append(_cpu(options.args, dict(os.environ)))
        ratios.append(mine[-1] / other[-1])
    print(
        f"other {statistics.median(other):.3f} s  installed {statistics.median(mine):.3f} s  "
        f"ratio installed/other {statistics.median(ratios):.3f} (median of {options.runs} rounds)"
    )


if __name__ == "__main__":
    main()

"""Run one command in this process and write what it cost: ``probe.py OUT KIND ARG...``.

KIND ``jv``: ``jv ARG...`` (jv's own entry point, in this process); ``py``: the Python
script ARG[0] with the rest as its arguments; ``exe``: the program ARG[0] as a child.
At exit OUT gets one JSON line: CPU seconds (user+sys) and peak RSS (kB) of this
process ("self") and of its children ("children"), as the kernel counted them.
The probe itself imports only what Python imports anyway, so the figures are the
command's.
"""

from __future__ import annotations

import atexit
import json
import resource
import sys


def _report(out: str) -> None:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {
        "self_cpu": own.ru_utime + own.ru_stime,
        "self_rss_kb": own.ru_maxrss,
        "children_cpu": kids.ru_utime + kids.ru_stime,
        "children_rss_kb": kids.ru_maxrss,
    }
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(figures))


def main() -> None:
    out, kind, *args = sys.argv[1:]
    atexit.register(_report, out)
    if kind == "jv":
        sys.argv = ["jv", *args]
        from jobbvinner_cli.cli.app import main as jv_main

        jv_main()
    elif kind == "py":
        sys.argv = list(args)
        with open(args[0], encoding="utf-8") as handle:
            code = compile(handle.read(), args[0], "exec")
        exec(code, {"__name__": "__main__", "__file__": args[0]})
    else:
        import subprocess

        raise SystemExit(subprocess.run(args, check=False).returncode)


if __name__ == "__main__":
    main()

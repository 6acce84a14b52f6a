"""Record the pandoc and Typst calls of one `jv build-report`, to replay them as its floor.

    python benchmarks/record_build.py CALLS_DIR build-report --pilot P -o OUT ...

Runs jv in this process with its one way of starting a child (``render.deadline.run_before``)
wrapped: each call's program, arguments and input are written to CALLS_DIR, with a copy of
the build folder as it was at that moment (pandoc and Typst read the report's images and
Typst's input from there). ``replay.py CALLS_DIR`` then runs the same calls, and nothing
else: the least a tool that hands the work to pandoc and Typst can cost.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any


def main() -> None:
    calls_dir = Path(sys.argv[1])
    if calls_dir.exists():
        shutil.rmtree(calls_dir)
    calls_dir.mkdir(parents=True)
    from jobbvinner_cli.render import deadline, pandoc, typst_pdf

    original = deadline.run_before
    calls: list[dict[str, Any]] = []

    def recording(limit: Any, argv: Any, *, stdin: bytes, cwd: Path, **kwargs: Any) -> Any:
        number = len(calls)
        folder = calls_dir / f"call-{number}"
        shutil.copytree(cwd, folder, symlinks=True)
        old = str(cwd)
        (calls_dir / f"call-{number}.stdin").write_bytes(
            stdin.replace(old.encode(), str(folder).encode())
        )
        calls.append({"argv": [str(a).replace(old, str(folder)) for a in argv], "cwd": str(folder)})
        return original(limit, argv, stdin=stdin, cwd=cwd, **kwargs)

    pandoc.run_before = recording  # type: ignore[assignment]
    typst_pdf.run_before = recording  # type: ignore[assignment]
    sys.argv = ["jv", *sys.argv[2:]]
    from jobbvinner_cli.cli.app import main as jv_main

    try:
        jv_main()
    finally:
        (calls_dir / "calls.json").write_text(json.dumps(calls, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

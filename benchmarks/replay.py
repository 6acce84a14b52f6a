"""Replay the calls record_build.py recorded: ``replay.py CALLS_DIR`` (the build's floor)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def main() -> None:
    calls_dir = Path(sys.argv[1])
    calls = json.loads((calls_dir / "calls.json").read_text(encoding="utf-8"))
    for number, call in enumerate(calls):
        stdin = (calls_dir / f"call-{number}.stdin").read_bytes()
        result = subprocess.run(call["argv"], input=stdin, cwd=call["cwd"], capture_output=True)
        if result.returncode != 0:
            raise SystemExit(f"call {number} failed:\n{result.stderr.decode()[-2000:]}")


if __name__ == "__main__":
    main()

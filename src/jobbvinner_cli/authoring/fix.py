"""`jv check --fix`: find the files the check read (or could not), repair them, write atomically.

Only files inside the pilot are touched (a link out of it is left alone), each is
written through a temporary file in its folder and keeps its permissions, and a file
whose repair is not certain (see :mod:`authoring.fixes`) is left as it is.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.authoring.fixes import Fixed, fix_bytes
from jobbvinner_cli.pipeline.limits import MAX_FILE_BYTES
from jobbvinner_cli.pipeline.read import outside_root
from jobbvinner_cli.textio import write_atomic

_SUFFIXES = (".md", ".yaml", ".yml")


@dataclass(frozen=True)
class FileFix:
    rel: str  # relative to the pilot root
    fixed: Fixed


def plan_fixes(root: Path, rels: Iterable[str]) -> list[FileFix]:
    """The repairs of the files ``rels`` (paths relative to ``root``), nothing written."""
    out = []
    for rel in sorted(set(rels)):
        path = root / rel
        if not rel.endswith(_SUFFIXES) or outside_root(root, path):
            continue
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        fixed = fix_bytes(data, yaml_file=not rel.endswith(".md"))
        if fixed is not None:
            out.append(FileFix(rel, fixed))
    return out


def apply_fixes(root: Path, fixes: list[FileFix]) -> None:
    for fix in fixes:
        path = root / fix.rel
        mode = stat.S_IMODE(path.stat().st_mode)
        write_atomic(path, fix.fixed.data)
        os.chmod(path, mode)


def unified_diff(fix: FileFix) -> str:
    """The change as a unified diff, after a line naming what is done to the whole file."""
    lines = difflib.unified_diff(
        fix.fixed.old_text.splitlines(keepends=True),
        fix.fixed.new_text.splitlines(keepends=True),
        fromfile=f"a/{fix.rel}",
        tofile=f"b/{fix.rel}",
    )
    body = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    return f"# {fix.rel}: {', '.join(fix.fixed.changes)}\n{body}"

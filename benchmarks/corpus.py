"""Benchmark corpora made from copies of the example pilot's real documents.

The example pilot (examples/pilot-orkdal) has 9 teams, 87 team documents and 9
team.yaml files: 96 "documents". ``copies_pilot(target, copies)`` repeats all 9
teams ``copies`` times (5 → 485 documents with pilot.yaml, the plan and the
report chapters; 50 → 4,805; 500 → 48,005), each copy with its own folder name,
«team:» and «referansegruppe:». The documents keep their real front matter
(long values wrapped over two lines, block lists), which is what jv meets.

``git_pilot(target, copies, dated)`` makes the same corpus a git repository with
a history: the documents are committed as drafts, then each kind of document is
set to «status: levert» in a commit dated a few days before its deadline. With
``dated=False`` the documents have no «levert:» date, so `jv check` must take the
dates from the history.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "pilot-orkdal"
TEAM_DOCS = 96  # 87 documents and 9 team.yaml files in the example's teams/

_TEAM = re.compile(r"^team: .*$", re.M)
_REFERENCE = re.compile(r"^referansegruppe: *(\S+)", re.M)
_LEVERT = re.compile(r"^levert: .*$", re.M)
_STATUS = re.compile(r"^status: levert", re.M)
_DUE = re.compile(r"^frist: (\d{4}-\d\d-\d\d)", re.M)


def copies_for(documents: int) -> int:
    """How many copies of the example's teams give about ``documents`` documents."""
    return max(1, round(documents / TEAM_DOCS))


def copies_pilot(target: Path, copies: int) -> Path:
    """The example pilot with its 9 teams repeated ``copies`` times (see the module)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("teams"))
    teams = sorted(p for p in (EXAMPLE / "teams").iterdir() if p.is_dir())
    texts = {
        team.name: {p.name: p.read_text(encoding="utf-8") for p in sorted(team.iterdir())}
        for team in teams
    }
    for copy in range(copies):
        for slug, files in texts.items():
            folder = target / "teams" / f"{slug}-{copy:03d}"
            folder.mkdir(parents=True)
            for name, text in files.items():
                if name.endswith(".md"):
                    text = _TEAM.sub(f"team: {slug}-{copy:03d}", text, count=1)
                else:
                    text = _REFERENCE.sub(
                        lambda m, c=copy: (
                            f"referansegruppe: {m.group(1)}-{c:03d}"
                            if m.group(1) != "null"
                            else m.group(0)
                        ),
                        text,
                        count=1,
                    )
                (folder / name).write_text(text, encoding="utf-8")
    return target


def _git(root: Path, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.no",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.no",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00"
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def git_pilot(target: Path, copies: int, dated: bool) -> Path:
    """The copies corpus as a git repository whose history delivers the documents."""
    copies_pilot(target, copies)
    delivered: dict[str, list[tuple[Path, str]]] = {}  # due date -> (file, final text)
    for path in sorted((target / "teams").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        due = _DUE.search(text)
        if not _STATUS.search(text) or due is None:
            continue
        final = text if dated else _LEVERT.sub("levert:", text, count=1)
        delivered.setdefault(due.group(1), []).append((path, final))
        path.write_text(_STATUS.sub("status: utkast", final, count=1), encoding="utf-8")
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "Utkast", date="2017-11-01")
    for due in sorted(delivered):
        for path, final in delivered[due]:
            path.write_text(final, encoding="utf-8")
        _git(target, "commit", "-q", "-am", f"Levert, frist {due}", date=due)
    return target

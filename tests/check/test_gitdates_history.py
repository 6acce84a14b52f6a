"""Delivery dates from git: the same as the diff of every status change gave, case by case.

`GitHistory` reads each document's versions (`git log --raw`), the newest from the
working tree and older ones only as far back as it must. The reference here is what
jv did before: one `git log -p -U0 -G^status:` of teams/, each status line the diffs
add followed file by file. Both must give the same dates on every history below.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jobbvinner_cli.check.gitdates import GitHistory, _unquote, parse_versions, status_of

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

_REFERENCE = [
    "log",
    "--reverse",
    "--relative",
    "--no-color",
    "--no-ext-diff",
    "--no-renames",
    "--no-textconv",
    "--date=short",
    "--format=%x00%cd",
    "-p",
    "-U0",
    "-G^status:",
    "--",
    "teams",
]
_LINE = re.compile(r"""^(?:\x00(.*)|\+\+\+ (.*)|\+status:[ \t]*["']?([^"'#\s]*))""", re.M)


def reference_dates(root: Path) -> dict[str, dt.date]:
    """The dates as the diff of every status change gives them (jv's way before)."""
    out = subprocess.run(
        ["git", "-c", "core.quotepath=off", *_REFERENCE],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=True,
    ).stdout
    date: dt.date | None = None
    path: str | None = None
    state: dict[str, str] = {}
    became: dict[str, dt.date | None] = {}
    for match in _LINE.finditer(out):
        day, target, value = match.groups()
        if day is not None:
            date, path = dt.date.fromisoformat(day.strip()), None
        elif target is not None:
            path = _unquote(target)[2:] if target != "/dev/null" else None
        elif path is not None:
            value = value.lower()
            if value == "levert" and state.get(path) != "levert":
                became[path] = date
            state[path] = value
    return {p: d for p, d in became.items() if d is not None and state.get(p) == "levert"}


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.day = dt.date(2018, 1, 1)
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        when = f"{self.day.isoformat()}T12:00:00"
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Kari",
            "GIT_AUTHOR_EMAIL": "kari@example.no",
            "GIT_COMMITTER_NAME": "Kari",
            "GIT_COMMITTER_EMAIL": "kari@example.no",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
        }
        done = subprocess.run(
            ["git", "-C", str(self.root), *args], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def write(self, rel: str, status: str | None, body: str = "Tekst.", crlf: bool = False) -> None:
        lines = ["---", "tittel: Plan"] + ([f"status: {status}"] if status is not None else [])
        text = "\n".join([*lines, "---", "", "# Plan", "", body, ""])
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode())

    def commit(self, days: int = 7) -> None:
        self.day += dt.timedelta(days=days)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", "endring")

    def dates(self) -> dict[str, dt.date]:
        found = GitHistory(self.root)
        found.delivered_on("teams/x.md")
        assert found._dates is not None
        return found._dates


X, Y = "teams/a/plan.md", "teams/b/plan.md"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "pilot")


def _same(repo: Repo, expected: dict[str, str]) -> None:
    want = {path: dt.date.fromisoformat(day) for path, day in expected.items()}
    assert reference_dates(repo.root) == want
    assert repo.dates() == want


def test_added_already_delivered(repo: Repo) -> None:
    repo.write(X, "levert")
    repo.write(Y, "utkast")
    repo.commit()
    _same(repo, {X: "2018-01-08"})


def test_delivered_then_reverted_then_delivered_again(repo: Repo) -> None:
    repo.write(X, "utkast")
    repo.commit()
    repo.write(X, "levert")
    repo.commit()
    repo.write(X, "utkast")
    repo.write(Y, "levert")
    repo.commit()
    _same(repo, {Y: "2018-01-22"})
    repo.write(X, "levert", body="Ny tekst.")
    repo.commit()
    repo.write(X, "levert", body="Enda en endring etter levering.")
    repo.commit()
    _same(repo, {X: "2018-01-29", Y: "2018-01-22"})


def test_written_forms_of_levert_and_crlf(repo: Repo) -> None:
    repo.write(X, "utkast", crlf=True)
    repo.write(Y, "kladd")
    repo.commit()
    repo.write(X, "levert", crlf=True)
    repo.write(Y, '"Levert"  # ferdig')
    repo.commit()
    repo.write(X, "'levert'", crlf=True)  # still delivered: the date stays
    repo.write(Y, "LEVERT")
    repo.commit()
    _same(repo, {X: "2018-01-15", Y: "2018-01-15"})


def test_renamed_after_delivery_is_dated_by_the_rename(repo: Repo) -> None:
    repo.write(X, "levert")
    repo.commit()
    (repo.root / Y).parent.mkdir(parents=True)
    repo.git("mv", X, Y)
    repo.commit()
    _same(repo, {X: "2018-01-08", Y: "2018-01-15"})  # a deletion leaves the old path as it was


def test_deleted_and_put_back_keeps_its_date(repo: Repo) -> None:
    repo.write(X, "levert")
    repo.commit()
    (repo.root / X).unlink()
    repo.commit()
    repo.write(X, "levert")
    repo.commit()
    _same(repo, {X: "2018-01-08"})


def test_status_line_removed_and_written_again(repo: Repo) -> None:
    repo.write(X, "utkast")
    repo.commit()
    repo.write(X, None)
    repo.commit()
    repo.write(X, "levert")
    repo.commit()
    repo.write(X, None)  # no status line: the status stays «levert»
    repo.commit()
    _same(repo, {X: "2018-01-22"})


def test_merged_branches(repo: Repo) -> None:
    repo.write(X, "utkast")
    repo.write(Y, "utkast")
    repo.commit()
    repo.git("checkout", "-q", "-b", "side")
    repo.write(X, "levert")
    repo.commit()
    repo.git("checkout", "-q", "main")
    repo.write(Y, "levert")
    repo.commit()
    repo.git("merge", "-q", "--no-ff", "-m", "flett", "side")
    _same(repo, {X: "2018-01-15", Y: "2018-01-22"})


def test_working_tree_ahead_of_the_last_commit(repo: Repo) -> None:
    repo.write(X, "levert")
    repo.write(Y, "utkast")
    repo.commit()
    repo.write(Y, "levert")  # delivered, not committed: git has no date
    repo.write(X, "levert", body="Endret, ikke lagret i git.")  # read from git instead
    _same(repo, {X: "2018-01-08"})
    os.utime(repo.root / Y, (0, 0))  # touched only
    repo.write(Y, "utkast")
    _same(repo, {X: "2018-01-08"})


def test_odd_file_names(repo: Repo) -> None:
    names = ['teams/a/ø "sitat".md', "teams/b/med mellomrom.md", "teams/c/tab\tnavn.md"]
    names.append("teams/d/linje\nskift.md")  # grep's lines cannot hold it: read from git
    for name in names:
        repo.write(name, "utkast")
    repo.commit()
    for name in names:
        repo.write(name, "levert")
    repo.commit()
    _same(repo, dict.fromkeys(names, "2018-01-15"))


def test_pilot_in_a_subfolder(tmp_path: Path) -> None:
    outer = Repo(tmp_path / "repo")
    pilot = outer.root / "pilot"
    outer.write(f"pilot/{X}", "utkast")
    outer.commit()
    outer.write(f"pilot/{X}", "levert")
    outer.commit()
    (outer.root / "pilot" / "teams" / "a" / "annen.md").write_text("status: levert\n")
    assert reference_dates(pilot) == {X: dt.date(2018, 1, 15)}
    assert GitHistory(pilot).delivered_on(X) == dt.date(2018, 1, 15)


_VALUES = ["utkast", "levert", '"levert"', "Levert # ferdig", "kladd", "'levert'", None]


@pytest.mark.parametrize("seed", range(12))
def test_random_histories(tmp_path: Path, seed: int) -> None:
    """Deliveries, reverts, deletions, branches and uncommitted work, drawn at random."""
    rng = random.Random(seed)
    repo = Repo(tmp_path / "pilot")
    paths = [f"teams/t{i}/dok-{i}.md" for i in range(4)]
    status: dict[str, str | None] = {}
    for step in range(14):
        for path in rng.sample(paths, rng.randint(1, 3)):
            action = rng.random()
            if action < 0.12 and path in status:
                (repo.root / path).unlink()
                del status[path]
                continue
            body_only = action < 0.3 and path in status
            value = status[path] if body_only else rng.choice(_VALUES)
            status[path] = value
            repo.write(path, value, body=f"Steg {step}.", crlf=rng.random() < 0.2)
        if step and rng.random() < 0.15:
            repo.git("checkout", "-q", "-B", "side")
            repo.commit(days=rng.randint(1, 9))
            repo.git("checkout", "-q", "main")
            repo.git("merge", "-q", "--no-ff", "-m", "flett", "side")
        else:
            repo.commit(days=rng.randint(1, 9))
    if rng.random() < 0.5:
        repo.write(rng.choice(paths), rng.choice(["levert", "utkast"]), body="Ikke lagret.")
    assert repo.dates() == reference_dates(repo.root)


def test_status_of_a_version() -> None:
    assert status_of(b"---\nstatus: utkast\n---\nstatus: Levert # x\n") == "levert"
    assert status_of(b"status: levert\r\nfoo") == "levert"
    assert status_of(b"tittel: x\n  status: levert\n") is None  # not at a line's start
    assert status_of(b"status:\n") == ""
    assert status_of(b"\x00status: levert\n") is None  # binary for git: no lines in its diff
    data = b"xx status: levert\nstatus: kladd\nyy"
    assert status_of(data, 0, 18) is None
    assert status_of(data, 3, 18) == "levert"
    assert status_of(data, 18, 32) == "kladd"


def test_versions_from_the_raw_log() -> None:
    zero, one, two = "0" * 40, "1" * 40, "2" * 40
    out = "\n".join(
        [
            "\x002018-01-01",
            "",
            f":000000 100644 {zero} {one} A\tteams/a/x.md",
            f":000000 100644 {zero} {one} A\tteams/a/team.yaml",
            f':000000 100644 {zero} {two} A\t"teams/a/\\303\\270 \\"q\\".md"',
            "\x002018-02-01",
            "",
            f":100644 000000 {one} {zero} D\tteams/a/x.md",
            f":000000 120000 {zero} {two} A\tteams/a/lenke.md",
        ]
    )
    jan, feb = dt.date(2018, 1, 1), dt.date(2018, 2, 1)
    assert parse_versions(out) == {
        "teams/a/x.md": [(jan, one)],
        'teams/a/ø "q".md': [(jan, two)],
        "teams/a/lenke.md": [(feb, None)],
    }

"""A seeded fuzz of every command: mutated documents, pilot.yaml, team.yaml, chapters and
templates in copies of the example pilot, each run through check, status, types, scaffold,
new-team, export and (every few cases) build-report.

It reports what must never happen, whatever the input: a traceback (an exception out of
the command), an exit code other than 0, 1 or 2, invalid JSON or JUnit XML, an escape
character in terminal text, a command slower than the limit (a hang, with --subprocess),
and an input file that a command changed.

A short run is part of the test suite (tests/test_fuzz.py). The long run:

    python -m tests.fuzz.harness --seed 1 --cases 2000 --build-every 20
    python -m tests.fuzz.harness --seed 7 --cases 500 --subprocess --keep /tmp/fuzz-funn

Same seed, same cases: a finding is reproduced with ``--seed S --only N`` (and ``--keep``
writes the pilot of each finding to a folder, to look at).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import xml.dom.minidom
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "pilot-orkdal"
TODAY = "2019-12-31"
SLOW_SECONDS = 30.0

# Pieces a careless user or an attacker puts into a pilot's files.
SNIPPETS = [
    "[", "]", "*", "_", "**", "#", " #", " #1", ":", ": ", "- ", "---", "\n---\n", "|", ">",
    "{{", "}}", "{%", "%}", "{% for i in range(10**9) %}", "{{ x | nosuch }}", "[/]", "[red]x",
    "[link=https://e.vil]l[/link]", "&a ", "*a", "!!python/object:os.system", "\t", "\r",
    "\x0b", "\x1b]0;T\x07", "\x1b[2J", "\x00", "\x7f", "\u00a0", "\u200b", "\u202e", "\ufeff",
    "\udcff", "o\u0338", "ø", "Æ", "😀", '"', "'", "\\", "\\e", "%", "@", "`", "<", "&amp;",
    "0301", "no", "yes", "1e400", ".inf", "2019-02-30", "99999-01-01", "~", "null", "{", "}",
    "![b](../../etc/passwd)", "![b](/etc/passwd)", "[l](#ingen)", "<script>", "## ", "# ",
    "CON", "nul", "\n", "\n\n", " " * 5, "x" * 300,
]  # fmt: skip


def _mutate(text: str, rng: random.Random) -> str:
    """One to four random edits of ``text``."""
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(text))
        kind = rng.random()
        if kind < 0.45:
            text = text[:at] + rng.choice(SNIPPETS) + text[at:]
        elif kind < 0.6:
            text = text[:at] + text[at + rng.randint(1, 40) :]
        elif kind < 0.7:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines.insert(i, lines[rng.randrange(len(lines))])
            text = "\n".join(lines)
        elif kind < 0.78:
            n = rng.randint(2, 24)
            text = text[:at] + "[" * n + "x" + "]" * rng.randint(0, n) + text[at:]
        elif kind < 0.84:
            text = text[:at]  # a file cut short, as a killed editor leaves it
        elif kind < 0.92:
            lines = text.split("\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            text = text[:at] + rng.choice(SNIPPETS) * rng.randint(2, 50) + text[at:]
    return text


def _package_template(rng: random.Random) -> tuple[str, str]:
    folder = REPO / "src" / "jobbvinner_cli" / "templates"
    name = rng.choice(["hovedplan.md.j2", "statusrapport.md.j2", "team.yaml.j2", "_dokument.md.j2"])
    return name, (folder / name).read_text(encoding="utf-8")


def _targets(root: Path) -> list[Path]:
    return sorted(
        p
        for p in [
            root / "pilot.yaml",
            *root.glob("*.md"),
            *root.glob("teams/*/*"),
            *root.glob("rapport/*.md"),
        ]
        if p.is_file()
    )


@dataclass
class Case:
    number: int
    target: str
    findings: list[str] = field(default_factory=list)


def make_case(root: Path, seed: int, number: int) -> Case:
    """Mutate one file of the pilot at ``root`` (a fresh copy), as case ``number`` of ``seed``."""
    rng = random.Random(seed * 1_000_003 + number)
    if rng.random() < 0.15:
        name, text = _package_template(rng)
        path = root / "templates" / name
        path.write_text(_mutate(text, rng), encoding="utf-8", errors="surrogatepass")
        return Case(number, f"templates/{name}")
    targets = _targets(root)
    # pilot.yaml and team.yaml are a few of many files, but they matter to every command
    weighted = [root / "pilot.yaml", root / "teams" / "hitra" / "team.yaml", *targets]
    path = rng.choice(weighted)
    data = path.read_bytes()
    if rng.random() < 0.05:  # bytes, not text: another encoding, a binary file
        pos = rng.randrange(len(data) or 1)
        data = data[:pos] + bytes([rng.randrange(256)]) + data[pos:]
        path.write_bytes(data)
    else:
        text = _mutate(data.decode("utf-8"), rng)
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    return Case(number, path.relative_to(root).as_posix())


def _commands(root: Path, out: Path, build: bool) -> Iterator[tuple[str, list[str]]]:
    pilot = ["--pilot", str(root)]
    yield "check", ["check", *pilot, "--today", TODAY]
    yield "check-json", ["check", *pilot, "--today", TODAY, "--format", "json"]
    yield "check-junit", ["check", *pilot, "--today", TODAY, "--format", "junit"]
    yield "status", ["status", *pilot, "--today", TODAY]
    yield "status-json", ["status", *pilot, "--today", TODAY, "--format", "json"]
    yield "types", ["types", *pilot]
    yield (
        "scaffold",
        ["scaffold", "statusrapport", "--team", "froya", "--nr", "4", "--force", *pilot],
    )
    yield "new-team", ["new-team", "Bodø", *pilot]
    yield "export", ["export", "hovedplan", "--team", "hitra", *pilot, "-o", str(out / "h.html")]
    if build:
        yield "build-report", [
            "build-report", *pilot, "--today", TODAY, "--draft", "-o", str(out / "r.html"),
        ]  # fmt: skip


Runner = Callable[[list[str]], tuple[int | None, str, str]]


def in_process(args: list[str]) -> tuple[int | None, str, str]:
    """(exit code, stdout, traceback or "") through Typer's runner, in this process."""
    from typer.testing import CliRunner

    from jobbvinner_cli.cli import app

    env = {"COLUMNS": "100", "NO_COLOR": None, "FORCE_COLOR": None, "GITHUB_ACTIONS": None}
    try:
        result = CliRunner().invoke(app, args, catch_exceptions=False, env=env)
    except BaseException:  # the command crashed: that is the finding
        return None, "", traceback.format_exc()
    return result.exit_code, result.stdout, ""


def as_subprocess(args: list[str]) -> tuple[int | None, str, str]:
    """The same through a real `jv` process, so that a hang is killed and reported."""
    command = [sys.executable, "-m", "jobbvinner_cli", *args]
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    try:
        proc = subprocess.run(
            command, capture_output=True, timeout=SLOW_SECONDS * 2, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        return None, "", f"hang: stopped after {SLOW_SECONDS * 2:g} s"
    stderr = proc.stderr.decode("utf-8", "replace")
    crashed = "Traceback (most recent call last)" in stderr
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), stderr if crashed else ""


def _fingerprint(root: Path, rel: str) -> str:
    path = root / rel
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def run_case(case: Case, root: Path, out: Path, build: bool, runner: Runner) -> None:
    """Run every command on the mutated pilot, adding to ``case.findings``."""
    before = _fingerprint(root, case.target)
    for name, args in _commands(root, out, build):
        started = time.monotonic()
        code, stdout, crash = runner(args)
        took = time.monotonic() - started
        if crash:
            last = crash.strip().splitlines()[-1]
            case.findings.append(f"{name}: traceback: {last}")
            continue
        if code not in (0, 1, 2):
            case.findings.append(f"{name}: exit code {code}")
        if took > SLOW_SECONDS:
            case.findings.append(f"{name}: took {took:.0f} s")
        if code == 2 and not stdout:
            continue  # refused before any result: the message is on stderr
        if name.endswith("-json"):
            try:
                json.loads(stdout)
            except ValueError as exc:
                case.findings.append(f"{name}: invalid JSON ({exc})")
        elif name.endswith("-junit"):
            try:
                xml.dom.minidom.parseString(stdout.encode("utf-8"))
            except Exception as exc:  # any parser error is the finding
                case.findings.append(f"{name}: invalid XML ({exc})")
        elif "\x1b" in stdout:
            case.findings.append(f"{name}: an escape character reached the terminal")
        after = _fingerprint(root, case.target)
        if name != "scaffold" and after != before:  # scaffold --force rewrites, as asked
            case.findings.append(f"{name}: changed {case.target}")
        before = after


def fuzz(
    seed: int,
    cases: int,
    *,
    build_every: int = 0,
    runner: Runner = in_process,
    only: int | None = None,
    keep: Path | None = None,
    progress: Callable[[Case], None] | None = None,
) -> list[Case]:
    """Run ``cases`` cases of ``seed``; the cases with findings."""
    found = []
    with tempfile.TemporaryDirectory(prefix="jv-fuzz-") as tmp:
        base = Path(tmp) / "base"
        shutil.copytree(EXAMPLE, base, ignore=shutil.ignore_patterns(".git"))
        for number in [only] if only is not None else range(cases):
            work = Path(tmp) / f"case-{number}"
            root = work / "pilot"
            shutil.copytree(base, root, symlinks=True)
            out = work / "ut"
            out.mkdir()
            case = make_case(root, seed, number)
            build = bool(build_every) and number % build_every == 0
            run_case(case, root, out, build, runner)
            if progress is not None:
                progress(case)
            if case.findings:
                found.append(case)
                if keep is not None:
                    shutil.copytree(root, keep / f"seed{seed}-case{number}", dirs_exist_ok=True)
            shutil.rmtree(work, ignore_errors=True)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--build-every", type=int, default=20, help="build the report every N")
    parser.add_argument("--subprocess", action="store_true", help="a real process per command")
    parser.add_argument("--only", type=int, help="run only this case number")
    parser.add_argument("--keep", type=Path, help="copy the pilot of each finding here")
    options = parser.parse_args()
    started = time.monotonic()

    def show(case: Case) -> None:
        for finding in case.findings:
            sys.stdout.write(f"case {case.number} ({case.target}): {finding}\n")
            sys.stdout.flush()

    found = fuzz(
        options.seed,
        options.cases,
        build_every=options.build_every,
        runner=as_subprocess if options.subprocess else in_process,
        only=options.only,
        keep=options.keep,
        progress=show,
    )
    total = 1 if options.only is not None else options.cases
    sys.stdout.write(
        f"{total} cases, seed {options.seed}: {len(found)} with findings "
        f"({time.monotonic() - started:.0f} s)\n"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: `jv check` on a synthetic pilot of 400 teams x 12 documents, against a floor.

The floor is the least any checker must do: a plain Python process that reads
the same files and parses their YAML front matter with PyYAML's C loader.
Both are timed as whole processes (start-up included), best of several runs.

    python benchmarks/bench_check.py                # 400 teams, 5 rounds
    python benchmarks/bench_check.py --teams 50 --runs 5 --keep /tmp/pilot

The pilot is made with jv itself: `jv init`, `jv new-team` and `jv scaffold`
for one team, whose filled-in documents are then copied to the other teams
with their names changed. Nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GATHERINGS = [
    "2017-11-10",
    "2018-02-27",
    "2018-06-14",
    "2018-11-13..2018-11-14",
    "2019-02-27",
    "2019-06-04",
    "2019-10-01",
]
# hovedplan + fremdriftsplan 1-6 + statusrapport 1-4 + sluttrapport = 12 documents per team
DOCS = (
    [("hovedplan", None)]
    + [("fremdriftsplan", n) for n in range(1, 7)]
    + [("statusrapport", n) for n in range(1, 5)]
    + [("sluttrapport", None)]
)
TODAY = "2019-12-31"

PARAGRAPH = (
    "Kommunen har over flere år hatt problemer med å rekruttere sykepleiere til "
    "sykehjemmet og hjemmetjenesten, særlig i helgene og i sommerferien. Teamet har "
    "derfor valgt å satse på tiltak som gir elever og lærlinger en god første erfaring "
    "med arbeidsplassen, og på å gi nyutdannede fast ansettelse i hele stillinger. "
    "Vi har samarbeidet med den videregående skolen og med høgskolen om praksisplasser, "
    "og vi har laget en plan for mentorordning som skal prøves ut i neste periode. "
)

FLOOR = r"""
import os, sys, yaml
loader = yaml.CSafeLoader
count = 0
for folder, _, names in os.walk(sys.argv[1]):
    if "/.git" in folder:
        continue
    for name in names:
        path = os.path.join(folder, name)
        if name.endswith(".yaml"):
            with open(path, encoding="utf-8") as handle:
                yaml.load(handle.read(), Loader=loader)
        elif name.endswith(".md"):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            if text.startswith("---\n"):
                end = text.find("\n---", 4)
                if end > 0:
                    yaml.load(text[4:end], Loader=loader)
        else:
            continue
        count += 1
print(count)
"""


def _jv() -> list[str]:
    script = Path(sys.executable).with_name("jv")
    return [str(script)] if script.exists() else [sys.executable, "-m", "jobbvinner_cli"]


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


def _fill(text: str) -> str:
    text = re.sub(r"^>[ \t]*\*\*Veiledning:\*\*.*(?:\n>.*)*\n?", "", text, flags=re.M)
    text = re.sub(r"^(## .+)$", lambda m: f"{m.group(1)}\n\n{PARAGRAPH}", text, flags=re.M)
    first = [True]

    def row(match: re.Match[str]) -> str:
        cells = match.group(0).count("|") - 1
        if not first[0]:
            return ""
        first[0] = False
        values = ["Flere søkere", "Sommerjobb for elever", "Kari Nordmann"] + ["x"] * (cells - 3)
        return "| " + " | ".join(values) + " |"

    text = re.sub(r"^\|(?:[ \t]*\|)+[ \t]*$", row, text, flags=re.M)
    for key, value in (
        ("gruppeleder", '"Kari Nordmann"'),
        ("effektmål", '"Alle faste stillinger besatt med fagutdannede innen 2020"'),
        ("resultatmål", '"Fem nye lærlinger i perioden"'),
    ):
        text = re.sub(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M)
    text = re.sub(r"^resultatmål: \[\].*$", 'resultatmål: ["Fem nye lærlinger"]', text, flags=re.M)
    text = re.sub(r"^timer:.*$", "timer: 8", text, count=1, flags=re.M)
    due = re.search(r"^frist: (\S+)", text, re.M)
    text = re.sub(r"^status: .*$", "status: levert", text, count=1, flags=re.M)
    if due:
        text = re.sub(r"^levert:.*$", f"levert: {due.group(1)}", text, count=1, flags=re.M)
    return text


def make_pilot(root: Path, teams: int) -> int:
    jv = _jv()
    args = [*jv, "init", str(root), "--name", "Jobbvinner Benchmark", "--no-git"]
    args += [a for day in GATHERINGS for a in ("--samling", day)]
    args += ["--prosjektleder", "Per Hansen", "--epost", "per.hansen@ks.no"]
    result = _run(args)
    if result.returncode != 0:
        raise SystemExit(f"jv init failed:\n{result.stderr}")
    pilot_yaml = root / "pilot.yaml"
    pilot_yaml.write_text(
        pilot_yaml.read_text(encoding="utf-8").replace("antall: {}", "antall:\n  statusrapport: 4"),
        encoding="utf-8",
    )
    result = _run([*jv, "new-team", "Mal", "--gruppeleder", "Kari Nordmann", "--pilot", str(root)])
    if result.returncode != 0:
        raise SystemExit(f"jv new-team failed:\n{result.stderr}")
    template = root / "teams" / "mal"
    for type_name, nr in DOCS[1:]:
        extra = ["--nr", str(nr)] if nr is not None else []
        result = _run([*jv, "scaffold", type_name, "--team", "mal", *extra, "--pilot", str(root)])
        if result.returncode != 0:
            raise SystemExit(f"jv scaffold failed:\n{result.stderr}")
    members = "\n".join(
        f'  - {{navn: "{name}", leder: {str(i == 0).lower()}, tillitsvalgt: {str(i == 1).lower()}}}'
        for i, name in enumerate(["Kari Nordmann", "Ola Nordmann", "Anne Hansen", "Per Olsen"])
    )
    texts = {p.name: _fill(p.read_text(encoding="utf-8")) for p in template.glob("*.md")}
    shutil.rmtree(template)
    count = 0
    for index in range(teams):
        slug = f"kommune-{index:03d}"
        folder = root / "teams" / slug
        folder.mkdir()
        reference = f"kommune-{(index + 1) % teams:03d}"
        (folder / "team.yaml").write_text(
            f'kommune: "Kommune {index}"\ngruppeleder: "Kari Nordmann"\nmedlemmer:\n{members}\n'
            f"referansegruppe: {reference}\nstatus: aktiv\nfrister: {{}}\nfritak: []\n",
            encoding="utf-8",
        )
        for name, text in texts.items():
            text = text.replace("team: mal", f"team: {slug}").replace('"Mal"', f'"Kommune {index}"')
            (folder / name).write_text(
                text.replace("– Mal", f"– Kommune {index}"), encoding="utf-8"
            )
            count += 1
    return count


def _time(args: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = _run(args, env={**os.environ, "NO_COLOR": "1"})
    return time.perf_counter() - start, result


def interleaved(
    commands: dict[str, list[str]], runs: int
) -> tuple[dict[str, list[float]], dict[str, subprocess.CompletedProcess[str]]]:
    """Run the commands in turn, ``runs`` rounds, so that a busy moment hits them all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    last: dict[str, subprocess.CompletedProcess[str]] = {}
    for _ in range(runs):
        for name, args in commands.items():
            took, last[name] = _time(args)
            times[name].append(took)
    return times, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=400)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="make the pilot here and keep it")
    options = parser.parse_args()

    base = options.keep or Path(tempfile.mkdtemp(prefix="jv-bench-"))
    root = base / "pilot"
    if root.exists():
        shutil.rmtree(root)
    try:
        documents = make_pilot(root, options.teams)
        files = sum(1 for p in root.rglob("*") if p.suffix in (".md", ".yaml"))
        print(
            f"pilot: {options.teams} teams, {documents} team documents, {files} .md/.yaml files in {root}"
        )
        floor_script = base / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")

        check_args = [*_jv(), "check", "--pilot", str(root), "--today", TODAY, "--format", "json"]
        commands = {
            "floor (read + CSafeLoader)": [sys.executable, str(floor_script), str(root)],
            "jv check": check_args,
            "jv check --jobs 1": [*check_args, "--jobs", "1"],
            "jv --help": [*_jv(), "--help"],
        }
        _time(commands["floor (read + CSafeLoader)"])  # warm the page cache
        times, last = interleaved(commands, options.runs)
        result = last["jv check"]
        try:
            summary = json.loads(result.stdout)["summary"]
        except (ValueError, KeyError):
            summary = result.stderr[-300:]
        print(f"jv check exit {result.returncode}; summary {summary}")
        floor = times["floor (read + CSafeLoader)"]
        print(f"{'':28s} {'best':>7s} {'median':>7s}  ratio to floor (best, median)")
        for name, values in times.items():
            best, median = min(values), statistics.median(values)
            ratio = (
                f"  {best / min(floor):.2f}x  {median / statistics.median(floor):.2f}x"
                if name.startswith("jv check")
                else ""
            )
            print(f"{name:28s} {best:6.3f}s {median:6.3f}s{ratio}")
        print("runs:", {name: [round(t, 3) for t in values] for name, values in times.items()})
    finally:
        if not options.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Build a clean pilot with the jv commands, fill its documents as a team would, then break it.

The pilot: four gatherings (Orkdal's first four dates), three teams, every
document delivered on time; `jv check --today 2018-12-31` finds nothing at all.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.clikit import run_jv
from typer.testing import CliRunner

from jobbvinner_cli.cli import app

TODAY = "2018-12-31"
GATHERINGS = ["2017-11-10", "2018-02-27", "2018-06-14", "2018-11-13..2018-11-14"]
TEAMS = {
    "froya": ("Frøya", "hitra"),
    "hitra": ("Hitra", "skaun"),
    "skaun": ("Skaun", "froya"),
}
# hovedplan, the plans, two status reports (the final report replaces the third)
DOCS = [
    ("hovedplan", None),
    ("fremdriftsplan", 1),
    ("fremdriftsplan", 2),
    ("fremdriftsplan", 3),
    ("statusrapport", 1),
    ("statusrapport", 2),
    ("sluttrapport", None),
]
EFFECT = "Alle faste stillinger i helse og omsorg er besatt med fagutdannede innen 2020"

_PROMPT = re.compile(r"^>[ \t]*\*\*Veiledning:\*\*.*(?:\n>.*)*\n?", re.M)
_EMPTY_ROW = re.compile(r"^\|(?:[ \t]*\|)+[ \t]*$", re.M)

runner = CliRunner()


def jv(*args: str) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


def fill_body(text: str, kommune: str) -> str:
    """Replace every prompt by a paragraph and fill the plan table's first row."""
    text = _PROMPT.sub("", text)
    text = re.sub(
        r"^(## .+)$",
        lambda m: (
            f"{m.group(1)}\n\nTeamet i {kommune} har skrevet om dette: mer praksis for "
            "elevene, fast ansettelse for nyutdannede og en mentor for alle nye."
        ),
        text,
        flags=re.M,
    )
    first = [True]

    def row(match: re.Match[str]) -> str:
        if not first[0]:
            return ""
        first[0] = False
        cells = match.group(0).count("|") - 1
        values = ["Flere søkere", "Sommerjobb for elever", "Kari Nordmann"] + ["x"] * (cells - 3)
        return "| " + " | ".join(values) + " |"

    text = _EMPTY_ROW.sub(row, text)
    return re.sub(r"\n{3,}", "\n\n", text)


def fill_fields(text: str, delivered: str | None) -> str:
    fields = {
        "gruppeleder": '"Kari Nordmann"',
        "effektmål": f'"{EFFECT}"',
        "resultatmål": '"Fem nye lærlinger i perioden"',
    }
    for key, value in fields.items():
        text = re.sub(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M)
    text = re.sub(r"^resultatmål: \[\].*$", 'resultatmål: ["Fem nye lærlinger"]', text, flags=re.M)
    text = re.sub(r"^timer:.*$", "timer: 8", text, count=1, flags=re.M)
    if delivered:
        text = re.sub(r"^status: .*$", "status: levert", text, count=1, flags=re.M)
        text = re.sub(r"^levert:.*$", f"levert: {delivered}", text, count=1, flags=re.M)
    return text


def team_yaml(kommune: str, reference: str) -> str:
    return f"""kommune: "{kommune}"
gruppeleder: "Kari Nordmann"
medlemmer:
  - navn: "Kari Nordmann"
    rolle: enhetsleder
    leder: true
  - navn: "Ola Nordmann"
    rolle: hovedtillitsvalgt
    tillitsvalgt: true
  - navn: "Anne Hansen"
    rolle: sykepleier
  - navn: "Per Olsen"
    rolle: helsefagarbeider
referansegruppe: {reference}
status: aktiv
frister: {{}}
fritak: []
"""


@dataclass
class Pilot:
    root: Path

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str, count: int = 1) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, count))

    def line_of(self, rel: str, needle: str) -> int:
        for number, line in enumerate(self.read(rel).split("\n"), 1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {rel}")

    def check(
        self, *args: str, today: str = TODAY
    ) -> tuple[int, list[dict[str, Any]], dict[str, Any]]:
        result = run_jv(
            ["check", "--pilot", str(self.root), "--today", today, "--format", "json", *args]
        )
        data = json.loads(result.stdout)
        return result.exit_code, data["diagnostics"], data

    def found(self, *args: str, today: str = TODAY) -> set[tuple[str, str, int | None, str]]:
        """(code, path, line, severity) of every diagnostic."""
        _, diagnostics, _ = self.check(*args, today=today)
        return {(d["code"], d["path"], d["line"], d["severity"]) for d in diagnostics}


def build_pilot(root: Path) -> Pilot:
    args = ["init", str(root), "--name", "Jobbvinner Test", "--region", "Orkdalsregionen"]
    for day in GATHERINGS:
        args += ["--samling", day]
    args += ["--prosjektleder", "Per Hansen", "--epost", "per.hansen@ks.no", "--no-git"]
    assert jv(*args).exit_code == 0
    pilot = Pilot(root)
    # what jv's defaults give as well, written out: two status reports (the final report
    # replaces the third), statusrapport-1 on the Friday before its Saturday
    pilot.edit("pilot.yaml", "antall: {}", "antall:\n  statusrapport: 2")
    pilot.edit("pilot.yaml", "  unntak: {}", "  unntak:\n    statusrapport-1: 2018-02-16")
    for slug, (kommune, _) in TEAMS.items():
        assert (
            jv(
                "new-team", kommune, "--gruppeleder", "Kari Nordmann", "--pilot", str(root)
            ).exit_code
            == 0
        )
        assert slug in {p.name for p in (root / "teams").iterdir()}
    for slug, (kommune, reference) in TEAMS.items():
        pilot.write(f"teams/{slug}/team.yaml", team_yaml(kommune, reference))
        for type_name, nr in DOCS:
            rel = f"teams/{slug}/{type_name}{'' if nr is None else f'-{nr}'}.md"
            if type_name != "hovedplan":
                extra = [] if nr is None else ["--nr", str(nr)]
                result = jv("scaffold", type_name, "--team", slug, *extra, "--pilot", str(root))
                assert result.exit_code == 0, result.output
            text = pilot.read(rel)
            due = re.search(r"^frist: (\S+)", text, re.M)
            assert due is not None
            pilot.write(rel, fill_body(fill_fields(text, due.group(1)), kommune))
    # the project leader's chapters, written (a chapter that is only its prompt is JV901)
    for chapter in sorted((root / "rapport").glob("*.md")):
        rel = f"rapport/{chapter.name}"
        text = re.sub(
            r"^> \*\*Veiledning:\*\*.*$", "Prosjektlederens tekst.", pilot.read(rel), flags=re.M
        )
        pilot.write(rel, text)
    return pilot


@pytest.fixture(scope="session")
def clean_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean pilot built once with the jv commands."""
    root = tmp_path_factory.mktemp("template") / "pilot"
    build_pilot(root)
    return root


@pytest.fixture
def pilot(clean_template: Path, tmp_path: Path) -> Pilot:
    """A fresh copy of the clean pilot for each test."""
    root = tmp_path / "pilot"
    shutil.copytree(clean_template, root, symlinks=True)
    return Pilot(root)

"""Counted nouns agree with their number: «1 medlem», «2 medlemmer» (jobbvinner_cli.words)."""

from __future__ import annotations

import re
from pathlib import Path

from pilotkit import Pilot
from tests.clikit import REPO, jv

NOUNS = "samlinger|medlemmer|sider|dager|kommuner|problemer|filer|advarsler|merknader|timer|uker"
# a number from an expression before a plural noun; constants (UPPER_CASE) never change
COUNTED = re.compile(r"\{(?![A-Z_0-9 *+-]+\})[^{}]+\} (" + NOUNS + r")\b")


def test_no_message_puts_a_count_before_a_fixed_plural() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sorted((REPO / "src").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if COUNTED.search(line)
    ]
    assert offenders == [], "use jobbvinner_cli.words.plural:\n" + "\n".join(offenders)


def test_one_gathering_is_one_samling(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert jv("init", str(root), "--name", "T", "--samling", "2019-10-15",
              "--no-git").exit_code == 0  # fmt: skip
    assert jv("new-team", "Bodø", "--pilot", str(root)).exit_code == 0
    result = jv("scaffold", "fremdriftsplan", "--team", "bodo", "--pilot", str(root))
    assert result.exit_code == 2
    assert "Piloten har 1 samling, og det gir ingen fremdriftsplaner." in result.output


def test_one_member_is_one_medlem(pilot: Pilot) -> None:
    team = "teams/froya/team.yaml"
    text = pilot.read(team)
    start = text.index('  - navn: "Ola Nordmann"')
    pilot.write(team, text[:start] + text[text.index("referansegruppe:") :])
    _, diagnostics, _ = pilot.check()
    messages = [d["message"] for d in diagnostics if d["code"] == "JV406"]
    assert any(m.startswith("Teamet har 1 medlem; et kommuneteam skal ha ") for m in messages)

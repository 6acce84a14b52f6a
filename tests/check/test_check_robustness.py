"""Whatever a team pastes in: no traceback, every file still checked, the right findings."""

from __future__ import annotations

import json
import os
import random

import pytest
from pilotkit import Pilot
from tests.clikit import run_jv


def _break_everything(pilot: Pilot) -> dict[str, str]:
    """Each broken file and the one code it must give."""
    teams = pilot.root / "teams"
    random.seed(7)
    expected: dict[str, str] = {}

    def put(rel: str, data: bytes, code: str) -> None:
        path = pilot.root / rel
        if path.exists() or path.is_symlink():
            path.unlink()
        path.write_bytes(data)
        expected[rel] = code

    text = pilot.read("teams/froya/hovedplan.md")
    put("teams/froya/hovedplan.md", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "JV103")
    put(
        "teams/froya/fremdriftsplan-1.md",
        pilot.read("teams/froya/fremdriftsplan-1.md").encode("cp1252"),
        "JV102",
    )
    put("teams/froya/fremdriftsplan-2.md", b"", "JV104")
    put(
        "teams/froya/fremdriftsplan-3.md",
        b"---\ntype: fremdriftsplan\n---\n" + b"x" * 2_000_000,
        "JV122",
    )
    put("teams/froya/statusrapport-1.md", b"---\ntype: " + b"[" * 100_000 + b"\n---\n", "JV110")
    put("teams/froya/statusrapport-2.md", b"---\ntype: " + b"[" * 20_000 + b"\n---\n", "JV109")
    bomb = b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n"
    put("teams/froya/sluttrapport.md", bomb, "JV109")
    put("teams/hitra/hovedplan.md", bytes(random.randrange(256) for _ in range(20_000)), "JV102")
    put("teams/hitra/fremdriftsplan-1.md", b"---\n- a\n- b\n---\n# x\n", "JV106")
    put("teams/hitra/fremdriftsplan-2.md", b"---\ntype: fremdriftsplan\nteam: hitra\n", "JV105")
    put("teams/hitra/fremdriftsplan-3.md", b"---\ntype: " + b"- " * 20_000 + b"x\n---\n", "JV107")
    nested = "".join(" " * i + f"k{i}:\n" for i in range(200)).encode()
    put("teams/hitra/statusrapport-1.md", b"---\n" + nested + b"---\n", "JV109")
    put("teams/hitra/statusrapport-2.md", b"---\nx: \x07\n---\n", "JV107")
    put(
        "teams/hitra/sluttrapport.md",
        "Bare tekst fra Word, ingen felter.\n".encode("utf-16"),
        "JV102",
    )
    (teams / "skaun" / "statusrapport-2.md").unlink()
    os.symlink("/etc/passwd", teams / "skaun" / "statusrapport-2.md")
    expected["teams/skaun/statusrapport-2.md"] = "JV121"
    put("teams/skaun/hovedplan.md", b"PK\x03\x04" + os.urandom(300), "JV102")
    return expected


def test_nothing_stops_the_check(pilot: Pilot) -> None:
    expected = _break_everything(pilot)
    result = run_jv(
        ["check", "--pilot", str(pilot.root), "--today", "2018-12-31", "--format", "json"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    by_path: dict[str, set[str]] = {}
    for d in data["diagnostics"]:
        by_path.setdefault(d["path"], set()).add(d["code"])
    for rel, code in expected.items():
        assert code in by_path.get(rel, set()), (rel, by_path.get(rel))
    assert "JV100" not in {d["code"] for d in data["diagnostics"]}
    # the files that were not broken are still checked, and are fine
    for rel in (
        "teams/skaun/fremdriftsplan-1.md",
        "teams/skaun/sluttrapport.md",
        "teams/froya/team.yaml",
    ):
        assert rel not in by_path
    # a broken file does not also count as missing or undelivered
    assert not {d["code"] for d in data["diagnostics"]} & {"JV301", "JV302"}
    for fmt in ("text", "github", "junit"):
        out = run_jv(["check", "--pilot", str(pilot.root), "--today", "2018-12-31", "-f", fmt])
        assert out.exit_code == 1


def test_a_fifo_does_not_hang_the_check(pilot: Pilot) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this platform has no named pipes (os.mkfifo)")
    os.mkfifo(pilot.root / "teams" / "froya" / "notater.md")
    found = pilot.found()
    assert found == {("JV120", "teams/froya/notater.md", None, "warning")}
    pilot.path("teams/froya/statusrapport-2.md").unlink()
    os.mkfifo(pilot.root / "teams" / "froya" / "statusrapport-2.md")
    assert ("JV101", "teams/froya/statusrapport-2.md", None, "error") in pilot.found()


def test_unreadable_file(pilot: Pilot) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: root can read a file with mode 000")
    path = pilot.path("teams/froya/hovedplan.md")
    path.chmod(0)
    try:
        assert pilot.found() == {("JV101", "teams/froya/hovedplan.md", None, "error")}
    finally:
        path.chmod(0o644)

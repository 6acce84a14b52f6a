"""A short, seeded run of the fuzz harness (tests/fuzz/harness.py; the long run is described
there): every command on mutated pilots, no traceback, no bad exit code, valid JSON and XML,
no escape character on the terminal, no input file changed."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz.harness import Case, fuzz, run_case


def test_a_short_fuzz_of_every_command_finds_nothing() -> None:
    found = fuzz(seed=2026, cases=3, build_every=3)
    assert [(case.number, case.target, case.findings) for case in found] == []


def test_the_harness_reports_what_it_is_meant_to(tmp_path: Path) -> None:
    def broken(args: list[str]) -> tuple[int | None, str, str]:
        if args[0] == "types":
            return None, "", "Traceback (most recent call last):\nKeyError: 'x'\n"
        return (
            (3 if args[0] == "new-team" else 0),
            "{ikke json" if "json" in args else "\x1b[2J",
            "",
        )

    case = Case(0, "pilot.yaml")
    root = tmp_path / "pilot"
    root.mkdir()
    (root / "pilot.yaml").write_text("navn: x\n", encoding="utf-8")
    run_case(case, root, tmp_path, build=False, runner=broken)
    assert "types: traceback: KeyError: 'x'" in case.findings
    assert "new-team: exit code 3" in case.findings
    assert "status: an escape character reached the terminal" in case.findings
    assert any(f.startswith("check-json: invalid JSON") for f in case.findings)
    assert any(f.startswith("check-junit: invalid XML") for f in case.findings)

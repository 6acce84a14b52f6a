"""`jv check --fix` repairs what is mechanical, `--diff` shows it without writing anything."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from jobbvinner_cli.authoring.fixes import fix_bytes
from tests.clikit import TODAY, copy_example, edit, jv

HITRA = "teams/hitra/hovedplan.md"
FROYA = "teams/froya/hovedplan.md"


def check(root: Path, *args: str) -> tuple[int, str, str]:
    result = jv("check", "--pilot", str(root), "--today", TODAY, *args)
    return result.exit_code, result.stdout, result.stderr


def findings(root: Path) -> list[tuple[str, str, int | None]]:
    _, out, _ = check(root, "-f", "json")
    return [(d["code"], d["path"], d["line"]) for d in json.loads(out)["diagnostics"]]


def break_mechanically(root: Path) -> None:
    """BOM, CRLF, a dotted date, «Levert», a value with «: », Windows-1252, and pilot.yaml."""
    hitra = root / HITRA
    text = hitra.read_text(encoding="utf-8")
    text = text.replace("status: levert", "status: Levert")
    text = text.replace("levert: 2017-11-29", "levert: 29.11.2017")
    text = text.replace('kommune: "Hitra"', "kommune: Hitra: kommunen")
    hitra.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    froya = root / FROYA
    froya.write_bytes(froya.read_text(encoding="utf-8").encode("cp1252"))
    # a gathering's date as Norwegians write it
    edit(root / "pilot.yaml", "dato: 2017-11-10", "dato: 10.11.2017")


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "ren")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    root = copy_example(tmp_path / "pilot")
    break_mechanically(root)
    return root


def _bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_the_broken_copy_fails_the_check(broken: Path) -> None:
    assert check(broken)[0] == 1
    codes = {(code, path) for code, path, _ in findings(broken)}
    assert {("JV102", FROYA), ("JV103", HITRA)} <= codes
    assert any(path == "pilot.yaml" and code.startswith("JV1") for code, path in codes)


@pytest.mark.parametrize("flag", ["--diff", "--dry-run"])
def test_diff_shows_the_repairs_and_writes_nothing(broken: Path, flag: str) -> None:
    before = _bytes(broken)
    code, out, _ = check(broken, flag)
    assert code == 1
    assert "# pilot.yaml: skrevet datoer som ÅÅÅÅ-MM-DD" in out
    assert "-  dato: 10.11.2017\n+  dato: 2017-11-10\n" in out
    assert _bytes(broken) == before


def test_fix_leaves_a_pilot_that_passes_like_the_original(broken: Path, clean: Path) -> None:
    (broken / HITRA).chmod(0o664)
    code, out, err = check(broken, "--fix")
    assert "Rettet pilot.yaml: skrevet datoer som ÅÅÅÅ-MM-DD." in err
    assert f"Rettet {FROYA}: gjort om fra Windows-1252 til UTF-8." in err
    assert f"Rettet {HITRA}: fjernet BOM (byte order mark), gjort om Windows-linjeskift" in err
    assert code == 0, out
    hitra = (broken / HITRA).read_bytes()
    assert not hitra.startswith(b"\xef\xbb\xbf") and b"\r" not in hitra
    text = hitra.decode("utf-8")
    assert "status: levert\n" in text and "levert: 2017-11-29\n" in text
    assert 'kommune: "Hitra: kommunen"\n' in text
    assert stat.S_IMODE(os.stat(broken / HITRA).st_mode) == 0o664
    assert "Frøya" in (broken / FROYA).read_text(encoding="utf-8")
    # what is left is what the untouched example has, but for the changed kommune
    left = [f for f in findings(broken) if f[1] != HITRA]
    assert left == [f for f in findings(clean) if f[1] != HITRA]
    # and a second --fix has nothing to do
    assert check(broken, "--diff")[:2] == (0, "")


def test_fix_with_nothing_to_fix_is_the_plain_check(clean: Path) -> None:
    before = _bytes(clean)
    assert check(clean, "--fix") == check(clean)
    assert _bytes(clean) == before


def fixed(text: str, yaml_file: bool = False) -> str | None:
    result = fix_bytes(text.encode("utf-8"), yaml_file)
    return None if result is None else result.new_text


@pytest.mark.parametrize(
    "text",
    [
        "---\nstatus: utkast  # utkast eller levert\n---\nTekst: med kolon #2\n",
        "---\nlevert: 31.02.2018\n---\n",  # no such day: left for the check to explain
        "---\nmål: |\n  Punkt: ett #1\n---\n",  # a block of text is not YAML to repair
        "---\ntiltak:\n  - Opplæring: to dager\n---\n",  # a mapping in a list is valid
        "---\ntittel: 'Møte: referat'\n---\n",  # quoted already
        "Ingen front matter: 02.11.2018\n",
    ],
)
def test_what_is_not_mechanical_is_left_alone(text: str) -> None:
    assert fixed(text) is None


def test_yaml_files_are_repaired_throughout() -> None:
    assert fixed("samlinger:\n- dato: 2.3.2019\n  sted: Orkanger: rådhuset\n", True) == (
        'samlinger:\n- dato: 2019-03-02\n  sted: "Orkanger: rådhuset"\n'
    )


def test_quotes_and_backslashes_in_a_quoted_value_are_escaped() -> None:
    assert fixed('---\ntittel: Plan "A": C:\\mappe\n---\n') == (
        '---\ntittel: "Plan \\"A\\": C:\\\\mappe"\n---\n'
    )


def test_text_in_an_unknown_encoding_is_left_alone() -> None:
    assert fix_bytes("---\nnavn: Åse\n---\n".encode("utf-16"), False) is None


def test_fix_reaches_the_files_behind_an_unreadable_pilot_yaml(clean: Path) -> None:
    pilot_yaml = clean / "pilot.yaml"
    pilot_yaml.write_bytes(pilot_yaml.read_text(encoding="utf-8").encode("cp1252"))
    (clean / HITRA).write_bytes(b"\xef\xbb\xbf" + (clean / HITRA).read_bytes())
    assert check(clean)[0] == 2  # the check stops at pilot.yaml
    code, _, err = check(clean, "--fix")
    assert "Rettet pilot.yaml: gjort om fra Windows-1252 til UTF-8." in err
    assert f"Rettet {HITRA}: fjernet BOM (byte order mark)." in err
    assert code == 0

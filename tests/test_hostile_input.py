"""Hostile and broken input from a pilot repository or the command line: printed as text,
named where it is, refused where another machine would stop on it, and nothing left behind
by a command that was killed."""

from __future__ import annotations

import json
import os
import tempfile
import time
import unicodedata
from pathlib import Path

import pytest

from tests.clikit import copy_example, edit, jv, line_of

TODAY = "2019-12-31"
MARKUP = "Hi[/]tra [red]x[/red] [link=https://e.vil]L[/link] \\[x"
ESCAPES = "\x1b]0;TITTEL\x07\x1b[2J"


@pytest.fixture
def orkdal(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "orkdal")


def _check(root: Path) -> list[dict[str, object]]:
    result = jv("check", "--pilot", str(root), "--today", TODAY, "--format", "json")
    diagnostics: list[dict[str, object]] = json.loads(result.stdout)["diagnostics"]
    return diagnostics


def _at(diagnostics: list[dict[str, object]], path: str) -> list[tuple[object, ...]]:
    return [(d["code"], d["line"], d["severity"]) for d in diagnostics if d["path"] == path]


# --- user text reaches the terminal as text -----------------------------------------------


def test_markup_and_escape_sequences_in_user_text_are_printed_as_text(orkdal: Path) -> None:
    team = orkdal / "teams" / "hitra" / "team.yaml"
    quoted = MARKUP.replace("\\", "\\\\")  # a backslash is written \\ inside "…" in YAML
    edit(team, "kommune: Hitra", f'kommune: "{quoted} \\e]0;TITTEL\\a\\e[2J"')
    report = orkdal / "teams" / "hitra" / "sluttrapport.md"
    report.write_text(report.read_text(encoding="utf-8") + f"\n## Ny {ESCAPES}\n", "utf-8")
    for args in (["check"], ["status"]):
        result = jv(*args, "--pilot", str(orkdal), "--today", TODAY)
        assert MARKUP in result.stdout, args
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, args
        assert "␛]0;TITTEL␇␛[2J" in result.stdout, args
    result = jv("check", "--pilot", str(orkdal), "--today", TODAY, "--format", "json")
    kommune = json.loads(result.stdout)["diagnostics"]
    assert any(ESCAPES in str(d["message"]) for d in kommune)  # JSON keeps the text exactly


def test_a_team_name_with_markup_is_printed_as_typed(orkdal: Path) -> None:
    result = jv("new-team", "[/]Bad [red]x[/red]", "--slug", "bad", "--pilot", str(orkdal))
    assert result.exit_code == 0
    assert result.stdout.startswith("Laget teamet «[/]Bad [red]x[/red]» (bad)\n")


@pytest.mark.parametrize("name", ["Bod\x1bø", "Bo\u200bdø", "Bo\x0bdø"])
def test_a_team_name_with_invisible_characters_is_refused(orkdal: Path, name: str) -> None:
    result = jv("new-team", name, "--slug", "bodo", "--pilot", str(orkdal))
    assert result.exit_code == 2
    assert result.output.startswith("Feil: Kommunenavnet inneholder ")
    assert not (orkdal / "teams" / "bodo").exists()


# --- YAML that means something else than it says ------------------------------------------


def test_a_value_cut_by_a_comment_is_a_warning_on_its_line(orkdal: Path) -> None:
    plan = orkdal / "teams" / "hitra" / "fremdriftsplan-1.md"
    edit(plan, "effektmål: Ønsket", "effektmål: Tiltak #1 Ønsket")
    found = [d for d in _check(orkdal) if d["path"] == plan.relative_to(orkdal).as_posix()]
    cut = [d for d in found if d["code"] == "JV111"]
    assert [d["line"] for d in cut] == [line_of(plan, "effektmål:")]
    assert 'effektmål: "Tiltak #1 Ønsket' in str(cut[0]["message"])


@pytest.mark.parametrize(
    ("old", "new", "code", "words"),
    [
        ("status: levert", "status:\u00a0levert", "JV107", "hardt mellomrom (U+00A0"),
        ("status: levert", "status: levert\x01", "JV107", "et kontrolltegn (U+0001)"),
        ("status: levert", "status: lev\u200bert", "JV111", "med null bredde (U+200B)"),
        ("status: levert", "status: levert\x0b", "JV107", "vertikalt tabulatortegn (U+000B"),
    ],
)
def test_invisible_characters_are_named_on_their_line(
    orkdal: Path, old: str, new: str, code: str, words: str
) -> None:
    plan = orkdal / "teams" / "hitra" / "fremdriftsplan-1.md"
    line = line_of(plan, old)
    edit(plan, old, new)
    found = [d for d in _check(orkdal) if d["path"] == "teams/hitra/fremdriftsplan-1.md"]
    named = [d for d in found if d["code"] == code]
    assert [d["line"] for d in named] == [line]
    assert words in str(named[0]["message"])
    assert all("position" not in str(d["message"]) for d in found)


def test_a_duplicate_key_names_both_lines(orkdal: Path) -> None:
    plan = orkdal / "teams" / "hitra" / "fremdriftsplan-1.md"
    first = line_of(plan, "status: levert")
    edit(plan, "status: levert", "status: levert\nstatus: utkast")
    found = _at(_check(orkdal), "teams/hitra/fremdriftsplan-1.md")
    assert found == [("JV108", first + 1, "error")]
    message = next(d for d in _check(orkdal) if d["code"] == "JV108")["message"]
    assert f"på linje {first} og her" in str(message)


def test_names_in_nfd_and_nfc_are_the_same_name(orkdal: Path) -> None:
    team = orkdal / "teams" / "froya" / "team.yaml"
    text = team.read_text(encoding="utf-8")
    team.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert not [d for d in _check(orkdal) if d["code"] == "JV404"]


# --- Markdown that makes Pandoc crawl -----------------------------------------------------


def test_deep_brackets_are_an_error_on_their_line(orkdal: Path) -> None:
    report = orkdal / "teams" / "hitra" / "sluttrapport.md"
    report.write_text(
        report.read_text(encoding="utf-8") + "\n" + "[" * 20 + "x" + "]" * 20 + "\n", "utf-8"
    )
    chapter = orkdal / "rapport" / "02-bakgrunn.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n![[[[[[[[[x]]]]]]]]]\n", "utf-8")
    found = _check(orkdal)
    assert ("JV133", line_of(report, "[[[["), "error") in _at(found, "teams/hitra/sluttrapport.md")
    assert _at(found, "rapport/02-bakgrunn.md") == [("JV133", line_of(chapter, "[[[["), "error")]
    out = orkdal.parent / "rapport.html"
    result = jv("build-report", "--pilot", str(orkdal), "--today", TODAY, "-o", str(out))
    assert result.exit_code == 1 and "rapport/02-bakgrunn.md" in result.output


def test_a_link_in_brackets_is_no_nesting(orkdal: Path) -> None:
    chapter = orkdal / "rapport" / "02-bakgrunn.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8")
        + "\nSe [rapporten [PDF]](https://example.no) og `[[[[[[[[[[` i kode.\n",
        "utf-8",
    )
    assert _at(_check(orkdal), "rapport/02-bakgrunn.md") == []


# --- names and places ----------------------------------------------------------------------


@pytest.mark.parametrize(("args", "words"), [
    (["CON"], "gir mappenavnet «con», som Windows reserverer"),
    (["Lpt1"], "gir mappenavnet «lpt1», som Windows reserverer"),
    (["Frøya 2", "--slug", "aux"], "--slug: «aux» er et navn Windows reserverer"),
])  # fmt: skip
def test_team_names_windows_reserves_are_refused(orkdal: Path, args: list[str], words: str) -> None:
    result = jv("new-team", *args, "--pilot", str(orkdal))
    assert result.exit_code == 2 and words in result.output
    assert sorted(p.name for p in (orkdal / "teams").iterdir() if p.name.lower() in (
        "con", "lpt1", "aux"
    )) == []  # fmt: skip


def test_check_flags_reserved_and_twin_names(orkdal: Path) -> None:
    (orkdal / "teams" / "nul").mkdir()
    (orkdal / "teams" / "nul" / "team.yaml").write_text("kommune: Nul\n", encoding="utf-8")
    (orkdal / "teams" / "hitra" / "aux.md").write_text("x\n", encoding="utf-8")
    (orkdal / "rapport" / "02-bakgrunn.md").rename(orkdal / "rapport" / "02-Bakgrunn.md")
    (orkdal / "rapport" / "02-bakgrunn.md").write_text("# Bakgrunn\n", encoding="utf-8")
    found = {(d["code"], d["path"]) for d in _check(orkdal) if d["code"] in ("JV131", "JV132")}
    assert found == {
        ("JV131", "teams/nul"),
        ("JV131", "teams/hitra/aux.md"),
        ("JV132", "rapport/02-bakgrunn.md"),
    }


def test_init_refuses_a_folder_inside_a_pilot(orkdal: Path) -> None:
    result = jv("init", str(orkdal / "teams" / "ny"), "--name", "Indre", "--no-git")
    assert result.exit_code == 2
    assert f"ligger inne i piloten i {orkdal.resolve()}" in result.output
    assert not (orkdal / "teams" / "ny").exists()


# --- a command killed mid-write ------------------------------------------------------------


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_the_next_run_removes_stale_leftovers_and_only_those(orkdal: Path) -> None:
    hitra = orkdal / "teams" / "hitra"
    stale = hitra / ".jv-tmp-hovedplan.md.abc123.x"
    fresh = hitra / ".jv-tmp-sluttrapport.md.def456.y"
    other = hitra / ".mine-notater"
    staged = orkdal / "teams" / ".jv-tmp-bodo.123456.z"
    for path in (stale, fresh, other):
        path.write_text("halv\n", encoding="utf-8")
    staged.mkdir()
    (staged / "team.yaml").write_text("kommune: Bodø\n", encoding="utf-8")
    for path in (stale, other, staged):
        _age(path, 3600)
    jv("status", "--pilot", str(orkdal), "--today", TODAY)
    assert not stale.exists() and not staged.exists()
    assert fresh.exists() and other.exists()


def test_stale_build_folders_are_removed(orkdal: Path, tmp_path: Path) -> None:
    temp = Path(tempfile.gettempdir())
    stale = temp / "jv-tmp-bygg-testrest"
    stale.mkdir(exist_ok=True)
    (stale / "rapport.md").write_text("x\n", encoding="utf-8")
    _age(stale, 3 * 3600)
    out = tmp_path / "rapport.html"
    result = jv("build-report", "--pilot", str(orkdal), "--today", TODAY, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_new_team_retried_after_a_kill_just_works(orkdal: Path) -> None:
    leftover = orkdal / "teams" / "bodo"
    leftover.mkdir()
    (leftover / ".jv-tmp-team.yaml.abc123.").write_text("kommune: Bo", encoding="utf-8")
    result = jv("new-team", "Bodø", "--pilot", str(orkdal))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in leftover.iterdir()) == ["hovedplan.md", "team.yaml"]
    assert [p.name for p in (orkdal / "teams").iterdir() if p.name.startswith(".jv-")] == []


def test_an_init_retried_after_a_kill_just_works(tmp_path: Path) -> None:
    root = tmp_path / "ny"
    assert jv("init", str(root), "--name", "Ny", "--no-git").exit_code == 0
    (root / "pilot.yaml").unlink()  # killed before the last file: pilot.yaml
    (root / "rapport" / "03-mal.md").unlink()
    result = jv("init", str(root), "--name", "Ny", "--no-git")
    assert result.exit_code == 0, result.output
    assert (root / "pilot.yaml").is_file() and (root / "rapport" / "03-mal.md").is_file()
    (root / "pilot.yaml").unlink()
    (root / "rapport" / "egne-notater.md").write_text("x\n", encoding="utf-8")
    result = jv("init", str(root), "--name", "Ny", "--no-git")
    assert result.exit_code == 2 and "finnes allerede og er ikke tom" in result.output

"""A pilot's templates are untrusted: never read from outside the pilot, rendered with limits,
and every failure a Norwegian message naming the template's path and line, exit 2, nothing
written. `jv check` says the same before `jv scaffold` or `jv new-team` stops on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobbvinner_cli.pipeline import sandbox
from tests.conftest import Run, snapshot

SECRET = "HEMMELIG-SYSTEMFIL-INNHOLD"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "utenfor"
    folder.mkdir()
    (folder / "hemmelig.md.j2").write_text(f"{SECRET}\n", encoding="utf-8")
    (folder / "hovedplan.md.j2").write_text(f"{SECRET} {{{{ team.kommune }}}}\n", "utf-8")
    return folder


def _no_secret_anywhere(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path


@pytest.mark.parametrize("command", ["new-team", "scaffold"])
def test_a_template_linked_out_is_refused_by_name(
    pilot: Path, run: Run, outside: Path, command: str
) -> None:
    (pilot / "templates" / "hovedplan.md.j2").symlink_to(outside / "hemmelig.md.j2")
    before = snapshot(pilot)
    args = ["new-team", "Bodø"] if command == "new-team" else ["scaffold", "hovedplan"]
    result = run(
        *args, *(["--team", "hitra", "--force"] if command == "scaffold" else []), cwd=pilot
    )
    assert result.exit_code == 1
    assert result.output == (
        "Feil: templates/hovedplan.md.j2: Filen er en lenke som peker ut av pilotmappen, og blir "
        "ikke lest. Legg selve filen i piloten.\n"
    )
    assert snapshot(pilot) == before
    _no_secret_anywhere(pilot)


def test_the_templates_folder_linked_out_is_refused(pilot: Path, run: Run, outside: Path) -> None:
    for entry in (pilot / "templates").iterdir():
        entry.unlink()
    (pilot / "templates").rmdir()
    (pilot / "templates").symlink_to(outside)
    before = snapshot(pilot)
    result = run("new-team", "Bodø", cwd=pilot)
    assert result.exit_code == 1
    assert "templates/hovedplan.md.j2: Filen er en lenke som peker ut av pilotmappen" in (
        result.output
    )
    assert snapshot(pilot) == before
    _no_secret_anywhere(pilot)
    result = run("check", "--format", "json", cwd=pilot)
    found = [(d["code"], d["path"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert ("JV121", "templates") in found and result.exit_code == 1


def test_an_include_linked_out_is_refused(pilot: Path, run: Run, outside: Path) -> None:
    (pilot / "templates" / "del.j2").symlink_to(outside / "hemmelig.md.j2")
    (pilot / "templates" / "hovedplan.md.j2").write_text(
        'Tekst\n{% include "del.j2" %}\n', encoding="utf-8"
    )
    result = run("new-team", "Bodø", cwd=pilot)
    assert result.exit_code == 1
    assert "templates/del.j2: Filen er en lenke som peker ut av pilotmappen" in result.output
    assert not (pilot / "teams" / "bodo").exists()
    _no_secret_anywhere(pilot)
    result = run("check", "--format", "json", cwd=pilot)
    found = [(d["code"], d["path"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert ("JV121", "templates/del.j2") in found


def test_a_type_definition_linked_out_stops_every_command_that_uses_types(
    pilot: Path, run: Run, outside: Path
) -> None:
    (pilot / "templates" / "types").mkdir()
    (outside / "hovedplan.yaml").write_text("tittel: Hemmelig\n", encoding="utf-8")
    (pilot / "templates" / "types" / "hovedplan.yaml").symlink_to(outside / "hovedplan.yaml")
    message = (
        "templates/types/hovedplan.yaml: JV601 Dokumenttypen kan ikke brukes: Filen er en "
        "lenke som peker ut av pilotmappen"
    )
    for args in (["types"], ["new-team", "Bodø"], ["scaffold", "hovedplan", "--team", "hitra"]):
        result = run(*args, cwd=pilot)
        assert result.exit_code == 2 and message in result.output, args
    result = run("check", "--format", "json", cwd=pilot)
    assert result.exit_code == 1
    assert "Hemmelig" not in result.stdout


CASES = [
    ("Linje 1\n{% if %}\n", 2, "Malen har en syntaksfeil (Jinja sier: «Expected an expression"),
    ("Linje 1\n{{ team.kommune | stor }}\n", 2, "Malen bruker filteret «stor», som ikke finnes."),
    ("Linje 1\n\n{{ ukjent_verdi }}\n", 3, "Malen bruker verdien «ukjent_verdi», som ikke finnes."),
    ("{{ team.kommmune }}\n", 1, "Malen bruker feltet «kommmune», som ikke finnes."),
    ("\n{% include 'finnes-ikke.j2' %}\n", 2, "Malen tar med «finnes-ikke.j2», som ikke finnes"),
    ("{% for i in range(10**9) %}x{% endfor %}\n", 1, "Malen lager en løkke på 1 000 000 000"),
    (
        "{% macro f(n) %}{{ f(n) }}{% endmacro %}\n\n{{ f(1) }}\n",
        1,
        "Malen kaller seg selv (en makro i en makro …) for mange ganger.",
    ),
    ('{{ "x" * 100000000 }}\n', 1, "Malen lager en verdi på over 1 000 000 tegn"),
    ('{{ "x" | center(1000000000) }}\n', 1, "Malen bruker tallet 1000000000, som er for stort."),
    ('{{ "x".ljust(999999999) }}\n', 1, "Malen bruker tallet 999999999, som er for stort."),
    (
        '{% set ns = namespace(s="x") %}{% for i in range(60) %}'
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n",
        1,
        "Malen lager en verdi på over 1 000 000 tegn",
    ),
    ('{{ ("a" * 100000) | replace("a", "b" * 100) }}\n', 1, "Malen lager en verdi på over"),
    ('{{ ("x\\n" * 1000) | indent(999999) }}\n', 1, "Malen lager en verdi på over"),
    ('{{ ("\\t" * 100000).expandtabs(1000) }}\n', 1, "Malen lager en verdi på over"),
    ("{{ 1 / 0 }}\n", 1, "Malen deler på null."),
    ("{{ ''.__class__ }}\n", 1, "Malen prøver noe som ikke er tillatt i en mal"),
]


@pytest.mark.parametrize(("template", "line", "message"), CASES)
def test_every_template_error_names_the_template_and_line(
    pilot: Path, run: Run, template: str, line: int, message: str
) -> None:
    (pilot / "templates" / "hovedplan.md.j2").write_text(template, encoding="utf-8")
    before = snapshot(pilot)
    result = run("scaffold", "hovedplan", "--team", "hitra", "--force", cwd=pilot)
    assert result.exit_code == 2
    assert result.output.startswith(f"Feil: templates/hovedplan.md.j2:{line}: {message}")
    assert result.output.rstrip().endswith("Ingenting er skrevet.")
    assert snapshot(pilot) == before
    result = run("new-team", "Bodø", cwd=pilot)
    assert result.exit_code == 2 and f"templates/hovedplan.md.j2:{line}: {message}" in (
        result.output
    )
    assert not (pilot / "teams" / "bodo").exists()


def test_a_template_that_writes_too_much_is_stopped(pilot: Path, run: Run) -> None:
    (pilot / "templates" / "hovedplan.md.j2").write_text(
        '{% for i in range(9000) %}{{ "x" * 900 }}{% endfor %}\n', encoding="utf-8"
    )
    result = run("scaffold", "hovedplan", "--team", "hitra", "--force", cwd=pilot)
    assert result.exit_code == 2
    assert result.output.startswith(
        "Feil: templates/hovedplan.md.j2: Malen skriver mer enn 1 000 000 tegn"
    )


def test_a_template_that_runs_too_long_is_stopped(
    pilot: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.2)
    (pilot / "templates" / "hovedplan.md.j2").write_text(
        "Start\n{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}\n",
        encoding="utf-8",
    )
    before = snapshot(pilot)
    result = run("scaffold", "hovedplan", "--team", "hitra", "--force", cwd=pilot)
    assert result.exit_code == 2
    assert result.output.startswith(
        "Feil: templates/hovedplan.md.j2:2: Malen brukte mer enn 0.2 sekunder"
    )
    assert snapshot(pilot) == before


def test_check_names_a_broken_template_before_scaffold_stops_on_it(pilot: Path, run: Run) -> None:
    (pilot / "templates" / "statusrapport.md.j2").write_text(
        "# Status\n\n{{ doc.tittel | stor }}\n", encoding="utf-8"
    )
    result = run("check", "--format", "json", cwd=pilot)
    found = [
        (d["code"], d["path"], d["line"], d["severity"])
        for d in json.loads(result.stdout)["diagnostics"]
        if d["path"].startswith("templates/")
    ]
    assert found == [("JV650", "templates/statusrapport.md.j2", 3, "error")]
    assert result.exit_code == 1
    result = run("scaffold", "statusrapport", "--team", "hitra", cwd=pilot)
    assert result.exit_code == 2
    assert "templates/statusrapport.md.j2:3: Malen bruker filteret «stor»" in result.output

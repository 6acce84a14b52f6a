"""What `jv` imports before it does any work: start-up time is measured (benchmarks/), and
these are the imports that made it slow. No timing here, only which modules get loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.clikit import EXAMPLE

_PROBE = """
import contextlib, io, json, sys
sys.argv = ["jv", *json.loads(sys.argv[1])]
from jobbvinner_cli.cli.app import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(list(args))],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def _top(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["build-report", "--help"]])
def test_help_loads_neither_pydantic_nor_rich_nor_yaml(args: list[str]) -> None:
    loaded = _top(_loaded(*args))
    assert not loaded & {"pydantic", "rich", "yaml", "holidays", "pyromark"}


def test_a_check_for_json_loads_no_rich_no_workers_and_no_holidays_for_one_file() -> None:
    loaded = _loaded(
        "check",
        "--today",
        "2019-12-31",
        "--format",
        "json",
        str(EXAMPLE / "teams/rindal/hovedplan.md"),
    )
    assert "jobbvinner_cli.check.engine" in loaded  # the check did run
    # phonenumbers: the document's only runs of digits are dates
    assert not _top(loaded) & {"rich", "holidays", "slugify", "phonenumbers"}
    assert not loaded & {"multiprocessing", "concurrent.futures"}


def test_a_build_whose_output_is_not_a_terminal_does_without_rich(tmp_path: Path) -> None:
    out = tmp_path / "rapport.docx"
    loaded = _loaded(
        "build-report", "--pilot", str(EXAMPLE), "--today", "2019-12-31", "-o", str(out)
    )
    assert out.is_file()  # the build did run
    assert "rich" not in _top(loaded)


def test_the_plain_message_is_the_text_rich_writes_in_a_pipe(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    args = ["build-report", "--pilot", str(EXAMPLE), "--today", "2019-12-31", "-o", str(out)]
    plain = subprocess.run([sys.executable, "-m", "jobbvinner_cli", *args], capture_output=True)
    forced = subprocess.run(
        [sys.executable, "-m", "jobbvinner_cli", *args],
        capture_output=True,
        env={**os.environ, "TTY_COMPATIBLE": "1", "NO_COLOR": "1"},
    )
    assert plain.stdout.decode().endswith(f"Skrev {out}\n")
    assert forced.stdout == plain.stdout  # Rich, told it is a terminal without colours


def test_a_build_of_a_pilot_without_a_register_does_without_its_models(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    assert not (EXAMPLE / "tiltaksplan.yaml").exists()
    loaded = _loaded(
        "build-report", "--pilot", str(EXAMPLE), "--today", "2019-12-31", "-o", str(out)
    )
    assert out.is_file()  # the build did run
    assert "jobbvinner_cli.model.register" not in loaded


def test_the_entry_point_runs_the_command_with_the_collector_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The collector is paused only while Typer and the commands' modules are imported."""
    import gc
    import importlib

    from jobbvinner_cli import launch

    app = importlib.import_module("jobbvinner_cli.cli.app")  # the module, not the Typer app
    seen: list[bool] = []
    monkeypatch.setattr(app, "main", lambda: seen.append(gc.isenabled()))
    try:
        launch.main()
    finally:
        gc.unfreeze()
    assert seen == [True]
    assert gc.isenabled()

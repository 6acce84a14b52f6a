"""The final report's table headings come from the template variant, or from pilot.yaml:
Østfold's per-team table says «Hovedmål» where Orkdal's says «Effektmål (fra hovedplanen)»."""

from __future__ import annotations

import json
from pathlib import Path

from tests.behaviour.reportkit import build, read_html
from tests.clikit import edit, jv

RESULTS = "Effektmål, tiltak og resultater per team"


def headers(example: Path, tmp_path: Path, *args: str, caption: str = RESULTS) -> list[str]:
    page = read_html(build(example, tmp_path / "rapport.html", *args))
    return page.table(caption).header


def test_the_ostfold_variant_heads_the_results_table_hovedmal(
    example: Path, tmp_path: Path
) -> None:
    # the example's documents follow Orkdal's templates: only a draft builds
    edit(example / "pilot.yaml", "malvariant: orkdal", "malvariant: ostfold")
    # the caption says it too
    caption = "Hovedmål, tiltak og resultater per team"
    assert headers(example, tmp_path, "--draft", caption=caption) == [
        "Kommune",
        "Hovedmål",
        "Tiltak",
        "Resultater",
    ]


def test_pilot_yaml_names_the_headings(example: Path, tmp_path: Path) -> None:
    edit(
        example / "pilot.yaml",
        "overskrifter: {}",
        "overskrifter:\n  effektmål: Teamets mål\n  resultater: Oppnådd",
    )
    caption = "Teamets mål, tiltak og resultater per team"
    assert headers(example, tmp_path, caption=caption) == [
        "Kommune",
        "Teamets mål",
        "Tiltak",
        "Oppnådd",
    ]


def test_an_unknown_heading_is_named(example: Path) -> None:
    edit(example / "pilot.yaml", "overskrifter: {}", "overskrifter:\n  effektmaal: Hovedmål")
    result = jv("check", "--pilot", str(example), "--format", "json")
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "JV604"]
    assert [(d["path"], d["message"]) for d in found] == [
        (
            "pilot.yaml",
            "overskrifter: «effektmaal» er ikke en overskrift i rapporten. Mente du «effektmål»? "
            "Kjente: effektmål, tiltak, resultater, videre-oppgaver.",
        )
    ]

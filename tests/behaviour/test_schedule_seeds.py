"""Fresh pilots made with `jv init` get the seeds' documents and due dates from the defaults.

Orkdal (seeds/000): gatherings 10.11.2017, 27.02.2018, 14.06.2018, 13.–14.11.2018,
27.02.2019, 04.06.2019; hovedplan due 01.12.2017, fremdriftsplan 2 21.03.2018,
statusrapport 2 04.06.2018, sluttrapport 24.05.2019; four statusrapporter, the
sluttrapport replacing the fifth. Østfold (seeds/002): statusrapporter before four of
the six gatherings, the sluttrapport after the last one, its own section titles.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clikit import jv

ORKDAL = ["2017-11-10", "2018-02-27", "2018-06-14", "2018-11-13..2018-11-14", "2019-02-27"]
ORKDAL += ["2019-06-04"]
# Østfold's months (April 2018 … February 2020), on Thursdays
OSTFOLD = ["2018-04-19", "2018-09-20", "2019-02-14", "2019-06-13", "2019-10-17", "2020-02-13"]


def init(root: Path, dates: list[str], variant: str) -> Path:
    args = ["init", str(root), "--name", "Jobbvinner Test", "--no-git", "--malvariant", variant]
    for day in dates:
        args += ["--samling", day]
    result = jv(*args)
    assert result.exit_code == 0, result.output
    return root


def due_lines(root: Path, *extra: str) -> list[str]:
    """The document lines of `jv types`: «Statusrapport 2: 2.–3. samling, frist …»."""
    result = jv("types", "--pilot", str(root), *extra)
    assert result.exit_code == 0, result.output
    return [
        line.strip()
        for line in result.stdout.splitlines()
        if line.startswith("    ")
        and not line.startswith("    ##")
        and ": " in line
        and "samling:" not in line
        and not line.strip().startswith("Perioder")
    ]


def sections(root: Path, name: str) -> list[str]:
    result = jv("types", "--pilot", str(root))
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{name} – "))
    found = []
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        if line.startswith("    ## "):
            found.append(line.removeprefix("    ## "))
    return found


def test_a_fresh_orkdal_pilot_has_the_seeds_documents_and_due_dates(tmp_path: Path) -> None:
    root = init(tmp_path / "orkdal", ORKDAL, "orkdal")
    assert due_lines(root) == [
        "Hovedplan: 1.–6. samling, frist 1. desember 2017",
        "Fremdriftsplan 1: 1.–2. samling, frist 1. desember 2017",
        "Fremdriftsplan 2: 2.–3. samling, frist 21. mars 2018",
        "Fremdriftsplan 3: 3.–4. samling, frist 6. juli 2018",
        "Fremdriftsplan 4: 4.–5. samling, frist 6. desember 2018",
        "Fremdriftsplan 5: 5.–6. samling, frist 21. mars 2019",
        "Statusrapport 1: 1.–2. samling, frist 16. februar 2018",
        "Statusrapport 2: 2.–3. samling, frist 4. juni 2018",
        "Statusrapport 3: 3.–4. samling, frist 2. november 2018",
        "Statusrapport 4: 4.–5. samling, frist 15. februar 2019",
        "Statusrapport 5: ikke i planen: Statusrapport 5 skulle dekke perioden frem til siste "
        "samling, og der erstattes den av sluttrapporten",
        "Sluttrapport: 1.–6. samling, frist 24. mai 2019",
        "Prosjektplan: 1.–6. samling, frist 10. november 2017",
    ]
    # the default schedule makes no warnings of its own (no due date on a day off); the
    # report chapters still holding their prompts are another matter (JV95x)
    result = jv("check", "--pilot", str(root), "--format", "json", "--today", "2019-12-31")
    assert result.exit_code == 0, result.output
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert [
        d for d in diagnostics if d["severity"] != "info" and not d["code"].startswith("JV95")
    ] == []


def test_the_orkdal_statusrapport_5_cannot_be_scaffolded(tmp_path: Path) -> None:
    root = init(tmp_path / "orkdal", ORKDAL, "orkdal")
    assert jv("new-team", "Hitra", "--pilot", str(root)).exit_code == 0
    result = jv("scaffold", "statusrapport", "--team", "hitra", "--nr", "5", "--pilot", str(root))
    assert result.exit_code == 2
    assert (
        "Statusrapport 5 skulle dekke perioden frem til siste samling, og der erstattes den "
        "av sluttrapporten." in " ".join(result.output.split())
    )


def test_a_fresh_ostfold_pilot_follows_the_ostfold_seed(tmp_path: Path) -> None:
    root = init(tmp_path / "ostfold", OSTFOLD, "ostfold")
    lines = due_lines(root)
    assert [line for line in lines if line.startswith(("Statusrapport", "Sluttrapport"))] == [
        "Statusrapport 1: 1.–2. samling, frist 10. september 2018",
        "Statusrapport 2: 2.–3. samling, frist 4. februar 2019",
        "Statusrapport 3: 3.–4. samling, frist 3. juni 2019",
        "Statusrapport 4: 4.–5. samling, frist 7. oktober 2019",
        "Statusrapport 5: ikke i planen: Statusrapport 5 skulle dekke perioden frem til siste "
        "samling, og der erstattes den av sluttrapporten",
        # «etter endt gjennomføring»: three weeks after the last gathering
        "Sluttrapport: 1.–6. samling, frist 5. mars 2020",
    ]
    assert len([line for line in lines if line.startswith("Fremdriftsplan")]) == 5
    assert sections(root, "statusrapport") == [
        "1. Korrigeringer fra forrige statusrapport når det gjelder resultatmål og tiltak",
        "2. Kunnskaper fra forrige samling",
        "3. Resultatmål for perioden",
        "4. Tiltak",
        "5. Resultater",
        "6. Henvendelse til referansegruppa",
        "7. Ny kunnskap i teamet",
    ]
    assert sections(root, "prosjektplan") == [
        "1. Mål og rammer",
        "2. Prosjektorganisasjon",
        "3. Prosjektoppfølging",
        "4. Risikovurdering",
        "5. Gjennomføring",
        "6. Hovedaktiviteter",
        "7. Økonomi",
    ]


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (
            ["2019-10-15", "2020-01-21", "2020-10-20"],
            [
                "Statusrapport 1: 1.–2. samling, frist 10. januar 2020",
                "Statusrapport 2: ikke i planen: Statusrapport 2 skulle dekke perioden frem til "
                "siste samling, og der erstattes den av sluttrapporten",
                "Sluttrapport: 1.–3. samling, frist 9. oktober 2020",
            ],
        ),
        (
            ["2019-10-15", "2020-01-21", "2020-06-11", "2020-10-20"],
            [
                "Statusrapport 1: 1.–2. samling, frist 10. januar 2020",
                # 1 June 2020 is Whit Monday: the Friday before
                "Statusrapport 2: 2.–3. samling, frist 29. mai 2020",
                "Statusrapport 3: ikke i planen: Statusrapport 3 skulle dekke perioden frem til "
                "siste samling, og der erstattes den av sluttrapporten",
                "Sluttrapport: 1.–4. samling, frist 9. oktober 2020",
            ],
        ),
    ],
)
def test_a_short_pilot_never_has_two_reports_for_one_period(
    tmp_path: Path, dates: list[str], expected: list[str]
) -> None:
    root = init(tmp_path / "salten", dates, "orkdal")
    lines = due_lines(root)
    assert [line for line in lines if line.startswith(("Statusrapport", "Sluttrapport"))] == (
        expected
    )


def test_the_weekend_rule_is_configurable(tmp_path: Path) -> None:
    root = init(tmp_path / "orkdal", ORKDAL, "orkdal")
    pilot_yaml = root / "pilot.yaml"
    text = pilot_yaml.read_text(encoding="utf-8")
    pilot_yaml.write_text(text.replace("fridag: forrige", "fridag: neste"), encoding="utf-8")
    assert "Statusrapport 1: 1.–2. samling, frist 19. februar 2018" in due_lines(root)
    pilot_yaml.write_text(text.replace("fridag: forrige", "fridag: behold"), encoding="utf-8")
    assert "Statusrapport 1: 1.–2. samling, frist 17. februar 2018" in due_lines(root)
    result = jv("check", "--pilot", str(root), "--format", "json", "--today", "2019-12-31")
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert codes.count("JV407") == 4  # fremdriftsplan 1 and statusrapport 1, 3 and 4


def test_a_cancelled_gathering_in_a_six_gathering_pilot(tmp_path: Path) -> None:
    root = init(tmp_path / "orkdal", ORKDAL, "orkdal")
    pilot_yaml = root / "pilot.yaml"
    text = pilot_yaml.read_text(encoding="utf-8")
    held = '    dato: 2018-06-14\n    sted: ""\n    vertskommune: ""\n    tema: ""\n    innledere: []\n    status: gjennomført\n'
    assert held in text
    pilot_yaml.write_text(
        text.replace(held, held.replace("status: gjennomført", "status: avlyst")),
        encoding="utf-8",
    )
    lines = due_lines(root)
    assert [line for line in lines if line.startswith(("Fremdriftsplan", "Statusrapport"))] == [
        "Fremdriftsplan 1: 1.–2. samling, frist 1. desember 2017",
        "Fremdriftsplan 2: 2.–4. samling, frist 21. mars 2018",
        "Fremdriftsplan 3: ikke i planen: Fremdriftsplan 3 skulle gjelde fra samling 3, men "
        "samling 3 er avlyst",
        "Fremdriftsplan 4: 4.–5. samling, frist 6. desember 2018",
        "Fremdriftsplan 5: 5.–6. samling, frist 21. mars 2019",
        "Statusrapport 1: 1.–2. samling, frist 16. februar 2018",
        # ten days before the next gathering that takes place, not the cancelled one
        "Statusrapport 2: 2.–4. samling, frist 2. november 2018",
        "Statusrapport 3: ikke i planen: Statusrapport 3 skulle gjelde fra samling 3, men "
        "samling 3 er avlyst",
        "Statusrapport 4: 4.–5. samling, frist 15. februar 2019",
        "Statusrapport 5: ikke i planen: Statusrapport 5 skulle dekke perioden frem til siste "
        "samling, og der erstattes den av sluttrapporten",
    ]
    result = jv("types", "--pilot", str(root))
    assert "    Perioder: 1.–2., 2.–4., 4.–5., 5.–6." in result.stdout.splitlines()
    assert jv("new-team", "Hitra", "--pilot", str(root)).exit_code == 0
    status = jv("status", "--pilot", str(root), "--format", "csv", "--today", "2019-12-31")
    # Norwegian Excel's CSV: a BOM, then «;» between the columns
    header = status.stdout.removeprefix("\ufeff").splitlines()[0].split(";")
    assert [h for h in header if h.startswith("timer")] == [
        "timer periode 1",
        "timer periode 2",
        "timer periode 4",
        "timer periode 5",
    ]

"""`jv types`: each document type with its variant, page limit, due dates and sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.clikit import edit, jv


@dataclass
class TypeInfo:
    header: str  # «Hovedplan (orkdal, maks 3 sider)»
    due: list[str] = field(
        default_factory=list
    )  # «Hovedplan: 1.–6. samling, frist 1. desember 2017»
    sections: list[str] = field(default_factory=list)  # «1. Beskriv kommunen»


def types(pilot: Path, *extra: str) -> dict[str, TypeInfo]:
    """The types part of `jv types` (after the gatherings, and the team with --team)."""
    result = jv("types", "--pilot", str(pilot), *extra)
    assert result.exit_code == 0, result.output
    found: dict[str, TypeInfo] = {}
    current: TypeInfo | None = None
    lines = result.stdout.splitlines()
    assert lines[0] == "Samlinger"
    while lines and not re.fullmatch(r"(\S+) – (.+)", lines[0]):
        lines.pop(0)
    for line in lines:
        if match := re.fullmatch(r"(\S+) – (.+)", line):
            current = found[match.group(1)] = TypeInfo(match.group(2))
        elif current is not None and line.startswith("    ## "):
            current.sections.append(line.removeprefix("    ## "))
        elif current is not None and line.startswith("    "):
            current.due.append(line.strip())
        else:
            raise AssertionError(f"unexpected line {line!r}")
    return found


ORKDAL_STATUS_SECTIONS = [
    "1. Korrigeringer fra forrige statusrapport når det gjelder resultatmål og tiltak",
    "2. Resultatmål og tiltak for perioden",
    "3. Kunnskaper fra forrige samling",
    "4. Kommunens bemannings- og kompetanseplan",
    "5. Tiltak",
    "6. Resultater",
    "7. Henvendelse fra prosjektgruppa eller referansegruppa",
    "8. Ny kunnskap i teamet",
]


def test_the_example_pilots_types(example: Path) -> None:
    found = types(example)
    assert {name: t.header for name, t in found.items()} == {
        "hovedplan": "Hovedplan (orkdal, maks 3 sider)",
        "fremdriftsplan": "Fremdriftsplan (orkdal, ingen sidegrense)",
        "statusrapport": "Statusrapport (orkdal, maks 2 sider)",
        "sluttrapport": "Sluttrapport (orkdal, maks 3 sider)",
        "prosjektplan": "Prosjektplan (orkdal, ingen sidegrense)",
    }
    assert {name: t.due for name, t in found.items()} == {
        # the seed's dates, from jv's default rules alone
        "hovedplan": ["Hovedplan: 1.–6. samling, frist 1. desember 2017"],
        "fremdriftsplan": [
            # 22 days after the gathering; 2 December 2017 is a Saturday: the Friday before
            "Fremdriftsplan 1: 1.–2. samling, frist 1. desember 2017",
            "Fremdriftsplan 2: 2.–3. samling, frist 21. mars 2018",
            "Fremdriftsplan 3: 3.–4. samling, frist 6. juli 2018",
            "Fremdriftsplan 4: 4.–5. samling, frist 6. desember 2018",  # after the 2nd day
            "Fremdriftsplan 5: 5.–6. samling, frist 21. mars 2019",
        ],
        "statusrapport": [  # ten days before the next gathering, or the workday before
            "Statusrapport 1: 1.–2. samling, frist 16. februar 2018",
            "Statusrapport 2: 2.–3. samling, frist 4. juni 2018",
            "Statusrapport 3: 3.–4. samling, frist 2. november 2018",
            "Statusrapport 4: 4.–5. samling, frist 15. februar 2019",
            "Statusrapport 5: ikke i planen: Statusrapport 5 skulle dekke perioden frem til "
            "siste samling, og der erstattes den av sluttrapporten",
        ],
        "sluttrapport": ["Sluttrapport: 1.–6. samling, frist 24. mai 2019"],
        "prosjektplan": ["Prosjektplan: 1.–6. samling, frist 10. november 2017"],
    }
    assert found["hovedplan"].sections == [
        "1. Beskriv kommunen",
        "2. Kommunens største utfordringer når det gjelder bemanningen av helsefagarbeidere "
        "og sykepleiere",
        "3. Effektmål",
        "4. Tiltak",
        "5. Evaluering",
    ]
    assert found["fremdriftsplan"].sections == [
        "Dato, tid og sted for første arbeidsmøte i egen kommune",
        "Delmål, tiltak og ansvarlig",
    ]
    assert found["statusrapport"].sections == ORKDAL_STATUS_SECTIONS
    assert len(found["sluttrapport"].sections) == 8
    assert found["sluttrapport"].sections[2] == "3. Tiltak gjennomført i hele perioden"


def test_pilot_yaml_changes_the_numbers_deadlines_and_variants(example: Path) -> None:
    pilot_yaml = example / "pilot.yaml"
    edit(pilot_yaml, "antall: {}", "antall:\n  statusrapport: 5")
    edit(pilot_yaml, "  unntak: {}", "  unntak:\n    fremdriftsplan-2: 2018-03-23")
    edit(pilot_yaml, "  regler: {}", '  regler:\n    sluttrapport: {samling: "siste", dager: -14}')
    edit(pilot_yaml, "maler: {}", "maler:\n  hovedplan: ostfold\n  statusrapport: ostfold")
    found = types(example)
    # a Saturday, moved to the Friday before
    assert found["statusrapport"].due[-1] == "Statusrapport 5: 5.–6. samling, frist 24. mai 2019"
    assert len(found["statusrapport"].due) == 5
    assert found["fremdriftsplan"].due[1] == (
        "Fremdriftsplan 2: 2.–3. samling, frist 23. mars 2018 (frister.unntak)"
    )
    assert found["sluttrapport"].due == ["Sluttrapport: 1.–6. samling, frist 21. mai 2019"]
    assert found["hovedplan"].header == "Hovedplan (ostfold, maks 3 sider)"
    assert found["hovedplan"].sections[1] == "2. Kommunens egen kompetanse- og rekrutteringsplan"
    assert found["statusrapport"].header == "Statusrapport (ostfold, maks 2 sider)"
    assert len(found["statusrapport"].sections) == 7
    assert found["fremdriftsplan"].header == "Fremdriftsplan (orkdal, ingen sidegrense)"


def add_referat(example: Path, pages: int) -> None:
    folder = example / "templates" / "types"
    folder.mkdir()
    (folder / "referat.yaml").write_text(
        "tittel: Referat\n"
        "omfang: team\n"
        "nummerert: true\n"
        f"maks_sider: {pages}\n"
        'periode: {fra: "N", til: "N+1"}\n'
        'frist: {samling: "N", dager: 7}\n'
        "varianter:\n"
        "  orkdal:\n"
        "    seksjoner:\n"
        "      - tittel: Hvem var til stede\n"
        "      - tittel: Hva ble bestemt\n",
        encoding="utf-8",
    )


def test_a_type_the_pilot_adds(example: Path) -> None:
    add_referat(example, 4)
    found = types(example)
    referat = found["referat"]
    assert referat.header == "Referat (orkdal, maks 4 sider)"
    assert referat.due[0] == "Referat 1: 1.–2. samling, frist 17. november 2017"
    assert (
        referat.due[3] == "Referat 4: 4.–5. samling, frist 21. november 2018"
    )  # 7 days after the 2nd day
    assert referat.sections == ["1. Hvem var til stede", "2. Hva ble bestemt"]
    assert found["statusrapport"].sections == ORKDAL_STATUS_SECTIONS


def test_one_page_is_singular(example: Path) -> None:
    add_referat(example, 1)
    assert types(example)["referat"].header == "Referat (orkdal, maks 1 side)"

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import Run, snapshot

# The section headings of the seeds' templates (Orkdal report, appendices 3-6;
# Østfold report, «Mal Hovedplan» and «Mal Statusrapport»).
ORKDAL_HOVEDPLAN = [
    "1. Beskriv kommunen",
    "2. Kommunens største utfordringer når det gjelder bemanningen av helsefagarbeidere og sykepleiere",
    "3. Effektmål",
    "4. Tiltak",
    "5. Evaluering",
]
OSTFOLD_HOVEDPLAN = [
    "1. Beskriv kommunen",
    "2. Kommunens egen kompetanse- og rekrutteringsplan",
    "3. Kommunens største utfordringer når det gjelder bemanningen av helsefagarbeidere og sykepleiere",
    "4. Effektmål",
    "5. Tiltak",
    "6. Evaluering",
]
ORKDAL_STATUSRAPPORT = [
    "1. Korrigeringer fra forrige statusrapport når det gjelder resultatmål og tiltak",
    "2. Resultatmål og tiltak for perioden",
    "3. Kunnskaper fra forrige samling",
    "4. Kommunens bemannings- og kompetanseplan",
    "5. Tiltak",
    "6. Resultater",
    "7. Henvendelse fra prosjektgruppa eller referansegruppa",
    "8. Ny kunnskap i teamet",
]
SLUTTRAPPORT = [
    "1. Kommunens største utfordringer slik de ble beskrevet i hovedplanen",
    "2. Effektmålet og resultatmålene underveis",
    "3. Tiltak gjennomført i hele perioden",
    "4. Nådd ønsket situasjon, eller kommet nærmere?",
    "5. Resultater av tiltakene",
    "6. Hvordan teamet har målt resultatene",
    "7. Ny kunnskap",
    "8. Hvordan jobbe videre etter utviklingsverkstedet",
]


def front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def headings(path: Path) -> list[str]:
    return re.findall(r"^## (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)


def use_variant(pilot: Path, variant: str) -> None:
    path = pilot / "pilot.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("malvariant: orkdal", f"malvariant: {variant}"),
        encoding="utf-8",
    )


def test_hovedplan_follows_the_orkdal_template(pilot: Path) -> None:
    path = pilot / "teams" / "froya" / "hovedplan.md"
    assert headings(path) == ORKDAL_HOVEDPLAN
    meta = front(path)
    assert meta["type"] == "hovedplan"
    assert meta["team"] == "froya"
    assert meta["kommune"] == "Frøya"
    assert meta["gruppeleder"] == "Ola Hansen"
    assert str(meta["frist"]) == "2017-12-01"  # three weeks after gathering 1, as in the seed
    assert meta["sendes_til"] == "Kari Nordmann (kari@example.no)"
    assert meta["status"] == "utkast"
    text = path.read_text(encoding="utf-8")
    assert "innen 1. desember 2017" in text
    assert "> **Veiledning:**" in text


def test_ostfold_variant_adds_the_competence_plan(pilot: Path, run: Run) -> None:
    use_variant(pilot, "ostfold")
    assert run("new-team", "Sarpsborg", cwd=pilot).exit_code == 0
    assert headings(pilot / "teams" / "sarpsborg" / "hovedplan.md") == OSTFOLD_HOVEDPLAN
    assert run("scaffold", "statusrapport", "--team", "sarpsborg", cwd=pilot).exit_code == 0
    ostfold = headings(pilot / "teams" / "sarpsborg" / "statusrapport-1.md")
    assert len(ostfold) == 7
    assert not any("bemannings- og kompetanseplan" in h for h in ostfold)


def test_statusrapport_has_eight_sections_and_seed_dates(pilot: Path, run: Run) -> None:
    result = run("scaffold", "statusrapport", "--team", "froya", "--nr", "2", cwd=pilot)
    assert result.exit_code == 0, result.output
    path = pilot / "teams" / "froya" / "statusrapport-2.md"
    assert headings(path) == ORKDAL_STATUSRAPPORT
    meta = front(path)
    assert str(meta["periode"]["fra"]) == "2018-02-27"
    assert str(meta["periode"]["til"]) == "2018-06-14"
    assert str(meta["frist"]) == "2018-06-04"  # ten days before gathering 3, as in the seed


def test_sluttrapport_sections_and_due_date(pilot: Path, run: Run) -> None:
    assert run("scaffold", "sluttrapport", "--team", "hitra", cwd=pilot).exit_code == 0
    path = pilot / "teams" / "hitra" / "sluttrapport.md"
    assert headings(path) == SLUTTRAPPORT
    assert str(front(path)["frist"]) == "2019-05-24"


def test_fremdriftsplan_takes_the_next_number_and_its_months(pilot: Path, run: Run) -> None:
    assert run("scaffold", "fremdriftsplan", "--team", "froya", cwd=pilot).exit_code == 0
    result = run("scaffold", "fremdriftsplan", "--team", "froya", cwd=pilot)
    assert result.exit_code == 0
    assert "fremdriftsplan-2.md" in result.output
    path = pilot / "teams" / "froya" / "fremdriftsplan-2.md"
    meta = front(path)
    assert meta["nr"] == 2
    assert (str(meta["periode"]["fra"]), str(meta["periode"]["til"])) == (
        "2018-02-27",
        "2018-06-14",
    )
    text = path.read_text(encoding="utf-8")
    assert "| Delmål | Tiltak | Ansvarlig | Mars | April | Mai | Juni |" in text
    assert headings(path) == [
        "Dato, tid og sted for første arbeidsmøte i egen kommune",
        "Delmål, tiltak og ansvarlig",
    ]
    # Fremdriftsplan 4 starts at the two-day gathering 13.-14.11.2018 and is due 21 days after it ends.
    assert (
        run("scaffold", "fremdriftsplan", "--team", "froya", "--nr", "4", cwd=pilot).exit_code == 0
    )
    meta4 = front(pilot / "teams" / "froya" / "fremdriftsplan-4.md")
    assert str(meta4["frist"]) == "2018-12-06"
    assert "| November | Desember | Januar | Februar |" in (
        pilot / "teams" / "froya" / "fremdriftsplan-4.md"
    ).read_text(encoding="utf-8")


def test_per_document_and_per_team_deadline_overrides(pilot: Path, run: Run) -> None:
    path = pilot / "pilot.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  unntak: {}", "  unntak:\n    fremdriftsplan-2: 2018-03-21"
        ),
        encoding="utf-8",
    )
    team = pilot / "teams" / "hitra" / "team.yaml"
    team.write_text(
        team.read_text(encoding="utf-8").replace(
            "frister: {}", "frister:\n  fremdriftsplan-2: 2018-04-01"
        ),
        encoding="utf-8",
    )
    run("scaffold", "fremdriftsplan", "--team", "froya", "--nr", "2", cwd=pilot)
    run("scaffold", "fremdriftsplan", "--team", "hitra", "--nr", "2", cwd=pilot)
    assert str(front(pilot / "teams" / "froya" / "fremdriftsplan-2.md")["frist"]) == "2018-03-21"
    assert str(front(pilot / "teams" / "hitra" / "fremdriftsplan-2.md")["frist"]) == "2018-04-01"


def test_effect_goal_is_carried_from_the_hovedplan(pilot: Path, run: Run) -> None:
    path = pilot / "teams" / "froya" / "hovedplan.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'effektmål: ""', 'effektmål: "Faglig forsvarlige tjenester: uten bruk av vikarbyrå"'
        ),
        encoding="utf-8",
    )
    assert run("scaffold", "statusrapport", "--team", "froya", cwd=pilot).exit_code == 0
    meta = front(pilot / "teams" / "froya" / "statusrapport-1.md")
    assert meta["effektmål"] == "Faglig forsvarlige tjenester: uten bruk av vikarbyrå"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fremdriftsplan", "--team", "froya", "--nr", "6"], "Fremdriftsplan 6 finnes ikke"),
        (["statusrapport", "--team", "froya", "--nr", "9"], "Statusrapport 9 finnes ikke"),
        (["hovedplan", "--team", "froya", "--nr", "2"], "har ikke nummer"),
        (["fremdriftsplan"], "Oppgi teamet med --team"),
        (["fremdriftsplan", "--team", "../froya"], "ikke et gyldig teamnavn"),
        (["fremdriftsplan", "--team", "nope"], "Fant ikke teamet «nope»"),
        (["rundskriv", "--team", "froya"], "Ukjent dokumenttype «rundskriv»"),
        (["prosjektplan", "--team", "froya"], "gjelder hele piloten"),
    ],
)
def test_refusals_leave_everything_as_it_was(
    pilot: Path, run: Run, args: list[str], message: str
) -> None:
    before = snapshot(pilot.parent)
    result = run("scaffold", *args, cwd=pilot)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert snapshot(pilot.parent) == before


def test_existing_document_is_not_overwritten_without_force(pilot: Path, run: Run) -> None:
    path = pilot / "teams" / "froya" / "hovedplan.md"
    path.write_text("Vårt arbeid\n", encoding="utf-8")
    before = snapshot(pilot)
    result = run("scaffold", "hovedplan", "--team", "froya", cwd=pilot)
    assert result.exit_code == 1
    assert "teams/froya/hovedplan.md: Dokumentet finnes allerede" in result.output
    assert snapshot(pilot) == before
    assert run("scaffold", "hovedplan", "--team", "froya", "--force", cwd=pilot).exit_code == 0
    assert headings(path) == ORKDAL_HOVEDPLAN


def test_all_numbers_taken_is_explained(pilot: Path, run: Run) -> None:
    for _ in range(5):
        assert run("scaffold", "fremdriftsplan", "--team", "froya", cwd=pilot).exit_code == 0
    result = run("scaffold", "fremdriftsplan", "--team", "froya", cwd=pilot)
    assert result.exit_code == 2
    assert "Alle 5 fremdriftsplanene finnes allerede" in result.output


def test_pilot_can_override_a_template_and_add_a_type(pilot: Path, run: Run) -> None:
    templates = pilot / "templates"
    (templates / "hovedplan.md.j2").write_text(
        "---\ntype: hovedplan\nteam: {{ team.slug }}\n---\n\n# Egen mal for {{ team.kommune }}\n",
        encoding="utf-8",
    )
    (templates / "types").mkdir()
    (templates / "types" / "midtveisrapport.yaml").write_text(
        "tittel: Midtveisrapport\nperiode: {fra: '1', til: '3'}\nfrist: {samling: '3', dager: -7}\n"
        "varianter:\n  orkdal:\n    seksjoner:\n      - tittel: Hvor står vi?\n",
        encoding="utf-8",
    )
    assert run("scaffold", "hovedplan", "--team", "hitra", "--force", cwd=pilot).exit_code == 0
    assert "# Egen mal for Hitra" in (pilot / "teams" / "hitra" / "hovedplan.md").read_text(
        encoding="utf-8"
    )
    assert run("scaffold", "midtveisrapport", "--team", "hitra", cwd=pilot).exit_code == 0
    path = pilot / "teams" / "hitra" / "midtveisrapport.md"
    assert headings(path) == ["1. Hvor står vi?"]
    assert str(front(path)["frist"]) == "2018-06-07"


def test_templates_run_in_a_sandbox(pilot: Path, run: Run) -> None:
    (pilot / "templates" / "hovedplan.md.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    before = snapshot(pilot)
    result = run("scaffold", "hovedplan", "--team", "hitra", "--force", cwd=pilot)
    assert result.exit_code == 2
    assert "templates/hovedplan.md.j2:1: Malen prøver noe som ikke er tillatt" in result.output
    assert snapshot(pilot) == before


def test_undefined_template_variables_are_errors(pilot: Path, run: Run) -> None:
    (pilot / "templates" / "hovedplan.md.j2").write_text("{{ team.kommmune }}\n", encoding="utf-8")
    result = run("scaffold", "hovedplan", "--team", "hitra", "--force", cwd=pilot)
    assert result.exit_code == 2
    assert (
        "templates/hovedplan.md.j2:1: Malen bruker feltet «kommmune», som ikke finnes."
        in result.output
    )


def test_prosjektplan_is_a_pilot_document(pilot: Path, run: Run) -> None:
    assert run("scaffold", "prosjektplan", cwd=pilot).exit_code == 0
    assert headings(pilot / "prosjektplan.md") == [
        "1. Mål og rammer",
        "2. Prosjektorganisasjon",
        "3. Prosjektoppfølging",
        "4. Risikovurdering",
        "5. Økonomi",
        "6. Gjennomføring",
    ]

"""The chapters of a pilot's final report and where the generated parts go."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    numbered: bool
    guidance: str
    parts: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        return f"{CHAPTERS.index(self):02d}-{self.key}.md"


# Generated from the repository by `jv build-report`; a chapter holds a part where
# the line «<!-- jv:NAME -->» stands, else the part goes at the end of its default chapter.
PART_TITLES = {
    "organisasjon": "styringsgruppa og prosjektgruppa (tabeller fra pilot.yaml)",
    "samlinger": "samlingene (tabell fra pilot.yaml)",
    "deltakere": "teamene som fullførte og teamene som trakk seg (fra teams/)",
    "timer": "timer brukt mellom samlingene (figur og tabell fra rapportene)",
    "resultater": "resultattabellen: effektmål, tiltak og resultater per team (fra sluttrapportene)",
    "videre-oppgaver": "videre oppgaver per team (fra sluttrapportenes siste punkt)",
    "oppmote": "oppmøtet per team og samling (fra oppmote/)",
    "evaluering": "evalueringene: per spørsmål en figur og en tabell over samlingene (fra evaluering/)",
}

CHAPTERS: tuple[Chapter, ...] = (
    Chapter(
        "forord",
        "Forord",
        False,
        "Hvem som har skrevet rapporten, takk til deltakerne, dato og sted.",
    ),
    Chapter(
        "oppsummering",
        "Oppsummering",
        True,
        "Pilotens mål, hva som ble gjort og de viktigste resultatene, på én side.",
    ),
    Chapter(
        "bakgrunn",
        "Bakgrunn",
        True,
        "Jobbvinner, regionens utfordringer med å rekruttere og beholde, og hvorfor piloten kom i gang.",
    ),
    Chapter("mal", "Mål", True, "Pilotens hovedmål og delmål, og hvordan de skulle nås."),
    Chapter(
        "prosjektgjennomforing",
        "Prosjektgjennomføring",
        True,
        "Innledningsfasen og organiseringen av piloten.",
        ("organisasjon", "deltakere"),
    ),
    Chapter(
        "metode",
        "Metode",
        True,
        "Utviklingsverksted som metode, samlingene, planarbeidet og arbeidet mellom samlingene.",
        ("samlinger", "oppmote", "timer"),
    ),
    Chapter(
        "evaluering",
        "Deltakernes evaluering",
        True,
        "Hvordan deltakerne vurderte samlingene (innlegg, gruppearbeid, nytte, motivasjon).",
        ("evaluering",),
    ),
    Chapter(
        "resultater",
        "Resultater",
        True,
        "Vurdering av måloppnåelsen, med resultattabellen fra teamenes sluttrapporter.",
        ("resultater",),
    ),
    Chapter(
        "implementering",
        "Implementering",
        True,
        "Hvordan tiltakene skal leve videre i kommunene.",
        ("videre-oppgaver",),
    ),
    Chapter(
        "anbefalinger",
        "Anbefalinger og veien videre",
        True,
        "Hva andre piloter og KS kan lære, og hva som bør skje videre.",
    ),
    Chapter("kilder", "Kilder", False, "Litteratur og dokumenter det er vist til, ett per punkt."),
)

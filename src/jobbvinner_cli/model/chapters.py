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
        """The chapter's file in rapport/: its place in the report, then its key."""
        for chapters in (CHAPTERS, MEASURE_CHAPTERS):
            if self in chapters:
                return f"{chapters.index(self):02d}-{self.key}.md"
        raise ValueError(self.key)  # pragma: no cover - every chapter is in a tuple


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
    "hendelser": "hendelsene: workshoper, styringsgruppemøter, milepæler og presentasjoner (fra pilot.yaml)",
    "lokal-ledelse": "den lokale prosjektledelsen og delprosjektene (fra pilot.yaml)",
    "tiltak-og-resultat": "tiltak og resultat per mål (fra tiltaksplan.yaml)",
    "tiltak": "tiltakene med ansvarlig, status og resultater (fra tiltaksplan.yaml)",
}

# The generated parts each method has by default; pilot.yaml «rapport: deler:» turns any on or off.
DEFAULT_PARTS = {
    "utviklingsverksted": frozenset(
        {"organisasjon", "samlinger", "deltakere", "timer", "resultater", "videre-oppgaver",
         "oppmote", "evaluering", "hendelser", "lokal-ledelse", "tiltak-og-resultat", "tiltak"}
    ),
    "tiltaksplan": frozenset(
        {"organisasjon", "hendelser", "lokal-ledelse", "tiltak-og-resultat", "tiltak"}
    ),
}  # fmt: skip

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


# A pilot run by a plan of goals and measures: its report is organised by goal (Hedmark's
# «Tiltak og resultat») and by measure (Namsos), with the events instead of gatherings.
MEASURE_CHAPTERS: tuple[Chapter, ...] = (
    CHAPTERS[0],
    CHAPTERS[1],
    CHAPTERS[2],
    Chapter(
        "mal",
        "Mål for prosjektet",
        True,
        "Hovedmålet, delmålene og resultatmålene, og hvordan de ble til (for eksempel i en idéverksted).",
    ),
    Chapter(
        "organisering",
        "Prosjektorganisasjon",
        True,
        "Prosjekteier, styringsgruppe, prosjektgruppe, lokal prosjektledelse og delprosjekter.",
        ("organisasjon", "lokal-ledelse"),
    ),
    Chapter(
        "metode",
        "Metode",
        True,
        "Hvordan arbeidet ble lagt opp: workshoper, møter og hvordan tiltakene ble valgt.",
        ("hendelser",),
    ),
    Chapter(
        "tiltak-og-resultat",
        "Tiltak og resultat",
        True,
        "Hva som ble gjort for hvert mål, og hva det ga.",
        ("tiltak-og-resultat", "tiltak"),
    ),
    Chapter(
        "evaluering",
        "Evaluering",
        True,
        "Hvordan prosjektet ble evaluert (styringsgruppa, ekstern evaluering).",
    ),
    Chapter(
        "anbefalinger",
        "Diskusjon og anbefalinger",
        True,
        "Hva som lyktes, hva som var vanskelig, og hvordan tiltakene skal leve videre.",
    ),
    Chapter("kilder", "Kilder", False, "Litteratur, egne rapporter og dokumenter det er vist til."),
)


def chapters_for(method: str) -> tuple[Chapter, ...]:
    return MEASURE_CHAPTERS if method == "tiltaksplan" else CHAPTERS


def part_enabled(method: str, settings: dict[str, bool], part: str) -> bool:
    """Whether a generated part is in the report: pilot.yaml's choice, else the method's."""
    if part in settings:
        return settings[part]
    return part in DEFAULT_PARTS.get(method, DEFAULT_PARTS["utviklingsverksted"])

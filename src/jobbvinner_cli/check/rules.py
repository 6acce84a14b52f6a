"""The rule table: every rule `jv check` knows, defined once.

The table drives the checks' default severities, `jv check --list-rules`,
`jv check --explain CODE` and docs/rules.md. Codes never change meaning; a
retired rule keeps its number unused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from jobbvinner_cli.check.limits import (
    DUE_SOON_DAYS,
    MAX_FILE_BYTES,
    MAX_FRONT_MATTER_CHARS,
    MAX_NESTING,
    WORDS_PER_PAGE,
)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "feil", "warning": "advarsel", "info": "merknad"}[self.value]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    family: str
    summary: str
    explanation: str
    bad: str
    good: str


FAMILIES = (
    "Filer og front matter",
    "Innhold",
    "Frister",
    "Sammenheng",
    "Personopplysninger",
    "Pilotfilen",
)

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
_F, _C, _D, _S, _P, _PF = FAMILIES

_RULES: tuple[Rule, ...] = (
    # --- Files and front matter -------------------------------------------------------
    Rule(
        "JV100",
        "intern-feil",
        E,
        _F,
        "jv klarte ikke å sjekke filen (en feil i jv).",
        "Sjekken av filen stoppet på en feil i jv selv. De andre filene er sjekket som vanlig. "
        "Meld fra til den som vedlikeholder jv, med filen som ga feilen.",
        "(ingen kjent fil gir denne meldingen)",
        "(alle filer)",
    ),
    Rule(
        "JV101",
        "ulesbar-fil",
        E,
        _F,
        "Filen kan ikke leses.",
        "jv fikk ikke lest filen: den mangler lesetilgang, er en mappe eller spesialfil der det "
        "skulle vært en vanlig fil, eller disken ga en lesefeil. Resten av piloten sjekkes som "
        "vanlig.",
        "teams/bodo/hovedplan.md uten lesetilgang (chmod 000)",
        "teams/bodo/hovedplan.md er en vanlig fil alle i piloten kan lese",
    ),
    Rule(
        "JV102",
        "ikke-utf8",
        E,
        _F,
        "Filen er ikke UTF-8-tekst.",
        "Alle filer i piloten skal være tekst i UTF-8. Tekst lagret av Word eller Notisblokk på "
        "Windows er ofte Windows-1252: da blir æ, ø og å enkeltbyte (E6, F8, E5) som andre "
        "verktøy viser som rare tegn. jv sier hvilken linje den første ugyldige byten står på og "
        "hvilken koding filen trolig har. Word-dokumenter, PDF-er og andre binærfiler hører ikke "
        "hjemme som .md-filer. Åpne filen i et redigeringsprogram og lagre den som UTF-8.",
        "«Bodø» lagret som Windows-1252: byte 42 6F 64 F8",
        "«Bodø» lagret som UTF-8: byte 42 6F 64 C3 B8",
    ),
    Rule(
        "JV103",
        "bom",
        W,
        _F,
        "Filen starter med et byte order mark (BOM).",
        "Noen programmer legger tre usynlige byte (EF BB BF) først i filen. jv leser filen likevel, "
        "men GitHub, Pandoc og andre verktøy kjenner da ikke igjen front matter-blokken øverst. "
        "Lagre filen som «UTF-8» uten BOM. Linjeskift fra Windows (CRLF) er helt i orden og gir "
        "ingen melding.",
        "<EF BB BF>---\ntype: hovedplan",
        "---\ntype: hovedplan",
    ),
    Rule(
        "JV104",
        "front-matter-mangler",
        E,
        _F,
        "Dokumentet mangler front matter øverst (eller filen er tom).",
        "Hvert dokument starter med feltene mellom to linjer med bare ---: type, team, nummer, "
        "periode, status og så videre. Uten dem vet ikke jv hva dokumentet er. Lag dokumentet med "
        "«jv scaffold», eller kopier feltene fra et dokument av samme type. Den første linjen i "
        "filen må være ---.",
        "# Hovedplan – Bodø\n\n## 1. Beskriv kommunen",
        "---\ntype: hovedplan\nteam: bodo\nstatus: utkast\n---\n\n# Hovedplan – Bodø",
    ),
    Rule(
        "JV105",
        "front-matter-ikke-lukket",
        E,
        _F,
        "Front matter-blokken øverst er ikke lukket med ---.",
        "Feltene øverst må avsluttes med en linje med bare ---. Mangler den, leser jv hele "
        "dokumentet som felter.",
        "---\ntype: hovedplan\nteam: bodo\n\n# Hovedplan – Bodø",
        "---\ntype: hovedplan\nteam: bodo\n---\n\n# Hovedplan – Bodø",
    ),
    Rule(
        "JV106",
        "ikke-nokkel-verdi",
        E,
        _F,
        "Innholdet er ikke nøkler med verdier.",
        "Front matter, pilot.yaml og team.yaml skal bestå av linjer på formen «nøkkel: verdi». "
        "En liste (linjer som starter med «- ») eller bare tekst på øverste nivå kan ikke leses.",
        "---\n- hovedplan\n- bodo\n---",
        "---\ntype: hovedplan\nteam: bodo\n---",
    ),
    Rule(
        "JV107",
        "yaml-syntaks",
        E,
        _F,
        "Ugyldig YAML.",
        "Feltene kan ikke leses som YAML. Vanlige grunner: et kolon midt i en verdi uten "
        "anførselstegn, tabulatortegn i innrykket, et anførselstegn som ikke er lukket, eller "
        "innrykk som ikke stemmer. Linjenummeret er linjen i filen.",
        "effektmål: Mål: flere søkere",
        'effektmål: "Mål: flere søkere"',
    ),
    Rule(
        "JV108",
        "dobbel-nokkel",
        E,
        _F,
        "Samme nøkkel står to ganger.",
        "Står en nøkkel to ganger, er det uklart hvilken verdi som gjelder (YAML-lesere velger "
        "forskjellig). Slett den ene.",
        "status: utkast\nstatus: levert",
        "status: levert",
    ),
    Rule(
        "JV109",
        "yaml-ikke-tillatt",
        E,
        _F,
        "YAML-ankere, henvisninger, typemerker eller for dyp nøsting.",
        "jv avviser ankere (&navn), henvisninger (*navn) og typemerker (!!str, !python/…): en "
        "liten fil med henvisninger kan utvide seg til gigabyte. YAML nøstet dypere enn "
        f"{MAX_NESTING} nivåer avvises før den leses. Skriv verdiene ut der de brukes.",
        "gruppeleder: &gl Kari Nordmann\nansvarlig: *gl",
        "gruppeleder: Kari Nordmann\nansvarlig: Kari Nordmann",
    ),
    Rule(
        "JV110",
        "front-matter-for-stor",
        E,
        _F,
        f"Front matter er større enn {MAX_FRONT_MATTER_CHARS // 1000} kB.",
        f"Feltene øverst er korte opplysninger. Er blokken større enn "
        f"{MAX_FRONT_MATTER_CHARS // 1000} kB, er det trolig "
        "dokumentteksten som har havnet over den avsluttende ---, og jv leser den ikke.",
        "---\ntype: hovedplan\n(200 sider tekst)\n---",
        "---\ntype: hovedplan\n---\n(teksten)",
    ),
    Rule(
        "JV111",
        "yaml-felle",
        W,
        _F,
        "En tekstverdi som andre YAML-lesere tolker som ja/nei eller tall.",
        "jv leser alle verdier som tekst, men mange andre verktøy følger YAML 1.1, der no, yes, "
        "on og off blir sant/usant og 0301 eller 08 blir tall (0301 blir 193). I et felt som skal "
        "være tekst bør slike verdier stå i anførselstegn.",
        "gruppeleder: no\nkommune: 0301",
        'gruppeleder: "no"\nkommune: "0301"',
    ),
    Rule(
        "JV112",
        "mangler-felt",
        E,
        _F,
        "Et påkrevd felt mangler.",
        "Feltet må finnes. I dokumenter gjelder det type, og for teamdokumenter team (og nr for "
        "nummererte dokumenter); i pilot.yaml navn og prosjektleder med navn, og nr for hver "
        "samling; i team.yaml kommune.",
        "---\nteam: bodo\nstatus: utkast\n---",
        "---\ntype: hovedplan\nteam: bodo\nstatus: utkast\n---",
    ),
    Rule(
        "JV113",
        "feil-type",
        E,
        _F,
        "En verdi har feil form (tekst, tall, liste eller tabell).",
        "Verdien må ha den formen feltet krever: et tall (timer: 8), en tekst, en liste med "
        "«- » foran hvert punkt, eller en tabell med nøkler. Desimaltall skrives med punktum.",
        "timer: 8,5\nnr: to",
        "timer: 8.5\nnr: 2",
    ),
    Rule(
        "JV114",
        "ugyldig-dato",
        E,
        _F,
        "En dato er ikke på formen ÅÅÅÅ-MM-DD.",
        "Alle datoer skrives som ÅÅÅÅ-MM-DD (ISO 8601), og må finnes i kalenderen.",
        "levert: 01.12.2017\nfrist: 2018-02-30",
        "levert: 2017-12-01\nfrist: 2018-02-28",
    ),
    Rule(
        "JV115",
        "ugyldig-verdi",
        E,
        _F,
        "En verdi er ikke en av de tillatte.",
        "Feltet har en fast liste med verdier eller en grense: status er utkast eller levert, "
        "nr er minst 1, samlingene er nummerert 1, 2, 3 … i rekkefølge, en samling slutter ikke "
        "før den begynner, og et team med status trukket har «trukket:» med dato.",
        "status: ferdig",
        "status: levert",
    ),
    Rule(
        "JV116",
        "ukjent-felt",
        W,
        _F,
        "Et felt jv ikke kjenner.",
        "Feltet brukes ikke av jv. Ofte er det en skrivefeil (effektmaal for effektmål), og da "
        "blir verdien borte for jv. Rett stavemåten, eller fjern feltet.",
        "effektmaal: Flere søkere til helsefagarbeiderstillinger",
        "effektmål: Flere søkere til helsefagarbeiderstillinger",
    ),
    Rule(
        "JV117",
        "feil-team",
        E,
        _F,
        "Feltet team stemmer ikke med teammappen.",
        "Et dokument i teams/bodo/ må ha «team: bodo». Er dokumentet kopiert fra et annet team, "
        "blir det ellers regnet til feil team.",
        "teams/bodo/hovedplan.md med team: fauske",
        "teams/bodo/hovedplan.md med team: bodo",
    ),
    Rule(
        "JV118",
        "feil-type-eller-nummer",
        E,
        _F,
        "Feltene type eller nr stemmer ikke med filnavnet.",
        "Filnavnet sier hvilket dokument det er: statusrapport-2.md har «type: statusrapport» og "
        "«nr: 2». Gi filen riktig navn, eller rett feltene.",
        "statusrapport-2.md med type: statusrapport og nr: 3",
        "statusrapport-2.md med type: statusrapport og nr: 2",
    ),
    Rule(
        "JV119",
        "nummer-utenfor",
        E,
        _F,
        "Dokumentnummeret finnes ikke i piloten.",
        "Nummererte dokumenter går fra 1 til antallet samlingene gir (én per periode mellom to "
        "samlinger, eller det pilot.yaml setter under «antall»).",
        "fremdriftsplan-7.md i en pilot med 6 samlinger",
        "fremdriftsplan-5.md",
    ),
    Rule(
        "JV120",
        "ukjent-fil",
        W,
        _F,
        "En fil eller mappe i teammappen som ikke er et dokument piloten kjenner.",
        "En teammappe inneholder team.yaml og dokumentene, med navn som hovedplan.md, "
        "fremdriftsplan-2.md og sluttrapport.md. Andre filer (Word-filer, kopier som «hovedplan "
        "(1).md», filer med store bokstaver) blir ikke sjekket og kommer ikke med i rapporten. "
        "Skjulte filer (som begynner med punktum) overses.",
        "teams/bodo/Hovedplan ny.docx",
        "teams/bodo/hovedplan.md",
    ),
    Rule(
        "JV121",
        "lenke-ut-av-piloten",
        E,
        _F,
        "En symbolsk lenke peker ut av pilotmappen.",
        "jv følger ikke lenker som peker utenfor piloten (for eksempel til /etc/passwd eller en "
        "annen mappe på maskinen): innholdet kan ikke deles, og kan være noe som ikke skal "
        "deles. Legg selve filen i teammappen.",
        "teams/bodo/hovedplan.md -> /home/kari/Dokumenter/hovedplan.md",
        "teams/bodo/hovedplan.md er en vanlig fil",
    ),
    Rule(
        "JV122",
        "for-stor-fil",
        E,
        _F,
        "Filen er for stor til å være en plan eller rapport.",
        f"Et plandokument er noen sider tekst, ikke over {MAX_FILE_BYTES // 1000} kB. En så "
        "stor fil er trolig feil fil, "
        "eller har bilder limt inn som tekst. Filen blir ikke lest.",
        "teams/bodo/sluttrapport.md på 2 MB",
        "teams/bodo/sluttrapport.md på 12 kB",
    ),
    Rule(
        "JV123",
        "team-uten-team-yaml",
        E,
        _F,
        "En teammappe mangler team.yaml.",
        "Hvert team har en team.yaml med kommune, gruppeleder og medlemmer. Uten den kan ikke "
        "frister og sammensetning sjekkes. Lag teamet med «jv new-team», eller legg inn "
        "team.yaml.",
        "teams/bodo/ med bare hovedplan.md",
        "teams/bodo/ med team.yaml og hovedplan.md",
    ),
    # --- Content ----------------------------------------------------------------------
    Rule(
        "JV201",
        "seksjon-mangler",
        E,
        _C,
        "En seksjon dokumenttypen krever, mangler.",
        "Hver dokumenttype har faste seksjoner (templates/types/<type>.yaml), som overskrifter "
        "på nivå 2 (## …). Rapporten henter teksten fra dem, så alle må være med, med "
        "overskriften skrevet slik typen definerer den.",
        "## 1. Beskriv kommunen\n## 3. Effektmål",
        "## 1. Beskriv kommunen\n## 2. Kommunens største utfordringer …\n## 3. Effektmål",
    ),
    Rule(
        "JV202",
        "feil-seksjonstittel",
        E,
        _C,
        "En seksjonsoverskrift er skrevet annerledes enn dokumenttypen definerer.",
        "Overskriften ligner på en seksjon typen krever, men er ikke lik (nummer, stavemåte, "
        "store og små bokstaver). Skriv den nøyaktig slik meldingen viser, så finner "
        "rapportbyggeren seksjonen.",
        "## Beskriv kommunen:",
        "## 1. Beskriv kommunen",
    ),
    Rule(
        "JV203",
        "feil-rekkefolge",
        E,
        _C,
        "Seksjonene står i feil rekkefølge.",
        "Seksjonene skal stå i den rekkefølgen dokumenttypen definerer, slik malen har dem.",
        "## 2. Kommunens største utfordringer …\n## 1. Beskriv kommunen",
        "## 1. Beskriv kommunen\n## 2. Kommunens største utfordringer …",
    ),
    Rule(
        "JV204",
        "ukjent-seksjon",
        W,
        _C,
        "En overskrift på nivå 2 som ikke er en seksjon i dokumenttypen.",
        "Overskrifter på nivå 2 (## …) er dokumentets faste seksjoner. Vil du dele opp teksten, "
        "bruk nivå 3 (### …) under riktig seksjon.",
        "## Litt om oss",
        "### Litt om oss  (under ## 1. Beskriv kommunen)",
    ),
    Rule(
        "JV205",
        "tom-seksjon",
        E,
        _C,
        "En seksjon i et levert dokument er tom eller har bare veiledningen fra malen.",
        "Når dokumentet er levert (status: levert), skal hver seksjon ha teamets egen tekst. En "
        "seksjon som bare har «> **Veiledning:** …» fra malen, regnes som ikke fylt ut. I "
        "fremdriftsplanen må tabellen ha minst én utfylt rad. Utkast (status: utkast) får ikke "
        "denne meldingen.",
        "## 3. Effektmål\n\n> **Veiledning:** Erstatt veiledningen med teamets tekst.\n> - Hva er "
        "ønsket bemanningssituasjon …",
        "## 3. Effektmål\n\nInnen 2020 skal alle faste stillinger være besatt med fagutdannede.",
    ),
    Rule(
        "JV206",
        "veiledning-igjen",
        W,
        _C,
        "Veiledningen fra malen står igjen i et levert dokument.",
        "Seksjonen har teamets tekst, men også veiledningen fra malen (> **Veiledning:** …). "
        "Slett veiledningen før dokumentet leveres, ellers kommer den med i rapporten. Utkast "
        "får ikke denne meldingen.",
        "## 4. Tiltak\n\n> **Veiledning:** Erstatt veiledningen …\n\nVi starter en "
        "sommerskole for elever.",
        "## 4. Tiltak\n\nVi starter en sommerskole for elever.",
    ),
    Rule(
        "JV207",
        "for-langt",
        W,
        _C,
        "Dokumentet er lengre enn sidegrensen for typen.",
        f"Hovedplanen og sluttrapporten skal være på maks tre sider, statusrapporten på maks to. "
        f"jv måler lengden i ord, fordi en Markdown-fil ikke har sider: én side regnes som "
        f"{WORDS_PER_PAGE} ord (en A4-side med 11 punkt skrift og enkel linjeavstand har "
        f"400–550 ord). Et ord er det som står mellom to mellomrom eller linjeskift, i "
        f"overskrifter, avsnitt, lister og tabeller; rene markeringstegn (|, -, *, #, >) telles "
        f"ikke, og heller ikke front matter, veiledningen fra malen og HTML-kommentarer. Grensen "
        f"er altså omtrentlig: tabeller og bilder tar mer plass på papiret enn ordene tilsier.",
        f"hovedplan.md med {3 * WORDS_PER_PAGE + 400} ord (maks {3 * WORDS_PER_PAGE})",
        f"hovedplan.md med {3 * WORDS_PER_PAGE - 300} ord",
    ),
    Rule(
        "JV208",
        "tabell-mangler",
        E,
        _C,
        "Fremdriftsplanens tabell mangler eller har feil kolonner.",
        "Seksjonen med tabellen (tabell: true i dokumenttypen) skal ha en Markdown-tabell med "
        "kolonnene Delmål, Tiltak og Ansvarlig først, og deretter én kolonne per måned i "
        "perioden.",
        "## Delmål, tiltak og ansvarlig\n\nVi skal lage en sommerskole.",
        "| Delmål | Tiltak | Ansvarlig | Mars | April |\n|---|---|---|---|---|\n"
        "| Flere søkere | Sommerskole | Kari Nordmann | x | x |",
    ),
    Rule(
        "JV209",
        "ufullstendig-rad",
        E,
        _C,
        "En rad i fremdriftsplanens tabell mangler delmål, tiltak, ansvarlig eller kryss.",
        "I et levert dokument skal hver utfylte rad ha delmål, tiltak og ansvarlig, og et kryss "
        "(x) i minst én måned. Helt tomme rader fra malen overses. Utkast får ikke denne "
        "meldingen.",
        "| Flere søkere | Sommerskole |  |  |  |",
        "| Flere søkere | Sommerskole | Kari Nordmann | x |  |",
    ),
    Rule(
        "JV210",
        "tomt-felt",
        W,
        _C,
        "Et felt øverst i et levert dokument er tomt.",
        "Malen har lagt inn feltet (gruppeleder, effektmål, resultatmål, timer …) for at teamet "
        "skal fylle det ut. Når dokumentet er levert, skal det ha en verdi; rapporten henter den "
        "derfra. Utkast får ikke denne meldingen.",
        'status: levert\neffektmål: ""',
        "status: levert\neffektmål: Alle faste stillinger besatt med fagutdannede innen 2020",
    ),
    # --- Deadlines --------------------------------------------------------------------
    Rule(
        "JV301",
        "dokument-mangler",
        E,
        _D,
        "Et dokument som har forfalt, finnes ikke.",
        "Fristen for dokumentet er i dag eller tidligere, og filen finnes ikke i teammappen. "
        "Fristene regnes fra samlingene og reglene i dokumenttypene og pilot.yaml, med unntak i "
        "pilot.yaml (frister.unntak) og team.yaml (frister, fritak). Et team som har trukket "
        "seg, skylder ingenting med frist etter datoen det trakk seg. Datoen for «i dag» kan "
        "settes med --today.",
        "teams/bodo/ uten statusrapport-2.md, frist 2018-06-04, i dag 2018-06-10",
        "teams/bodo/statusrapport-2.md med status: levert",
    ),
    Rule(
        "JV302",
        "ikke-levert",
        E,
        _D,
        "Et dokument som har forfalt, er ikke levert.",
        "Fristen er i dag eller tidligere, men dokumentet har ikke «status: levert». Er det "
        "levert, sett status: levert og levert: datoen det ble sendt.",
        "status: utkast  (frist 2018-06-04, i dag 2018-06-10)",
        "status: levert\nlevert: 2018-06-03",
    ),
    Rule(
        "JV303",
        "levert-for-sent",
        W,
        _D,
        "Dokumentet ble levert etter fristen.",
        "Leveringsdatoen er etter fristen; meldingen sier hvor mange dager. Leveringsdatoen er "
        "feltet «levert», eller, når det mangler, datoen i git-historikken da status ble levert.",
        "frist: 2018-06-04\nstatus: levert\nlevert: 2018-06-11",
        "frist: 2018-06-04\nstatus: levert\nlevert: 2018-06-01",
    ),
    Rule(
        "JV304",
        "frist-snart",
        INFO,
        _D,
        f"Dokumentet har frist innen {DUE_SOON_DAYS} dager.",
        f"En påminnelse: dokumentet er ikke levert, og fristen er innen {DUE_SOON_DAYS} dager.",
        "statusrapport-2.md med status: utkast, frist om 5 dager",
        "statusrapport-2.md med status: levert",
    ),
    Rule(
        "JV305",
        "leveringsdato-ukjent",
        W,
        _D,
        "Dokumentet er levert, men leveringsdatoen er ukjent.",
        "Status er levert, men feltet «levert» er tomt, og git-historikken sier ikke når status "
        "ble levert (piloten er ikke et git-repo, eller endringen er ikke lagret med git commit "
        "ennå). Da kan ikke jv se om fristen ble holdt. Fyll inn levert: ÅÅÅÅ-MM-DD.",
        "status: levert\nlevert:",
        "status: levert\nlevert: 2018-06-01",
    ),
    Rule(
        "JV306",
        "leveringsdato-motstrid",
        W,
        _D,
        "Leveringsdatoen stemmer ikke med status, eller har ikke vært ennå.",
        "Feltet levert har en dato, men status er ikke levert; eller leveringsdatoen er i "
        "fremtiden. Rett status eller datoen. (Sjekker du piloten slik den var en tidligere dag, "
        "med --today, regnes et dokument levert etter den dagen som ikke levert ennå, uten "
        "denne meldingen.)",
        "status: utkast\nlevert: 2018-06-01",
        "status: levert\nlevert: 2018-06-01",
    ),
    # --- Consistency ------------------------------------------------------------------
    Rule(
        "JV401",
        "effektmal-endret",
        W,
        _S,
        "Effektmålet er et annet enn i hovedplanen.",
        "Effektmålet settes i hovedplanen og følger teamet gjennom hele piloten. Står det noe "
        "annet i et senere dokument, er enten målet endret (skriv det inn i hovedplanen også) "
        "eller dokumentet kopiert fra et annet team. Meldingen viser begge tekstene. Forskjeller "
        "i mellomrom, store og små bokstaver og punktum til slutt teller ikke.",
        "hovedplan.md: effektmål: Ingen ufrivillig deltid\nstatusrapport-1.md: effektmål: "
        "Flere lærlinger",
        "statusrapport-1.md: effektmål: Ingen ufrivillig deltid",
    ),
    Rule(
        "JV402",
        "feil-periode",
        W,
        _S,
        "Perioden i dokumentet stemmer ikke med samlingene.",
        "Perioden regnes fra samlingene i pilot.yaml: fremdriftsplan og statusrapport N gjelder "
        "fra samling N til samling N+1. Er datoene for samlingene endret etter at dokumentet ble "
        "laget, rett periode.fra og periode.til.",
        "periode: {fra: 2018-02-27, til: 2018-06-01}  (samling 3 er 2018-06-14)",
        "periode: {fra: 2018-02-27, til: 2018-06-14}",
    ),
    Rule(
        "JV403",
        "feil-frist",
        W,
        _S,
        "Fristen i dokumentet er en annen enn fristen piloten regner ut.",
        "Fristen i dokumentets felter ble skrevet da dokumentet ble laget. jv regner alltid "
        "fristen på nytt fra pilot.yaml og team.yaml, og bruker den. Rett feltet frist, så "
        "teamet ser riktig frist.",
        "frist: 2018-03-21  (piloten sier 2018-03-20)",
        "frist: 2018-03-20",
    ),
    Rule(
        "JV404",
        "feil-kommune",
        W,
        _S,
        "Kommunen i dokumentet er en annen enn i team.yaml.",
        "Feltet kommune skal være det samme som i teamets team.yaml.",
        "kommune: Fauske  (team.yaml: kommune: Bodø)",
        "kommune: Bodø",
    ),
    Rule(
        "JV405",
        "referansegruppe",
        W,
        _S,
        "Referansegruppen er ikke et annet team i piloten.",
        "Teamene følger hverandre som referansegrupper («trekløver»). Feltet referansegruppe i "
        "team.yaml er mappenavnet til et annet team under teams/, ikke teamet selv.",
        "referansegruppe: bodø   (mappen heter bodo)",
        "referansegruppe: fauske",
    ),
    Rule(
        "JV406",
        "teamsammensetning",
        W,
        _S,
        "Teamet har ikke gruppeleder, leder, tillitsvalgt eller 4–6 medlemmer.",
        "Et kommuneteam har 4–6 personer, med minst én leder med beslutningsmyndighet "
        "(leder: true) og minst én tillitsvalgt (tillitsvalgt: true), og en av dem er "
        "gruppeleder. Team som har trukket seg, sjekkes ikke.",
        "medlemmer:\n  - navn: Kari Nordmann",
        "gruppeleder: Kari Nordmann\nmedlemmer:\n  - {navn: Kari Nordmann, leder: true}\n"
        "  - {navn: Ola Nordmann, tillitsvalgt: true}\n  - {navn: …}\n  - {navn: …}",
    ),
    Rule(
        "JV407",
        "frist-pa-fridag",
        W,
        _S,
        "En frist faller på en lørdag, søndag eller helligdag.",
        "Fristen regnes fra en samling og et antall dager, og kan havne på en helg eller en "
        "norsk helligdag (påske, 17. mai, pinse, jul …). Flytt fristen med frister.unntak i "
        "pilot.yaml (eller frister i team.yaml), eller juster regelen.",
        "frister:\n  unntak:\n    hovedplan: 2019-05-17",
        "frister:\n  unntak:\n    hovedplan: 2019-05-16",
    ),
    # --- Personal data ----------------------------------------------------------------
    Rule(
        "JV501",
        "fodselsnummer",
        E,
        _P,
        "Et fødselsnummer i teksten.",
        "Pilotens dokumenter deles bredt (alle team, styringsgruppa, KS, GitHub). Et "
        "fødselsnummer (11 siffer med gyldige kontrollsiffer, også D-nummer) skal aldri stå i "
        "dem. Fjern det, og fjern det også fra git-historikken (spør prosjektlederen).",
        "Kontaktperson: Kari Nordmann, 01019012345",
        "Kontaktperson: Kari Nordmann, enhetsleder",
    ),
    Rule(
        "JV502",
        "telefonnummer",
        W,
        _P,
        "Et telefonnummer i teksten.",
        "Et norsk telefonnummer (8 siffer, eventuelt med +47 og mellomrom) i et teamdokument er "
        "som regel et personlig mobilnummer. Dokumentene deles bredt; skriv rollen i stedet. Er "
        "det et offentlig sentralbord, kan regelen slås av for filen i pilot.yaml "
        "(ignorer: [{sti: teams/bodo/hovedplan.md, kode: JV502}]).",
        "Ring Kari på 912 34 567.",
        "Kontakt gruppelederen.",
    ),
    Rule(
        "JV503",
        "epostadresse",
        W,
        _P,
        "En e-postadresse i teksten som ikke er pilotens egen.",
        "E-postadresser i teamdokumenter er personopplysninger. Prosjektlederens adresse og "
        "andre adresser som står i pilot.yaml, er tillatt; andre bør fjernes.",
        "Send spørsmål til kari.nordmann@bodo.kommune.no.",
        "Send spørsmål til gruppelederen.",
    ),
    # --- The pilot file ---------------------------------------------------------------
    Rule(
        "JV601",
        "dokumenttype-ugyldig",
        E,
        _PF,
        "En dokumenttype i templates/types/ kan ikke brukes.",
        "Piloten kan definere egne dokumenttyper i templates/types/<type>.yaml. Er filen "
        "ugyldig, bruker jv den innebygde typen med samme navn (om den finnes), og dokumenter "
        "av typen sjekkes ikke mot den ugyldige definisjonen.",
        "templates/types/hovedplan.yaml uten seksjoner",
        "templates/types/hovedplan.yaml med varianter og seksjoner",
    ),
    Rule(
        "JV602",
        "samlinger-rekkefolge",
        E,
        _PF,
        "Samlingene står ikke i datorekkefølge.",
        "Samling N+1 er etter samling N. Står datoene i feil rekkefølge, blir periodene og "
        "fristene gale for alle team.",
        "samlinger:\n  - {nr: 1, dato: 2018-02-27}\n  - {nr: 2, dato: 2017-11-10}",
        "samlinger:\n  - {nr: 1, dato: 2017-11-10}\n  - {nr: 2, dato: 2018-02-27}",
    ),
    Rule(
        "JV603",
        "samling-uten-dato",
        W,
        _PF,
        "En samling har ingen dato.",
        "Uten dato kan ikke jv regne ut periodene og fristene som henger på samlingen, og de "
        "blir ikke sjekket. Fyll inn dato: ÅÅÅÅ-MM-DD.",
        "  - nr: 4\n    dato:",
        "  - nr: 4\n    dato: 2018-11-13",
    ),
    Rule(
        "JV604",
        "ukjent-henvisning",
        W,
        _PF,
        "En henvisning til et dokument, en type eller en regel som ikke finnes.",
        "Nøklene under frister, antall og maler i pilot.yaml, frister og fritak i team.yaml og "
        "kodene under ignorer må være dokumenter (som fremdriftsplan-2), dokumenttyper, "
        "malvarianter eller regelkoder jv kjenner. En skrivefeil gjør at unntaket ikke gjelder.",
        "frister:\n  unntak:\n    fremdrifsplan-2: 2018-03-21",
        "frister:\n  unntak:\n    fremdriftsplan-2: 2018-03-21",
    ),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


def rule(code: str) -> Rule:
    return RULES[code]

"""The rules of the file and front matter family: what reading, parsing and modelling a
file can find wrong. The pipeline reports them; their texts live here, in one place."""

from __future__ import annotations

from jobbvinner_cli.diagnostics import Rule, Severity
from jobbvinner_cli.pipeline.limits import MAX_FILE_BYTES, MAX_FRONT_MATTER_CHARS
from jobbvinner_cli.pipeline.yamltext import MAX_DEPTH as MAX_NESTING

FAMILY = "Filer og front matter"

JV100 = Rule(
    "JV100",
    "intern-feil",
    Severity.ERROR,
    FAMILY,
    "jv klarte ikke å sjekke filen (en feil i jv).",
    "Sjekken av filen stoppet på en feil i jv selv. De andre filene er sjekket som vanlig. "
    "Meld fra til den som vedlikeholder jv, med filen som ga feilen.",
    "(ingen kjent fil gir denne meldingen)",
    "(alle filer)",
)

JV101 = Rule(
    "JV101",
    "ulesbar-fil",
    Severity.ERROR,
    FAMILY,
    "Filen kan ikke leses.",
    "jv fikk ikke lest filen: den mangler lesetilgang, er en mappe eller spesialfil der det "
    "skulle vært en vanlig fil, eller disken ga en lesefeil. Resten av piloten sjekkes som "
    "vanlig.",
    "teams/bodo/hovedplan.md uten lesetilgang (chmod 000)",
    "teams/bodo/hovedplan.md er en vanlig fil alle i piloten kan lese",
)

JV102 = Rule(
    "JV102",
    "ikke-utf8",
    Severity.ERROR,
    FAMILY,
    "Filen er ikke UTF-8-tekst.",
    "Alle filer i piloten skal være tekst i UTF-8. Tekst lagret av Word eller Notisblokk på "
    "Windows er ofte Windows-1252: da blir æ, ø og å enkeltbyte (E6, F8, E5) som andre "
    "verktøy viser som rare tegn. jv sier hvilken linje den første ugyldige byten står på og "
    "hvilken koding filen trolig har. Word-dokumenter, PDF-er og andre binærfiler hører ikke "
    "hjemme som .md-filer. Åpne filen i et redigeringsprogram og lagre den som UTF-8.",
    "«Bodø» lagret som Windows-1252: byte 42 6F 64 F8",
    "«Bodø» lagret som UTF-8: byte 42 6F 64 C3 B8",
)

JV103 = Rule(
    "JV103",
    "bom",
    Severity.WARNING,
    FAMILY,
    "Filen starter med et byte order mark (BOM).",
    "Noen programmer legger tre usynlige byte (EF BB BF) først i filen. jv leser filen likevel, "
    "men GitHub, Pandoc og andre verktøy kjenner da ikke igjen front matter-blokken øverst. "
    "Lagre filen som «UTF-8» uten BOM. Linjeskift fra Windows (CRLF) er helt i orden og gir "
    "ingen melding.",
    "<EF BB BF>---\ntype: hovedplan",
    "---\ntype: hovedplan",
)

JV104 = Rule(
    "JV104",
    "front-matter-mangler",
    Severity.ERROR,
    FAMILY,
    "Dokumentet mangler front matter øverst (eller filen er tom).",
    "Hvert dokument starter med feltene mellom to linjer med bare ---: type, team, nummer, "
    "periode, status og så videre. Uten dem vet ikke jv hva dokumentet er. Lag dokumentet med "
    "«jv scaffold», eller kopier feltene fra et dokument av samme type. Den første linjen i "
    "filen må være ---.",
    "# Hovedplan – Bodø\n\n## 1. Beskriv kommunen",
    "---\ntype: hovedplan\nteam: bodo\nstatus: utkast\n---\n\n# Hovedplan – Bodø",
)

JV105 = Rule(
    "JV105",
    "front-matter-ikke-lukket",
    Severity.ERROR,
    FAMILY,
    "Front matter-blokken øverst er ikke lukket med ---.",
    "Feltene øverst må avsluttes med en linje med bare ---. Mangler den, leser jv hele "
    "dokumentet som felter.",
    "---\ntype: hovedplan\nteam: bodo\n\n# Hovedplan – Bodø",
    "---\ntype: hovedplan\nteam: bodo\n---\n\n# Hovedplan – Bodø",
)

JV106 = Rule(
    "JV106",
    "ikke-nokkel-verdi",
    Severity.ERROR,
    FAMILY,
    "Innholdet er ikke nøkler med verdier.",
    "Front matter, pilot.yaml og team.yaml skal bestå av linjer på formen «nøkkel: verdi». "
    "En liste (linjer som starter med «- ») eller bare tekst på øverste nivå kan ikke leses.",
    "---\n- hovedplan\n- bodo\n---",
    "---\ntype: hovedplan\nteam: bodo\n---",
)

JV107 = Rule(
    "JV107",
    "yaml-syntaks",
    Severity.ERROR,
    FAMILY,
    "Ugyldig YAML.",
    "Feltene kan ikke leses som YAML. Vanlige grunner: et kolon midt i en verdi uten "
    "anførselstegn, tabulatortegn i innrykket, et anførselstegn som ikke er lukket, eller "
    "innrykk som ikke stemmer. Linjenummeret er linjen i filen.",
    "effektmål: Mål: flere søkere",
    'effektmål: "Mål: flere søkere"',
)

JV108 = Rule(
    "JV108",
    "dobbel-nokkel",
    Severity.ERROR,
    FAMILY,
    "Samme nøkkel står to ganger.",
    "Står en nøkkel to ganger, er det uklart hvilken verdi som gjelder (YAML-lesere velger "
    "forskjellig). Slett den ene.",
    "status: utkast\nstatus: levert",
    "status: levert",
)

JV109 = Rule(
    "JV109",
    "yaml-ikke-tillatt",
    Severity.ERROR,
    FAMILY,
    "YAML-ankere, henvisninger, typemerker eller for dyp nøsting.",
    "jv avviser ankere (&navn), henvisninger (*navn) og typemerker (!!str, !python/…): en "
    "liten fil med henvisninger kan utvide seg til gigabyte. YAML nøstet dypere enn "
    f"{MAX_NESTING} nivåer avvises før den leses. Skriv verdiene ut der de brukes.",
    "gruppeleder: &gl Kari Nordmann\nansvarlig: *gl",
    "gruppeleder: Kari Nordmann\nansvarlig: Kari Nordmann",
)

JV110 = Rule(
    "JV110",
    "front-matter-for-stor",
    Severity.ERROR,
    FAMILY,
    f"Front matter er større enn {MAX_FRONT_MATTER_CHARS // 1000} kB.",
    f"Feltene øverst er korte opplysninger. Er blokken større enn "
    f"{MAX_FRONT_MATTER_CHARS // 1000} kB, er det trolig "
    "dokumentteksten som har havnet over den avsluttende ---, og jv leser den ikke.",
    "---\ntype: hovedplan\n(200 sider tekst)\n---",
    "---\ntype: hovedplan\n---\n(teksten)",
)

JV111 = Rule(
    "JV111",
    "yaml-felle",
    Severity.WARNING,
    FAMILY,
    "En verdi som ikke betyr det den ser ut til: ja/nei, et tall, kuttet av « #» eller med "
    "usynlige tegn.",
    "jv leser alle verdier som tekst, men mange andre verktøy følger YAML 1.1, der no, yes, "
    "on og off blir sant/usant og 0301 eller 08 blir tall (0301 blir 193). I et felt som skal "
    "være tekst bør slike verdier stå i anførselstegn. Uten anførselstegn er « #» starten på "
    "en kommentar, så «Tiltak #1» blir bare «Tiltak». Usynlige tegn (mellomrom med null "
    "bredde, myk bindestrek) gjør at «levert» ikke er «levert» selv om det ser slik ut.",
    "gruppeleder: no\nkommune: 0301",
    'gruppeleder: "no"\nkommune: "0301"',
)

JV112 = Rule(
    "JV112",
    "mangler-felt",
    Severity.ERROR,
    FAMILY,
    "Et påkrevd felt mangler.",
    "Feltet må finnes. I dokumenter gjelder det type, og for teamdokumenter team (og nr for "
    "nummererte dokumenter); i pilot.yaml navn og prosjektleder med navn, og nr for hver "
    "samling; i team.yaml kommune.",
    "---\nteam: bodo\nstatus: utkast\n---",
    "---\ntype: hovedplan\nteam: bodo\nstatus: utkast\n---",
)

JV113 = Rule(
    "JV113",
    "feil-type",
    Severity.ERROR,
    FAMILY,
    "En verdi har feil form (tekst, tall, liste eller tabell).",
    "Verdien må ha den formen feltet krever: et tall (timer: 8), en tekst, en liste med "
    "«- » foran hvert punkt, eller en tabell med nøkler. Desimaltall skrives med punktum.",
    "timer: 8,5\nnr: to",
    "timer: 8.5\nnr: 2",
)

JV114 = Rule(
    "JV114",
    "ugyldig-dato",
    Severity.ERROR,
    FAMILY,
    "En dato er ikke på formen ÅÅÅÅ-MM-DD.",
    "Alle datoer skrives som ÅÅÅÅ-MM-DD (ISO 8601), og må finnes i kalenderen.",
    "levert: 01.12.2017\nfrist: 2018-02-30",
    "levert: 2017-12-01\nfrist: 2018-02-28",
)

JV115 = Rule(
    "JV115",
    "ugyldig-verdi",
    Severity.ERROR,
    FAMILY,
    "En verdi er ikke en av de tillatte.",
    "Feltet har en fast liste med verdier eller en grense: status er utkast eller levert, "
    "nr er minst 1, samlingene er nummerert 1, 2, 3 … i rekkefølge, en samling slutter ikke "
    "før den begynner, og et team med status trukket har «trukket:» med dato.",
    "status: ferdig",
    "status: levert",
)

JV116 = Rule(
    "JV116",
    "ukjent-felt",
    Severity.WARNING,
    FAMILY,
    "Et felt jv ikke kjenner.",
    "Feltet brukes ikke av jv. Ofte er det en skrivefeil (effektmaal for effektmål), og da "
    "blir verdien borte for jv. Rett stavemåten, eller fjern feltet.",
    "effektmaal: Flere søkere til helsefagarbeiderstillinger",
    "effektmål: Flere søkere til helsefagarbeiderstillinger",
)

JV117 = Rule(
    "JV117",
    "feil-team",
    Severity.ERROR,
    FAMILY,
    "Feltet team stemmer ikke med teammappen.",
    "Et dokument i teams/bodo/ må ha «team: bodo». Er dokumentet kopiert fra et annet team, "
    "blir det ellers regnet til feil team.",
    "teams/bodo/hovedplan.md med team: fauske",
    "teams/bodo/hovedplan.md med team: bodo",
)

JV118 = Rule(
    "JV118",
    "feil-type-eller-nummer",
    Severity.ERROR,
    FAMILY,
    "Feltene type eller nr stemmer ikke med filnavnet.",
    "Filnavnet sier hvilket dokument det er: statusrapport-2.md har «type: statusrapport» og "
    "«nr: 2». Gi filen riktig navn, eller rett feltene.",
    "statusrapport-2.md med type: statusrapport og nr: 3",
    "statusrapport-2.md med type: statusrapport og nr: 2",
)

JV119 = Rule(
    "JV119",
    "nummer-utenfor",
    Severity.ERROR,
    FAMILY,
    "Dokumentnummeret finnes ikke i piloten.",
    "Nummererte dokumenter går fra 1 til antallet samlingene gir (én per periode mellom to "
    "samlinger, eller det pilot.yaml setter under «antall»).",
    "fremdriftsplan-7.md i en pilot med 6 samlinger",
    "fremdriftsplan-5.md",
)

JV120 = Rule(
    "JV120",
    "ukjent-fil",
    Severity.WARNING,
    FAMILY,
    "En fil eller mappe i teammappen som ikke er et dokument piloten kjenner.",
    "En teammappe inneholder team.yaml og dokumentene, med navn som hovedplan.md, "
    "fremdriftsplan-2.md og sluttrapport.md. Andre filer (Word-filer, kopier som «hovedplan "
    "(1).md», filer med store bokstaver) blir ikke sjekket og kommer ikke med i rapporten. "
    "Skjulte filer (som begynner med punktum) overses.",
    "teams/bodo/Hovedplan ny.docx",
    "teams/bodo/hovedplan.md",
)

JV121 = Rule(
    "JV121",
    "lenke-ut-av-piloten",
    Severity.ERROR,
    FAMILY,
    "En symbolsk lenke peker ut av pilotmappen.",
    "jv følger ikke lenker som peker utenfor piloten (for eksempel til /etc/passwd eller en "
    "annen mappe på maskinen): innholdet kan ikke deles, og kan være noe som ikke skal "
    "deles. Legg selve filen i teammappen.",
    "teams/bodo/hovedplan.md -> /home/kari/Dokumenter/hovedplan.md",
    "teams/bodo/hovedplan.md er en vanlig fil",
)

JV122 = Rule(
    "JV122",
    "for-stor-fil",
    Severity.ERROR,
    FAMILY,
    "Filen er for stor til å være en plan eller rapport.",
    f"Et plandokument er noen sider tekst, ikke over {MAX_FILE_BYTES // 1000} kB. En så "
    "stor fil er trolig feil fil, "
    "eller har bilder limt inn som tekst. Filen blir ikke lest.",
    "teams/bodo/sluttrapport.md på 2 MB",
    "teams/bodo/sluttrapport.md på 12 kB",
)

JV123 = Rule(
    "JV123",
    "team-uten-team-yaml",
    Severity.ERROR,
    FAMILY,
    "En teammappe mangler team.yaml.",
    "Hvert team har en team.yaml med kommune, gruppeleder og medlemmer. Uten den kan ikke "
    "frister og sammensetning sjekkes. Lag teamet med «jv new-team», eller legg inn "
    "team.yaml.",
    "teams/bodo/ med bare hovedplan.md",
    "teams/bodo/ med team.yaml og hovedplan.md",
)

JV124 = Rule(
    "JV124",
    "jv-ignore-ukjent-regel",
    Severity.WARNING,
    FAMILY,
    "En jv-ignore-kommentar nevner en regel som ikke finnes.",
    "«<!-- jv-ignore KODE -->» slår av regelen KODE på linjen og neste linje, og "
    "«<!-- jv-ignore-file KODE -->» i hele filen. En kode som ingen regel har (en skrivefeil, "
    "eller en regel som er fjernet), slår ikke av noe. Rett koden; se alle med "
    "«jv check --list-rules».",
    "<!-- jv-ignore JV5O2 -->",
    "<!-- jv-ignore JV502 -->",
)

# Found while loading the document types; the family of the pilot's own files.
PILOT_FILE_FAMILY = "Pilotfilen"

JV601 = Rule(
    "JV601",
    "dokumenttype-ugyldig",
    Severity.ERROR,
    PILOT_FILE_FAMILY,
    "En dokumenttype i templates/types/ kan ikke brukes.",
    "Piloten kan definere egne dokumenttyper i templates/types/<type>.yaml. Er filen "
    "ugyldig, bruker jv den innebygde typen med samme navn (om den finnes), og dokumenter "
    "av typen sjekkes ikke mot den ugyldige definisjonen.",
    "templates/types/hovedplan.yaml uten seksjoner",
    "templates/types/hovedplan.yaml med varianter og seksjoner",
)

RULES = (
    JV100,
    JV101,
    JV102,
    JV103,
    JV104,
    JV105,
    JV106,
    JV107,
    JV108,
    JV109,
    JV110,
    JV111,
    JV112,
    JV113,
    JV114,
    JV115,
    JV116,
    JV117,
    JV118,
    JV119,
    JV120,
    JV121,
    JV122,
    JV123,
    JV124,
    JV601,
)

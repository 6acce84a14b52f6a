"""The body of a document: the type's sections in order, filled in, not too long, the plan table.

The body's structure comes from the one Markdown parse in pipeline/body.py.
"""

from __future__ import annotations

import math

from jobbvinner_cli.check.limits import WORDS_PER_PAGE
from jobbvinner_cli.check.reportcells import JV211, check_report_section
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.pipeline.body import Body, Heading, Table
from jobbvinner_cli.pipeline.document import SectionMatch, TypeSpec
from jobbvinner_cli.words import plural

FAMILY = "Innhold"

JV201 = Rule(
    "JV201",
    "seksjon-mangler",
    Severity.ERROR,
    FAMILY,
    "En seksjon dokumenttypen krever, mangler.",
    "Hver dokumenttype har faste seksjoner (templates/types/<type>.yaml), som overskrifter "
    "på nivå 2 (## …). Rapporten henter teksten fra dem, så alle må være med, med "
    "overskriften skrevet slik typen definerer den.",
    "## 1. Beskriv kommunen\n## 3. Effektmål",
    "## 1. Beskriv kommunen\n## 2. Kommunens største utfordringer …\n## 3. Effektmål",
)

JV202 = Rule(
    "JV202",
    "feil-seksjonstittel",
    Severity.ERROR,
    FAMILY,
    "En seksjonsoverskrift er skrevet annerledes enn dokumenttypen definerer.",
    "Overskriften ligner på en seksjon typen krever, men er ikke lik (nummer, stavemåte, "
    "store og små bokstaver). Skriv den nøyaktig slik meldingen viser, så finner "
    "rapportbyggeren seksjonen.",
    "## Beskriv kommunen:",
    "## 1. Beskriv kommunen",
)

JV203 = Rule(
    "JV203",
    "feil-rekkefolge",
    Severity.ERROR,
    FAMILY,
    "Seksjonene står i feil rekkefølge.",
    "Seksjonene skal stå i den rekkefølgen dokumenttypen definerer, slik malen har dem.",
    "## 2. Kommunens største utfordringer …\n## 1. Beskriv kommunen",
    "## 1. Beskriv kommunen\n## 2. Kommunens største utfordringer …",
)

JV204 = Rule(
    "JV204",
    "ukjent-seksjon",
    Severity.WARNING,
    FAMILY,
    "En overskrift på nivå 2 som ikke er en seksjon i dokumenttypen.",
    "Overskrifter på nivå 2 (## …) er dokumentets faste seksjoner. Vil du dele opp teksten, "
    "bruk nivå 3 (### …) under riktig seksjon.",
    "## Litt om oss",
    "### Litt om oss  (under ## 1. Beskriv kommunen)",
)

JV205 = Rule(
    "JV205",
    "tom-seksjon",
    Severity.ERROR,
    FAMILY,
    "En seksjon i et levert dokument er tom eller har bare veiledningen fra malen.",
    "Når dokumentet er levert (status: levert), skal hver seksjon ha teamets egen tekst. En "
    "seksjon som bare har «> **Veiledning:** …» fra malen, regnes som ikke fylt ut. I "
    "fremdriftsplanen må tabellen ha minst én utfylt rad. Utkast (status: utkast) får ikke "
    "denne meldingen.",
    "## 3. Effektmål\n\n> **Veiledning:** Erstatt veiledningen med teamets tekst.\n> - Hva er "
    "ønsket bemanningssituasjon …",
    "## 3. Effektmål\n\nInnen 2020 skal alle faste stillinger være besatt med fagutdannede.",
)

JV206 = Rule(
    "JV206",
    "veiledning-igjen",
    Severity.WARNING,
    FAMILY,
    "Veiledningen fra malen står igjen i et levert dokument.",
    "Seksjonen har teamets tekst, men også veiledningen fra malen (> **Veiledning:** …). "
    "Slett veiledningen før dokumentet leveres, ellers kommer den med i rapporten. Utkast "
    "får ikke denne meldingen.",
    "## 4. Tiltak\n\n> **Veiledning:** Erstatt veiledningen …\n\nVi starter en "
    "sommerskole for elever.",
    "## 4. Tiltak\n\nVi starter en sommerskole for elever.",
)

JV207 = Rule(
    "JV207",
    "for-langt",
    Severity.WARNING,
    FAMILY,
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
)

JV208 = Rule(
    "JV208",
    "tabell-mangler",
    Severity.ERROR,
    FAMILY,
    "Fremdriftsplanens tabell mangler eller har feil kolonner.",
    "Seksjonen med tabellen (tabell: true i dokumenttypen) skal ha en Markdown-tabell med "
    "kolonnene Delmål, Tiltak og Ansvarlig først, og deretter én kolonne per måned i "
    "perioden.",
    "## Delmål, tiltak og ansvarlig\n\nVi skal lage en sommerskole.",
    "| Delmål | Tiltak | Ansvarlig | Mars | April |\n|---|---|---|---|---|\n"
    "| Flere søkere | Sommerskole | Kari Nordmann | x | x |",
)

JV209 = Rule(
    "JV209",
    "ufullstendig-rad",
    Severity.ERROR,
    FAMILY,
    "En rad i fremdriftsplanens tabell mangler delmål, tiltak, ansvarlig eller kryss.",
    "I et levert dokument skal hver utfylte rad ha delmål, tiltak og ansvarlig, og et kryss "
    "(x) i minst én måned. Helt tomme rader fra malen overses. Utkast får ikke denne "
    "meldingen.",
    "| Flere søkere | Sommerskole |  |  |  |",
    "| Flere søkere | Sommerskole | Kari Nordmann | x |  |",
)

JV210 = Rule(
    "JV210",
    "tomt-felt",
    Severity.WARNING,
    FAMILY,
    "Et felt øverst i et levert dokument er tomt.",
    "Malen har lagt inn feltet (gruppeleder, effektmål, resultatmål, timer …) for at teamet "
    "skal fylle det ut. Når dokumentet er levert, skal det ha en verdi; rapporten henter den "
    "derfra. Utkast får ikke denne meldingen.",
    'status: levert\neffektmål: ""',
    "status: levert\neffektmål: Alle faste stillinger besatt med fagutdannede innen 2020",
)

RULES = (JV201, JV202, JV203, JV204, JV205, JV206, JV207, JV208, JV209, JV210, JV211)

TABLE_COLUMNS = ("delmål", "tiltak", "ansvarlig")


def check_body(
    body: Body, match: SectionMatch, spec: TypeSpec, delivered: bool, sink: Sink
) -> None:
    """Sections, prompts, length and the plan table of one document's body."""
    matched = match.matched  # a property that builds the dict: once per document
    if spec.headings and not matched:
        _report_no_sections(match, spec.headings, sink)
    else:
        _check_titles(match, matched, spec.headings, sink)
        _check_order(match, matched, spec.headings, sink)
    _check_stray_headings(match, matched, sink)
    _check_sections(body, match, matched, spec, delivered, sink)
    if delivered:
        _check_preamble(body, match, sink)
    if spec.doctype.max_pages:
        _check_length(body, spec.doctype.max_pages, sink)


def _report_no_sections(match: SectionMatch, headings: list[str], sink: Sink) -> None:
    found = match.found
    sink.add(
        JV201,
        found[0].line if found else None,
        "Dokumentet har ingen av seksjonene dokumenttypen krever: "
        + ", ".join(f"«## {title}»" for title in headings)
        + ". Lag dokumentet fra malen med «jv scaffold» og flytt teksten inn i seksjonene.",
    )


def _check_titles(
    match: SectionMatch, matched: dict[int, int], headings: list[str], sink: Sink
) -> None:
    """Titles that differ a little, and sections that are missing."""
    found, exact, approx = match.found, match.exact, match.approx
    for e_index, title in enumerate(headings):
        if e_index in approx:
            heading = found[approx[e_index]]
            sink.add(
                JV202,
                heading.line,
                f"Overskriften «## {heading.text}» skal være «## {title}», nøyaktig slik "
                "dokumenttypen definerer den.",
            )
        elif e_index not in exact:
            later = [
                found[matched[i]].line for i in range(e_index + 1, len(headings)) if i in matched
            ]
            where = min(later) if later else None
            sink.add(
                JV201,
                where,
                f"Seksjonen «## {title}» mangler. Legg den inn"
                + (" foran denne overskriften." if where else " etter de andre seksjonene.")
                + " Har du gitt den et annet navn, bruk overskriften slik den står her.",
            )


def _check_order(
    match: SectionMatch, matched: dict[int, int], headings: list[str], sink: Sink
) -> None:
    found = match.found
    highest, highest_title = -1, ""
    for e_index, title in enumerate(headings):
        if e_index not in matched:
            continue
        position = matched[e_index]
        if position < highest:
            sink.add(
                JV203,
                found[position].line,
                f"Seksjonen «{title}» står foran «{highest_title}», men skal stå etter den. "
                "Flytt seksjonene til rekkefølgen i malen.",
            )
        else:
            highest, highest_title = position, title


def _check_stray_headings(match: SectionMatch, matched: dict[int, int], sink: Sink) -> None:
    """Level-2 headings that are not sections of the type."""
    if len(matched) == len(match.found):  # each heading matched (to one section each)
        return
    known = set(matched.values())
    for f_index, heading in enumerate(match.found):
        if f_index not in known:
            sink.add(
                JV204,
                heading.line,
                f"«## {heading.text}» er ikke en seksjon i dokumenttypen. Bruk ### for "
                "underoverskrifter inne i en seksjon, eller slett overskriften.",
            )


def _check_sections(
    body: Body,
    match: SectionMatch,
    matched: dict[int, int],
    spec: TypeSpec,
    delivered: bool,
    sink: Sink,
) -> None:
    """The content of each section found: the plan table, or the team's own text."""
    found, headings = match.found, spec.headings
    # each section runs to the next heading of level 1 or 2
    ends = {heading.at: end for heading, end in body.sections(2)}
    for e_index, section in enumerate(spec.sections):
        f_index = matched.get(e_index)
        if f_index is None:
            continue
        heading = found[f_index]
        start, end = heading.end, ends[heading.at]
        if section.table:
            _check_table(body, heading, start, end, delivered, sink, headings[e_index])
        elif delivered:
            _check_filled(body, heading, start, end, sink, headings[e_index])
        check_report_section(body, section, headings[e_index], start, end, sink)


def _check_preamble(body: Body, match: SectionMatch, sink: Sink) -> None:
    """The template's prompt left between the title and the first section."""
    found = match.found
    title_end = body.headings[0].end if body.headings and body.headings[0].level == 1 else 0
    first = found[0].at if found else len(body.lines)
    prompt = body.prompt_in(title_end, first)
    if prompt is not None:
        sink.add(
            JV206,
            body.line(prompt),
            "Veiledningen fra malen står igjen øverst i dokumentet. Slett den før "
            "dokumentet leveres.",
        )


def _check_length(body: Body, max_pages: int, sink: Sink) -> None:
    limit = max_pages * WORDS_PER_PAGE
    # count only when it can matter: n words take at least 2n - 1 characters, and there are
    # fewer words than spaces and newlines
    text = body.text
    words = 0
    if len(text) >= 2 * limit and text.count(" ") + text.count("\n") >= limit:
        words = body.words()
    if words > limit:
        pages = math.ceil(words / WORDS_PER_PAGE)
        sink.add(
            JV207,
            None,
            f"Dokumentet har {words} ord, omtrent {plural(pages, 'side', 'sider')} regnet med "
            f"{WORDS_PER_PAGE} ord per side; grensen er {plural(max_pages, 'side', 'sider')} "
            f"({limit} ord). Kort ned teksten.",
        )


def _left_prompt(body: Body, start: int, end: int, sink: Sink, title: str) -> None:
    prompt = body.prompt_in(start, end)
    if prompt is not None:
        sink.add(
            JV206,
            body.line(prompt),
            f"Veiledningen fra malen står igjen i seksjonen «{title}». Slett den før "
            "dokumentet leveres.",
        )


def _check_filled(
    body: Body, heading: Heading, start: int, end: int, sink: Sink, title: str
) -> None:
    if body.has_text(start, end):
        _left_prompt(body, start, end, sink, title)
        return
    prompt = body.prompt_in(start, end)
    what = "har bare veiledningen fra malen" if prompt is not None else "er tom"
    sink.add(
        JV205,
        heading.line,
        f"Seksjonen «{title}» {what}, men dokumentet er levert. Skriv teamets tekst i "
        "seksjonen" + (" og slett veiledningen." if prompt is not None else "."),
    )


def _check_table(
    body: Body, heading: Heading, start: int, end: int, delivered: bool, sink: Sink, title: str
) -> None:
    table: Table | None = body.table_in(start, end)
    if table is None:
        sink.add(
            JV208,
            heading.line,
            f"Seksjonen «{title}» skal ha en tabell med kolonnene Delmål, Tiltak, Ansvarlig og "
            "én kolonne per måned i perioden, med en linje som |---|---| under overskriftene.",
        )
        return
    header = table.header
    names = [c.strip("*_ ").casefold() for c in header[:3]]
    if names != list(TABLE_COLUMNS) or len(header) < 4:
        problem = (
            "har ingen kolonner for månedene"
            if names == list(TABLE_COLUMNS)
            else f"starter med «{' | '.join(header[:3])}»"
        )
        sink.add(
            JV208,
            table.line,
            f"Tabellen {problem}. Den skal ha kolonnene Delmål | Tiltak | Ansvarlig og deretter "
            "én kolonne per måned i perioden.",
        )
        return
    if not delivered:  # the rows are checked in a delivered document only
        return
    filled = 0
    for line_no, cells in table.rows:
        if not any(cells):
            continue
        filled += 1
        # mostly: delmål, tiltak, ansvarlig and a month marked (a shorter row is padded
        # with empty cells below, which mark nothing)
        if len(cells) > 3 and cells[0] and cells[1] and cells[2] and any(cells[3:]):
            continue
        cells = cells + [""] * (len(header) - len(cells))
        missing = [header[i] for i in range(3) if not cells[i]]
        marked = any(cells[3:])
        if missing or not marked:
            parts = []
            if missing:
                parts.append(" og ".join(m.lower() for m in missing) + " mangler")
            if not marked:
                parts.append("ingen måned er krysset av (sett x i månedene tiltaket pågår)")
            sink.add(
                JV209,
                line_no,
                f"Raden i tabellen er ikke fullstendig: {'; '.join(parts)}.",
            )
    if filled == 0:
        prompt = body.prompt_in(start, end)
        sink.add(
            JV205,
            heading.line,
            f"Tabellen i «{title}» har ingen utfylte rader, men dokumentet er levert. Skriv "
            "delmål, tiltak og ansvarlig, og kryss av månedene."
            + (" Slett veiledningen." if prompt is not None else ""),
        )
    else:
        _left_prompt(body, start, end, sink, title)

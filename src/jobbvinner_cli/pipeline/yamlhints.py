"""What libyaml's parse errors mean, in Norwegian, with what to do about them."""

from __future__ import annotations

import yaml


def explain_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    hints = {
        "mapping values are not allowed": (
            "Et kolon (:) midt i en verdi forvirrer YAML. Sett hele verdien i anførselstegn, "
            'for eksempel effektmål: "Mål: flere søkere".'
        ),
        "found character that cannot start any token": (
            "Et tegn her kan ikke starte en verdi. Ofte er det et tabulatortegn i innrykket "
            "(bruk mellomrom), eller en verdi som begynner med @ eller ` (sett den i anførselstegn)."
        ),
        "could not find expected ':'": (
            "En linje mangler kolon etter nøkkelen, eller et anførselstegn er ikke lukket."
        ),
        "found unexpected end of stream": "Et anførselstegn eller en klammeparentes er ikke lukket.",
        "found undefined alias": "Henvisninger (*navn) er ikke tillatt.",
        "block sequence entries are not allowed": (
            "En linje som begynner med «- » (et punkt i en liste) står der det skulle vært en "
            "verdi. Sett verdien i anførselstegn, eller skriv lista på egne linjer under nøkkelen."
        ),
        "found a tab character": "Innrykket har et tabulatortegn. Bruk mellomrom i stedet.",
        "did not find expected <document start>": (
            "En linje står uten innrykk der YAML ikke venter den (ofte tekst som hører til "
            "linjen over, eller et innrykk som mangler)."
        ),
        "found unknown escape character": (
            "En omvendt skråstrek (\\) i en verdi i doble anførselstegn må skrives to ganger "
            "(\\\\), eller bruk enkle anførselstegn."
        ),
        "expected alphabetic or numeric character": (
            "En verdi som begynner med & eller * leses som et YAML-anker. Sett verdien i "
            "anførselstegn."
        ),
        "found undefined tag handle": "En verdi som begynner med ! leses som et typemerke. "
        "Sett verdien i anførselstegn.",
    }
    for key, hint in hints.items():
        if key in problem:
            return f"Ugyldig YAML: {hint}"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "Ugyldig YAML: innrykket stemmer ikke. Sjekk at nøklene på samme nivå står rett under hverandre."
    return f"Ugyldig YAML ({problem or exc.context or 'ukjent feil'}). Sjekk innrykk, kolon og anførselstegn."

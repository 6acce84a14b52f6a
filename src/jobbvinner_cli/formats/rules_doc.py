"""The rule table as JSON and as Markdown (docs/rules.md is `jv check --list-rules --format md`)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from jobbvinner_cli.check.registry import FAMILIES, RULES
from jobbvinner_cli.diagnostics import Rule


def by_family() -> Iterator[tuple[str, list[Rule]]]:
    for family in FAMILIES:
        yield family, [r for r in RULES.values() if r.family == family]


def rules_json() -> str:
    return json.dumps(
        [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "family": r.family,
                "summary": r.summary,
                "explanation": r.explanation,
                "failing_example": r.bad,
                "passing_example": r.good,
            }
            for r in RULES.values()
        ],
        ensure_ascii=False,
        indent=2,
    )


def _fence(text: str) -> str:
    return f"```\n{text}\n```"


def rules_markdown() -> str:
    lines = [
        "# Reglene i `jv check`",
        "",
        "<!-- Generert fra regeltabellen (src/jobbvinner_cli/check/registry.py) med",
        "     `jv check --list-rules --format md > docs/rules.md`. Ikke rediger for hånd. -->",
        "",
        "`jv check` sjekker piloten: pilot.yaml, team.yaml og teamenes dokumenter. Hver regel har "
        "en fast kode og en standard alvorlighetsgrad: **feil** (error) gir exit-kode 1, "
        "**advarsel** (warning) gir exit-kode 1 bare med `--strict`, og **merknad** (info) er "
        "bare til opplysning.",
        "",
        "Exit-koder: 0 ingen feil (advarsler tillatt), 1 feil funnet (eller advarsler med "
        "`--strict`), 2 sjekken kunne ikke kjøres (ingen pilot funnet, ugyldige valg, pilot.yaml "
        "kan ikke leses).",
        "",
        "En regel slås av med `--ignore KODE`, eller per fil i pilot.yaml:",
        "",
        "```yaml",
        "ignorer:",
        '  - {sti: "teams/bodo/*", kode: JV502}',
        "```",
        "",
        "eller i dokumentet selv, med en kommentar: `<!-- jv-ignore JV502 -->` slår av regelen "
        "på linjen kommentaren står på og på neste linje, og `<!-- jv-ignore-file JV502 -->` "
        "i hele filen. Flere koder skilles med mellomrom eller komma, og `*` virker (`JV5*`).",
        "",
        "| Kode | Navn | Alvorlighet | Beskrivelse |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.label} | {r.summary} |"
        for r in RULES.values()
    ]
    for family, rules in by_family():
        lines += ["", f"## {family}"]
        for r in rules:
            lines += [
                "",
                f"### {r.code}",
                "",
                f"**{r.name}** – {r.severity.label}. {r.summary}",
                "",
                r.explanation,
                "",
                "Feiler:",
                "",
                _fence(r.bad),
                "",
                "Består:",
                "",
                _fence(r.good),
            ]
    return "\n".join(lines) + "\n"

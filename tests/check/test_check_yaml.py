"""The YAML reader: the fast path for plain front matter gives exactly the full parser's tree."""

from __future__ import annotations

import random

import pytest

from jobbvinner_cli.pipeline.frontmatter import split_front_matter
from jobbvinner_cli.pipeline.yamltext import (
    MAX_DEPTH,
    YamlTextError,
    _parse_simple,
    parse_yaml_full,
    parse_yaml_text,
)

FRONT = """type: statusrapport
team: froya
kommune: "Frøya"
nr: 2
periode:
  fra: 2018-02-27
  til: 2018-06-14
frist: 2018-06-04
sendes_til: "Per Hansen (per.hansen@ks.no)"
status: utkast  # utkast eller levert
levert:  # datoen dokumentet ble sendt
gruppeleder: 'Kari Nordmann'
effektmål: ""  # fra hovedplanen
resultatmål: []
timer: 8
ekstra: {}
"""

# block lists, as in every team.yaml and the documents with lists of goals
LISTS = """kommune: Frøya
resultatmål:
- Kompetanse, stillingsstørrelse og
  turnus er kartlagt
- Alle har en plan # c
medlemmer:
- navn: Synnøve Strøm
  rolle: Virksomhetsleder
  leder: true
  verv:
  - a
  - b
-   navn: Gisle
    epost:
- navn: x
periode:
  uker:
    - 1
    - 2
  til: 2018-06-14
fritak: []
"""

SNIPPETS = [
    "",
    "  ",
    " # c",
    "#c",
    '"q"',
    "'q'",
    '"a\\"b"',
    "'it''s'",
    "[]",
    "{}",
    "[a]",
    "{a: 1}",
    "- x",
    "no",
    "0301",
    "a: b",
    "a:b",
    "x #y",
    "x#y",
    "&a x",
    "*a",
    "!!str x",
    "|",
    ">",
    "%x",
    "@x",
    "`x",
    '"unclosed',
    "'unclosed",
    "\t",
    "\tx",
    "a\tb",
    "-5",
    "- ",
    "?",
    "? x",
    ":",
    "::",
    '"a" x',
    '"a" # c',
    "'a'#c",
    "~",
    "null",
    "ä",
    "\x07",
    "\ufeff",
    "...",
    "---",
    "  - a",
    "x:",
    "x: ",
    "é: 1",
    "2019: x",
    "<<: x",
    '"a"b',
    "\u00a0",
    "  y: 1",
    "    z: 2",
    "  og mer tekst",  # the next line of a wrapped value, or not
    "   videre.",
    "  a:b c",
    "  tekst #1",
    "  slutt:",
    "  x ? y",
    "- navn: x",
    "  - navn: x",
    "- - x",
    "-x",
    "-  y",
    "- 'q'",
    "- a: b: c",
    "  -",
    "- [a]",
    "- &a x",
    "    - z",
]


def _mutations(count: int, front: str = FRONT) -> list[str]:
    rng = random.Random(11)
    base = front.split("\n")
    texts = []
    for _ in range(count):
        lines = list(base)
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(lines))
            op = rng.random()
            key = lines[i].split(":", 1)[0]
            if op < 0.3:
                lines[i] += rng.choice(SNIPPETS)
            elif op < 0.6:
                lines[i] = f"{key}: {rng.choice(SNIPPETS)}"
            elif op < 0.75:
                lines.insert(i, rng.choice(SNIPPETS))
            elif op < 0.9:
                lines[i] = " " * rng.randint(0, 4) + lines[i].lstrip()
            else:
                del lines[i]
        texts.append("\n".join(lines))
    return texts


def _full(text: str) -> object:
    try:
        return parse_yaml_full(text)
    except YamlTextError as exc:
        return ("error", exc.kind)


def test_fast_path_agrees_with_the_full_parser() -> None:
    taken = 0
    for text in [FRONT, *_mutations(5000)]:
        simple = _parse_simple(text)
        if simple is not False:
            taken += 1
            assert simple == _full(text), text
    assert taken > 1000  # the comparison covered many texts the fast path accepts


def test_fast_path_with_block_lists_agrees_with_the_full_parser() -> None:
    taken = 0
    for text in [LISTS, *_mutations(5000, LISTS)]:
        simple = _parse_simple(text)
        if simple is not False:
            taken += 1
            assert simple == _full(text), text
    assert _parse_simple(LISTS) is not False
    assert taken > 500  # a random change breaks a list more often than a key: fewer taken


def test_scaffolded_front_matter_takes_the_fast_path(clean_template: object) -> None:
    from pathlib import Path

    root = Path(str(clean_template))
    for path in root.glob("teams/*/*.md"):
        front = split_front_matter(path.read_text(encoding="utf-8")).front_text
        assert front is not None
        assert _parse_simple(front) is not False, path


def test_a_plain_value_wrapped_over_lines_takes_the_fast_path() -> None:
    text = "effektmål: Færre slutter, og alle stillinger\n  er besatt.\ntimer: 3\n"
    simple = _parse_simple(text)
    assert simple is not False and simple is not None and simple == _full(text)
    assert simple.plain() == {
        "effektmål": "Færre slutter, og alle stillinger er besatt.",
        "timer": "3",
    }


def test_deep_block_nesting_is_refused() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5))
    with pytest.raises(YamlTextError) as info:
        parse_yaml_text(text)
    assert info.value.kind == "depth"


def test_deep_flow_nesting_names_the_line() -> None:
    with pytest.raises(YamlTextError) as info:
        parse_yaml_text("a: 1\nb: 2\nc: " + "[" * 100_000)
    assert (info.value.kind, info.value.line) == ("depth", 3)


def test_values_stay_text() -> None:
    tree = parse_yaml_text("kommunenr: 0301\nsvar: no\ntid: 08:30\n")
    assert tree is not None and tree.plain() == {"kommunenr": "0301", "svar": "no", "tid": "08:30"}

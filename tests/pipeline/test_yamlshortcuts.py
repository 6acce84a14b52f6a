"""The front matter reader's shortcuts give what the general path gives.

report_traps walks only to values that can be traps, and report_hidden skips the look for
hidden characters in a text the simple reader took: compared here with the full walk and
the full look they shortcut."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pydantic import BaseModel

from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.model.frontmatter import FrontMatter
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.model.team import Team
from jobbvinner_cli.pipeline.frontmatter import split_front_matter
from jobbvinner_cli.pipeline.yamlchars import _INVISIBLE, _NAMES, hidden_characters
from jobbvinner_cli.pipeline.yamlcheck import (
    _BOOL_WORDS,
    _TRAP_STARTS,
    JV111,
    _is_text,
    key_path,
    other_reading,
    report_traps,
)
from jobbvinner_cli.pipeline.yamltext import Node, YamlTextError, read_yaml_text

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pilot-orkdal"


def _every_trap(tree: Node, model: type[BaseModel], sink: Sink, offset: int) -> None:
    """The walk report_traps shortcuts: every value of the tree, each looked at."""
    stack: list[tuple[Node, tuple[str | int, ...]]] = [(tree, ())]
    while stack:
        node, path = stack.pop()
        if node.mapping is not None:
            stack.extend((child, (*path, key)) for key, child in node.mapping.items())
        elif node.sequence is not None:
            stack.extend((child, (*path, i)) for i, child in enumerate(node.sequence))
        elif (
            node.scalar
            and not node.quoted
            and (node.scalar[0] in _TRAP_STARTS or node.scalar in _BOOL_WORDS)
        ):
            shape = tuple(0 if isinstance(p, int) else p for p in path)
            reading = other_reading(node.scalar) if _is_text(model, shape) else None
            if reading is not None:
                sink.add(
                    JV111,
                    node.line + offset,
                    f"«{key_path(path)}: {node.scalar}» er tekst for jv, men andre YAML-lesere "
                    f"leser det som {reading}. Sett verdien i anførselstegn: "
                    f'{path[-1] if path and isinstance(path[-1], str) else "-"}: "{node.scalar}".',
                )


VALUES = ["0301", "yes", "Nei", "08:30", "1e3", "-1", ".inf", "0x1F", "1_000", "2019-06-04"]
VALUES += ["tekst", '"0301"', "'yes'", "", "7", "true", "~"]
KEYS = {
    FrontMatter: [
        *("type", "team", "kommune", "nr", "frist", "status", "levert", "gruppeleder"),
        *("effektmål", "resultatmål", "timer", "sendes_til", "ukjent", "periode"),
    ],
    Team: [
        *("kommune", "gruppeleder", "referansegruppe", "status", "ukjent", "fritak"),
        *("medlemmer", "frister", "trukket"),
    ],
}
INNER = ["navn", "rolle", "leder", "tillitsvalgt", "epost", "fra", "til", "dato", "grunn", "x"]


def _text(rng: random.Random, model: type[BaseModel]) -> str:
    lines = []
    for key in rng.sample(KEYS[model], rng.randint(1, len(KEYS[model]))):
        shape = rng.random()
        if shape < 0.5:
            lines.append(f"{key}: {rng.choice(VALUES)}")
        elif shape < 0.7:
            lines.append(f"{key}:")
            lines += [f"- {rng.choice(VALUES) or 'x'}" for _ in range(rng.randint(1, 3))]
        elif shape < 0.9:
            lines.append(f"{key}:")
            for _ in range(rng.randint(1, 3)):
                inner = rng.sample(INNER, rng.randint(1, 4))
                lines.append(f"- {inner[0]}: {rng.choice(VALUES)}")
                lines += [f"  {k}: {rng.choice(VALUES)}" for k in inner[1:]]
        else:
            lines.append(f"{key}:")
            inner = rng.sample(INNER, rng.randint(1, 4))
            lines += [f"  {k}: {rng.choice(VALUES)}" for k in inner]
    return "\n".join(lines) + "\n"


def _same_traps(text: str, model: type[BaseModel]) -> None:
    try:
        tree, _ = read_yaml_text(text)
    except YamlTextError:
        return
    if tree is None or tree.mapping is None:
        return
    fast, full = Sink("x"), Sink("x")
    report_traps(tree, model, fast, 1)
    _every_trap(tree, model, full, 1)
    assert fast.items == full.items, text


@pytest.mark.parametrize("model", [FrontMatter, Team])
def test_traps_found_as_the_full_walk_finds_them(model: type[BaseModel]) -> None:
    rng = random.Random(8)
    for _ in range(1500):
        _same_traps(_text(rng, model), model)


def test_traps_in_the_examples_as_the_full_walk() -> None:
    for path in sorted(EXAMPLE.rglob("*.md")):
        front = split_front_matter(path.read_text(encoding="utf-8")).front_text
        if front:
            _same_traps(front, FrontMatter)
            _same_traps(front.replace(": ", ": 0", 3), FrontMatter)
    for path in sorted(EXAMPLE.rglob("team.yaml")):
        text = path.read_text(encoding="utf-8")
        _same_traps(text, Team)
        _same_traps(text.replace("navn: ", "navn: 0"), Team)
    _same_traps((EXAMPLE / "pilot.yaml").read_text(encoding="utf-8"), Pilot)


def test_a_trap_in_a_list_of_members_is_still_found() -> None:
    sink = Sink("x")
    tree, _ = read_yaml_text("kommune: 0301\nmedlemmer:\n- navn: yes\n  leder: true\n")
    assert tree is not None
    report_traps(tree, Team, sink, 0)
    assert [(d.line, d.message[:20]) for d in sink.items] == [
        (3, "«medlemmer[1].navn: "),
        (1, "«kommune: 0301» er t"),
    ]


def test_every_hidden_character_is_one_the_simple_reader_refuses() -> None:
    # report_hidden skips the look where the simple reader took the text: it takes only
    # printable characters, and every character hidden_characters names is not printable
    hidden = [chr(c) for c in range(0x110000) if _INVISIBLE.match(chr(c))]
    assert hidden and all(not ch.isprintable() for ch in [*hidden, "\u00a0", *_NAMES])
    for ch in [*hidden, "\u00a0"]:
        text = f"type: plan\nkommune: Oslo{ch}\n"
        _, printable = read_yaml_text(text)
        assert not printable and list(hidden_characters(text)), repr(ch)


def test_a_text_the_simple_reader_took_has_no_hidden_characters() -> None:
    rng = random.Random(11)
    alphabet = "abcæøå: -#'\"\u00a0\u200b\u00ad\ufeff0\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        try:
            _, printable = read_yaml_text(text)
        except YamlTextError:
            continue
        if printable:
            assert list(hidden_characters(text)) == [], repr(text)

"""Sections matched to the type's titles: the shortcut for a body whose level-2 headings are
the type's titles in order gives what the general matching gives."""

from __future__ import annotations

import random

from jobbvinner_cli.pipeline.body import Body
from jobbvinner_cli.pipeline.document import match_sections, match_titles

TITLES = ["1. Beskriv kommunen", "2. Utfordringer", "3. Effektmål", "Tiltak", "Tiltak"]
OTHERS = ["1 Beskriv kommunen", "3. Effektmål:", "Litt om oss", "tiltak"]


def _state(match: object) -> object:
    return match.found, match.exact, match.approx  # type: ignore[attr-defined]


def test_the_shortcut_matches_as_the_general_matching_does() -> None:
    rng = random.Random(3)
    shortcut = 0
    for _ in range(3000):
        expected = rng.sample(TITLES, rng.randint(0, len(TITLES)))
        if rng.random() < 0.5:
            titles = list(expected)
        else:
            titles = [rng.choice(TITLES + OTHERS) for _ in range(rng.randint(0, 6))]
        levels = [2 if rng.random() < 0.8 else rng.choice([1, 3]) for _ in titles]
        text = "\n\n".join(
            f"{'#' * level} {title}" for level, title in zip(levels, titles, strict=True)
        )
        body = Body(text, 1)
        found = [h for h in body.headings if h.level == 2]
        shortcut += [h.text for h in found] == expected
        assert _state(match_sections(body, expected)) == _state(match_titles(found, expected))
    assert shortcut > 1000  # the shortcut was taken often

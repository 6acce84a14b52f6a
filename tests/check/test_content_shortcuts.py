"""Shortcuts in the body's checks give what the longer way gives: each section's end, and
the word count of a document that may be too long."""

from __future__ import annotations

import random

from jobbvinner_cli.check.content import JV207, _check_length, _section_ends
from jobbvinner_cli.check.limits import WORDS_PER_PAGE
from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.pipeline.body import Body

LINES = ["# Tittel", "## 1. Seksjon", "## 2. Seksjon", "### Under", "#### Dypere", "Tekst.", ""]


def test_section_ends_are_those_of_body_sections() -> None:
    rng = random.Random(4)
    for _ in range(3000):
        text = "\n".join(rng.choice(LINES) for _ in range(rng.randint(0, 14)))
        body = Body(text, 1)
        assert _section_ends(body) == {h.at: end for h, end in body.sections(2)}, repr(text)


def _length_codes(words: int, max_pages: int) -> list[str]:
    sink = Sink("teams/froya/hovedplan.md")
    # the shortest text of that many words: one letter each, one space between
    _check_length(Body(" ".join(["a"] * words), 1), max_pages, sink)
    return [d.code for d in sink.items]


def test_one_word_over_the_limit_is_too_long_however_short_the_text() -> None:
    for pages in (1, 2, 3):
        limit = pages * WORDS_PER_PAGE
        assert _length_codes(limit, pages) == []
        assert _length_codes(limit + 1, pages) == [JV207.code]

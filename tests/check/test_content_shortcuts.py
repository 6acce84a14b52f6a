"""Shortcuts in the body's checks give what the longer way gives: where each section ends,
and the word count of a document that may be too long."""

from __future__ import annotations

import random

from jobbvinner_cli.check.content import JV207, _check_length
from jobbvinner_cli.check.limits import WORDS_PER_PAGE
from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.pipeline.body import Body, Heading

LINES = ["# Tittel", "## 1. Seksjon", "## 2. Seksjon", "### Under", "#### Dypere", "Tekst.", ""]


def _sections(body: Body, level: int) -> list[tuple[Heading, int]]:
    """Body.sections as it is defined: each heading of ``level`` with the line of the next
    heading of that level or higher (or the end)."""
    stops = [h for h in body.headings if h.level <= level]
    return [
        (h, stops[i + 1].at if i + 1 < len(stops) else len(body.lines))
        for i, h in enumerate(stops)
        if h.level == level
    ]


def test_sections_end_where_the_definition_says() -> None:
    rng = random.Random(4)
    for _ in range(3000):
        text = "\n".join(rng.choice(LINES) for _ in range(rng.randint(0, 14)))
        body = Body(text, 1)
        for level in (1, 2, 3):
            assert body.sections(level) == _sections(body, level), repr(text)


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

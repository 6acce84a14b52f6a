"""A report-role section as a table cell: every list form and the prose, in order."""

from __future__ import annotations

from jobbvinner_cli.pipeline.body import Body
from jobbvinner_cli.pipeline.cells import escape_start, section_cell


def cell(text: str, first_line: int = 10) -> tuple[str, list[tuple[int, str]]]:
    body = Body(text, first_line)
    found = section_cell(body, 0, len(body.lines))
    return found.markdown, found.left_out


def test_word_bullets_become_a_list_with_their_levels() -> None:
    markdown, left_out = cell("• Første\n\uf0b7 Andre\no\tunder andre\n▪ tredje nivå\n• Siste\n")
    assert markdown == "- Første\n- Andre\n  - under andre\n    - tredje nivå\n- Siste"
    assert left_out == []


def test_a_level_cannot_be_skipped_and_lines_continue_their_item() -> None:
    markdown, _ = cell("▪ dypt uten forelder\n• neste punkt\nfortsetter her\n")
    assert markdown == "- dypt uten forelder\n- neste punkt fortsetter her"


def test_prose_numbered_and_nested_lists_keep_their_order() -> None:
    markdown, _ = cell(
        "Innledning over\nto linjer.\n\n3. tre\n4. fire\n   - under fire\n\nAvslutning.\n"
    )
    assert markdown == (
        "Innledning over to linjer.\n\n3. tre\n4. fire\n   - under fire\n\nAvslutning."
    )


def test_prompts_and_comments_are_not_content() -> None:
    markdown, _ = cell("> **Veiledning:** Skriv her.\n\n<!-- notat -->\n\n- Punkt\n")
    assert markdown == "- Punkt"


def test_what_a_cell_cannot_show_is_named_with_its_line() -> None:
    markdown, left_out = cell(
        "- Punkt\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nkode\n```\n\n![Bilde](x.png) Tekst\n"
    )
    assert markdown == "- Punkt\n\nTekst"
    assert left_out == [(12, "table"), (16, "code"), (20, "image")]


def test_text_that_starts_like_a_list_item_is_escaped() -> None:
    assert escape_start("1. samling i Orkdal") == "1\\. samling i Orkdal"
    assert escape_start("15) oktober") == "15\\) oktober"
    assert escape_start("- x") == "\\- x"
    assert escape_start("15.–16. oktober") == "15.–16. oktober"
    assert escape_start("2019 var et godt år") == "2019 var et godt år"


def test_the_quick_answer_agrees_with_the_full_reading() -> None:
    from jobbvinner_cli.pipeline.cells import left_out

    for text in (
        "- Punkt\n- Punkt to\n\nTekst.\n",
        "- Punkt\n\n  | a |\n  |---|\n  | 1 |\n",
        "- Punkt\n\n      kode i punktet\n",
        "Tekst\n\n---\n\nMer\n",
        "- Punkt <b>fet</b>\n",
        "![x](y.png)\n",
    ):
        body = Body(text, 1)
        assert left_out(body, 0, len(body.lines)) == section_cell(body, 0, len(body.lines)).left_out

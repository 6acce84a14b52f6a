"""The one Markdown reading of a body: what is a heading, a prompt, a comment, a table, a list."""

from __future__ import annotations

from jobbvinner_cli.pipeline.body import Body, demote_headings

BODY = """# Statusrapport 1 – Bodø

> **Veiledning:** Skriv hva dere har gjort.
> Slett veiledningen før dere leverer.

## 1. Tiltak {.unnumbered}

Teamet har jobbet med dette.

```
## 2. Ikke en overskrift
- ikke et punkt
```

<!-- en kommentar
over to linjer -->

- Første tiltak
  fortsetter her
  - et underpunkt
- Andre tiltak

1. Nummerert
2) også nummerert

| Delmål | Tiltak | Ansvarlig | Mars |
|---|---|---|---|
| Rekruttere | Stand på skolen \\| messe | Kari | x |
| | | | |

Setext-overskrift
---

## 3. Siste ##
"""


def test_headings_are_found_by_the_markdown_structure() -> None:
    body = Body(BODY, 10)
    assert [(h.line, h.level, h.text) for h in body.headings] == [
        (10, 1, "Statusrapport 1 – Bodø"),
        (15, 2, "1. Tiltak"),
        (40, 2, "Setext-overskrift"),
        (43, 2, "3. Siste"),
    ]
    assert [(heading.text, end) for heading, end in body.sections(2)] == [
        ("1. Tiltak", 30),
        ("Setext-overskrift", 33),
        ("3. Siste", 35),
    ]


def test_prompts_comments_and_code_are_not_text() -> None:
    body = Body(BODY, 1)
    assert body.prompts == [(2, 4)]
    assert body.comments == [(14, 16)]
    assert [b.kind for b in body.blocks] == [
        "heading", "quote", "heading", "paragraph", "code", "html", "list", "list", "list",
        "table", "heading", "heading",
    ]  # fmt: skip
    assert not body.has_text(2, 4) and not body.has_text(14, 16)
    assert body.prompt_in(0, 5) == 2 and body.prompt_in(5, 30) is None
    assert "Veiledning" not in body.clean(0, 10) and "kommentar" not in body.clean(0, 20)
    assert "kommentar" in body.clean(0, 20, comments=False)


def test_lists_keep_their_items_and_nesting() -> None:
    body = Body(BODY, 1)
    assert [(item.line, item.text) for item in body.items_in(0, 30)] == [
        (18, "Første tiltak\nfortsetter her\n- et underpunkt"),
        (21, "Andre tiltak"),
        (23, "Nummerert"),
        (24, "også nummerert"),
    ]
    assert body.prose_in(5, 30) == "Teamet har jobbet med dette."


def test_a_table_is_read_cell_by_cell() -> None:
    table = Body(BODY, 1).table_in(5, 30)
    assert table is not None
    assert table.line == 26
    assert table.header == ["Delmål", "Tiltak", "Ansvarlig", "Mars"]
    assert table.rows == [
        (28, ["Rekruttere", "Stand på skolen | messe", "Kari", "x"]),
        (29, ["", "", "", ""]),
    ]


def test_words_leave_out_prompts_comments_and_markup() -> None:
    assert Body("Tre ord her\n\n> **Veiledning:** fem ord til her\n\n- | #", 1).words() == 3


def test_headings_are_pushed_down_as_atx_headings() -> None:
    body = Body(BODY, 1)
    text = demote_headings(body, 2, len(body.lines), 1)
    assert "## 2. Ikke en overskrift" in text  # code stays code
    assert "### Setext-overskrift\n\n" in text
    assert "### 3. Siste" in text and "### 1. Tiltak" in text


def test_non_ascii_text_keeps_its_lines() -> None:
    body = Body("Æøå æøå\n\n## Bø i Vesterålen\n\nÅ være\n", 3)
    assert [(h.line, h.text) for h in body.headings] == [(5, "Bø i Vesterålen")]
    assert body.blocks[-1].start == 4

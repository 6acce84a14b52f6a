"""The line scanner finds the blocks pulldown-cmark finds, or leaves the body to it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import jobbvinner_cli.pipeline.body as body_module
from jobbvinner_cli.pipeline.body import Body
from jobbvinner_cli.pipeline.bodyfast import simple_blocks
from jobbvinner_cli.pipeline.frontmatter import split_front_matter

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pilot-orkdal"

# Lines the scanner reads, and lines next to which it must give up or read right.
LINES = [
    *("", "", "", "  ", "\t"),
    *("Tekst.", "x | y", "*kursiv*", "**fet**", "+47 912", "_e_", "#tag", "####### sju"),
    *("2018 var året", "3.samling", "(parentes)", '"sitat"', "\u00a0hardt", "a\\", "tekst  "),
    *("# Tittel", "## 1. Seksjon ##", "### Med {.attr}", "#", "##\tTab"),
    *("- a", "- b", "* a", "+ a", "1. en", "2. to", "1) en", "3) tre", "- *k*", "- 1. x"),
    *("- ", "-", "*", "1.", "- - -", "* * *", "***", "___", "---", "--", "===", "-ikke"),
    *("  innrykk", "    kode", "  - under", "\t- tab", "```", "~~~", "[lenke]: /x", "[a](b) c"),
    *("> **Veiledning:** Skriv.", "> mer", ">", "> ", ">> dypere", "> - liste", "> # h"),
    *("<!-- kommentar -->", "<!-- start", "slutt -->", "-->", "<!-->", "<div>", "<br> x"),
    *("| Delmål | Tiltak | Mars |", "|---|---|---|", "|:-|:-:|--:|", "| a | b | c |"),
    *("| kort |", "| a | b | c | d |", "|  |  |  |", "| x", "|", "| ", "| a \\| b | c |"),
    *("| `k` | c | d |", "|---|", "a | b", "---|---", "\x0c", "tekst\rmer"),
    *("Æ og ø", "ønske", "| <b> | c | d |", "| [x] | c | d |", "|:--|--:|:-:|", "|a|b|c|"),
]

READ = LINES[: LINES.index("- ")] + [
    line for line in LINES if line.startswith(("> **", "> m", "<!-- ", "slutt", "|", "| ", "Æ"))
]


def _state(body: Body) -> object:
    blocks = [
        (b.kind, b.start, b.end, b.items, (b.table.line, b.table.header, b.table.rows))
        if b.table is not None
        else (b.kind, b.start, b.end, b.items)
        for b in body.blocks
    ]
    return body.headings, body.prompts, body.comments, blocks


def _by_parser(text: str, monkeypatch: pytest.MonkeyPatch) -> Body:
    with monkeypatch.context() as patched:
        patched.setattr(body_module, "simple_blocks", lambda *args: None)
        return Body(text, 3)


def _documents(count: int) -> list[str]:
    rng = random.Random(8)
    texts = []
    for _ in range(count):
        lines = [
            rng.choice(LINES if rng.random() < 0.1 else READ) for _ in range(rng.randint(1, 12))
        ]
        texts.append("\n".join(lines) + rng.choice(["", "\n", "\n\n"]))
    return texts


def _example_bodies() -> list[str]:
    bodies = []
    for path in sorted(EXAMPLE.rglob("*.md")):
        split = split_front_matter(path.read_text(encoding="utf-8"))
        bodies.append(split.body)
    return bodies


def test_the_scanner_finds_what_the_parser_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    scanned = 0
    for text in [*_example_bodies(), *_documents(20000)]:
        if simple_blocks(text, text.split("\n"), 3) is None:
            continue
        scanned += 1
        assert _state(Body(text, 3)) == _state(_by_parser(text, monkeypatch)), repr(text)
    assert scanned > 2500  # the comparison covered many bodies the scanner reads


def test_the_example_pilot_takes_the_scanner() -> None:
    bodies = _example_bodies()
    scanned = [text for text in bodies if simple_blocks(text, text.split("\n"), 1) is not None]
    assert len(scanned) >= len(bodies) - 8


@pytest.mark.parametrize(
    "text",
    [
        "Tekst\n---\n",  # a setext heading
        "    kode\n",
        "```\n# ikke en overskrift\n```\n",
        "- a\n  - under\n",
        "> sitat\nlat linje\n",
        "| a | b |\n|---|---|\n| x \\| y | z |\n",
        "<!-- aldri lukket\n",
        "[lenke]: /x\n",
    ],
)
def test_what_the_scanner_is_unsure_of_goes_to_the_parser(text: str) -> None:
    assert simple_blocks(text, text.split("\n"), 1) is None

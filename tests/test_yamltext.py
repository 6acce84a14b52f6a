from __future__ import annotations

from pathlib import Path

import pytest

from jobbvinner_cli.pipeline.yamltext import YamlTextError, parse_yaml_text


def test_scalars_stay_text_with_lines() -> None:
    tree = parse_yaml_text("kommunenr: 0301\nsvar: no\ntid: 08:30\nliste:\n  - a\n  - {b: 1}\n")
    assert tree is not None
    assert tree.plain() == {
        "kommunenr": "0301",
        "svar": "no",
        "tid": "08:30",
        "liste": ["a", {"b": "1"}],
    }
    assert tree.line_of(("liste", 1, "b")) == 6


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: &x 1\nb: *x\n", 1, "Ankeret"),
        ("a: 1\nb: 2\na: 3\n", 3, "to ganger: på linje 1 og her"),
        ("a: !!python/object:os.system 1\n", 1, "Typemerket"),
        ("a: b: c\n", 1, "kolon"),
        ("a: 1\n---\nb: 2\n", 2, "mer enn ett YAML-dokument"),
    ],
)
def test_refusals_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(YamlTextError) as info:
        parse_yaml_text(text)
    assert info.value.line == line
    assert words in info.value.message


def test_deep_nesting_is_refused_before_the_parser() -> None:
    with pytest.raises(YamlTextError, match="nøstet dypere"):
        parse_yaml_text("a: " + "[" * 100_000)


_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "pilot-orkdal"
_TRICKY = [
    "a: lang verdi\n  over to linjer\nb: 1\n",
    "liste:\n- a\n- b: 1\n  c: 2\n- [x, y]\n",
    "m:\n  - navn: Kari\n    navn: Ola\n",  # a key twice, in a list
    "a:\n  b: |\n    blokk\n    tekst\n  c: >\n    brettet\n",
    "a: \"to\n  linjer\"\nb: 'én'\nc: ~\nd: null\ne:\n",
    "? kompleks\n: nøkkel\n",
    "[1, 2]: verdi\n",
    "- - - dypt\n",
    "".join(" " * i + f"k{i}:\n" for i in range(45)) + " " * 45 + "x: 1\n",
    "a: 1\n...\n",
    "a:\n\tb: 1\n",
    "a: [1, 2\n",
    "tekst: «sitat» – æøå\n# kommentar\nb: 2 # også\n",
    "a: 1\n---\nb: 2\n",
    "a: !!str 1\n",
    "",
    "# bare en kommentar\n",
]


def _outcome(parse: object, text: str) -> object:
    try:
        return parse(text)  # type: ignore[operator]
    except YamlTextError as error:
        return (error.message, error.line, error.kind)


def _texts() -> list[str]:
    from jobbvinner_cli.pipeline.frontmatter import split_front_matter

    found = list(_TRICKY)
    for path in sorted(_EXAMPLE.rglob("*")):
        if path.suffix == ".yaml":
            found.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".md":
            front = split_front_matter(path.read_text(encoding="utf-8")).front_text
            found.append(front or "")
    return found


def test_fast_paths_give_the_full_readers_tree_or_error() -> None:
    from jobbvinner_cli.pipeline.yamltext import parse_yaml_full

    texts = _texts()
    assert len(texts) > 100
    for text in texts:
        assert _outcome(parse_yaml_text, text) == _outcome(parse_yaml_full, text), text


def test_wrapped_values_and_lists_take_the_composed_path() -> None:
    from jobbvinner_cli.pipeline.yamlfast import parse_composed
    from jobbvinner_cli.pipeline.yamltext import MAX_DEPTH, Node

    team = (_EXAMPLE / "teams" / "meldal" / "team.yaml").read_text(encoding="utf-8")
    for text in (team, _TRICKY[0], _TRICKY[1]):
        assert parse_composed(text, MAX_DEPTH, Node) is not False
    for text in (_TRICKY[2], _TRICKY[7], _TRICKY[8], "a: &x 1\n"):
        assert parse_composed(text, MAX_DEPTH, Node) is False

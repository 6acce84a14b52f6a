from __future__ import annotations

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
        ("a: 1\nb: 2\na: 3\n", 3, "to ganger (også på linje 1)"),
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

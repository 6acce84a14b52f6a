"""The second fast path of the strict YAML reader: libyaml builds the tree, in C.

Most real front matter is not «key: value» lines only: long values wrapped over two
lines, block lists, every team.yaml with its list of members. For those, reading the
parser's events one by one in Python (`yamltext.parse_yaml_full`) costs about four
times what libyaml's own composer (C) does. The composer's tree is used when nothing
in the text needs one of the full reader's refusals or messages: no anchors, aliases
or tags (no ``&``, ``*``, ``!`` at all), no deep nesting, no duplicate keys, no
collection as a key, one document, no error. Anything else returns False and the
full reader reads the text again, so every message stays the full reader's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

import yaml

if TYPE_CHECKING:
    from jobbvinner_cli.pipeline.yamltext import Node

try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _CParser = None

_IMPLICIT = "?"
# a sequence opened on the line of another ("- - x") nests without indentation
_COMPACT = re.compile(r"-[ \t]+-(?:[ \t]|$)", re.M)


if _CParser is not None:

    class _Composer(_CParser):  # type: ignore[misc, valid-type]
        """libyaml's composer without YAML 1.1 typing: every untagged node is implicit."""

        def resolve(self, kind: object, value: object, implicit: object) -> str:
            return _IMPLICIT

        def descend_resolver(self, parent: object, index: object) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None


def parse_composed(text: str, max_depth: int, node_type: type[Node]) -> Any:
    """The :class:`yamltext.Node` tree of ``text``, None for an empty one, or False when the
    full reader must read it (see the module)."""
    if _CParser is None or "&" in text or "*" in text or "!" in text:
        return False
    if text.count("[") + text.count("{") > max_depth or "\n" + " " * max_depth in text:
        return False
    if "- " in text and _COMPACT.search(text):
        return False
    try:
        composed = yaml.compose(text, Loader=_Composer)
    except (yaml.YAMLError, RecursionError):
        return False
    if composed is None:
        return None
    return _convert(composed, 0, max_depth, node_type)


def _convert(node: Any, depth: int, max_depth: int, node_type: type[Node]) -> Any:
    if node.tag != _IMPLICIT:
        return False
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return node_type(line=line, scalar=node.value, quoted=node.style in ("'", '"', "|", ">"))
    if depth >= max_depth:
        return False
    if isinstance(node, yaml.SequenceNode):
        items = []
        for child in node.value:
            item = _convert(child, depth + 1, max_depth, node_type)
            if item is False:
                return False
            items.append(item)
        return node_type(line=line, sequence=items)
    mapping: dict[str, Node] = {}
    result = node_type(line=line, mapping=mapping)
    key_lines = result.key_lines
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _IMPLICIT:
            return False
        key = key_node.value
        if key in mapping:
            return False
        value: Node | Literal[False] = _convert(value_node, depth + 1, max_depth, node_type)
        if value is False:
            return False
        key_lines[key] = key_node.start_mark.line + 1
        mapping[key] = value
    return result

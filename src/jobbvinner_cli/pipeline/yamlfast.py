"""The second fast path of the strict YAML reader: libyaml builds the tree, in C.

Front matter the first fast path (yamlsimple) does not take: flow lists, block scalars,
quoted values over several lines or as list items, lists in lists. For those, reading the
parser's events one by one in Python (`yamltext.parse_yaml_full`) costs about four
times what libyaml's own composer (C) does. The composer's tree is used when nothing
in the text needs one of the full reader's refusals or messages: no anchors, aliases
or tags (no ``&``, ``*``, ``!`` at all), no deep nesting, no duplicate keys, no
collection as a key, one document, no error. Anything else returns False and the
full reader reads the text again, so every message stays the full reader's.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    HAVE_C = False
else:
    HAVE_C = True

_IMPLICIT = "?"
# a sequence opened on the line of another ("- - x") nests without indentation
_COMPACT = re.compile(r"-[ \t]+-(?:[ \t]|$)", re.M)


if HAVE_C:

    class _Composer(CParser):
        """libyaml's composer without YAML 1.1 typing: every untagged node is implicit."""

        def resolve(self, kind: object, value: object, implicit: object) -> str:
            return _IMPLICIT

        def descend_resolver(self, parent: object, index: object) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None


def parse_composed(text: str, max_depth: int, node_type: type) -> Any:
    """The tree of ``text`` in ``node_type`` (`yamltext.Node`), None for an empty one, or
    False when the full reader must read it (see the module)."""
    if not HAVE_C or "&" in text or "*" in text or "!" in text:
        return False
    if text.count("[") + text.count("{") > max_depth or "\n" + " " * max_depth in text:
        return False
    if "- " in text and _COMPACT.search(text):
        return False
    loader = _Composer(text)
    try:
        composed = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return False
    finally:
        loader.dispose()
    if composed is None:
        return None
    return _convert(composed, 0, max_depth, node_type)


def _convert(node: Any, depth: int, max_depth: int, node_type: type) -> Any:
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
    mapping: dict[str, Any] = {}
    result = node_type(line=line, mapping=mapping)
    key_lines = result.key_lines
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _IMPLICIT:
            return False
        key = key_node.value
        if key in mapping:
            return False
        value = _convert(value_node, depth + 1, max_depth, node_type)
        if value is False:
            return False
        key_lines[key] = key_node.start_mark.line + 1
        mapping[key] = value
    return result

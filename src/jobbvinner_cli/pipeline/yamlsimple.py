"""The first fast path of the strict YAML reader: front matter of «key: value» lines.

Lines of «key: value» (nested by indentation), with plain, simply quoted or empty values,
plain values wrapped over several lines, block lists of plain values or of «key: value»
items (every team.yaml, and the documents with lists of goals), and comments: what almost
every document's front matter is. Anything else (flow collections, escapes, quoted values
over several lines or as list items, odd characters, duplicate keys, errors) returns False
and goes to the next reader
(yamlfast, then the full one), so the result is always the full parser's
(tests/check/test_check_yaml.py compares them).
"""

from __future__ import annotations

import re
from typing import Any

# Every line: indentation, key and a value that is plain, "double-quoted" (no escapes),
# 'single-quoted', [] or {}, or empty, then maybe a comment; or blank, or a comment.
# With re.M each line matches at most once, so a text is simple when every line matched.
# A key may follow a list item's «- » (in its indentation group); a list item's plain value
# is read as the next line of a wrapped value is (its indentation group has the «- »).
# Or the next line of a long plain value, wrapped and indented under its key.
# The most common line's alternatives come first (a key, a plain value), and «(…|)» stands
# for «(…)?»: the regex engine tries less for each line that way, with the same groups
# (no two alternatives match the same line).
_PLAIN = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`].*"
_SIMPLE_LINES = re.compile(
    r"^(?:( *(?:-[ ]+)?)([^\W\d][\w-]*):"
    r"(?:[ ]+(?:(" + _PLAIN + r")|(\"[^\"\\\n]*\")[ ]*(?:[ ]#.*)?|('[^'\n]*')[ ]*(?:[ ]#.*)?"
    r"|(\[\]|\{\})[ ]*(?:[ ]#.*)?|[ ]*(?:#.*)?)|)"
    r"|( *-[ ]+| +)(" + _PLAIN + r")"
    r"|[ ]*(?:#.*)?)$",
    re.M,
)


def _simple_lines(text: str) -> list[tuple[str, ...]] | None:
    """The regex groups of each line, or None when a line is not «key: simple value»."""
    if "\t" in text or not text.replace("\n", " ").isprintable():  # odd characters, tabs
        return None
    lines: list[tuple[str, ...]] = _SIMPLE_LINES.findall(text)
    if len(lines) != text.count("\n") + 1:
        return None
    return lines


def _dedent(stack: list[tuple[int, Any]], indent: int) -> bool:
    """Close the mappings nested deeper than ``indent``, and the lists a key at ``indent``
    ends (a list's items are its only content); False when no mapping has that indent."""
    while indent < stack[-1][0] or stack[-1][1].sequence is not None:
        stack.pop()
        if not stack:
            return False
    return indent == stack[-1][0]


def _nest(
    stack: list[tuple[int, Any]],
    pending: tuple[str, dict[str, Any]],
    indent: int,
    max_depth: int,
    child: Any,
) -> Any:
    """``child`` (a new list or mapping) as the value of the key ``pending`` left empty, open
    on the stack at ``indent``; None when that nests too deep."""
    if len(stack) >= max_depth:
        return None  # the full parser says what is wrong
    pending[1][pending[0]] = child  # in the empty value's place: the key order stays
    stack.append((indent, child))
    return child


def _open_list(
    stack: list[tuple[int, Any]],
    pending: tuple[str, dict[str, Any]] | None,
    indent: int,
    number: int,
    max_depth: int,
    node_type: type,
) -> Any:
    """The list an item «- » at ``indent`` on line ``number`` goes in: a new one as the
    value of the key ``pending`` left empty (its items may stand at the key's own
    indentation), or the open list at that indentation; None when unsure."""
    if pending is not None and indent >= stack[-1][0]:
        return _nest(stack, pending, indent, max_depth, node_type(line=number, sequence=[]))
    while indent < stack[-1][0]:
        stack.pop()
        if not stack:
            return None
    top_indent, top = stack[-1]
    return top if top_indent == indent and top.sequence is not None else None


def _list_item(
    stack: list[tuple[int, Any]],
    pending: tuple[str, dict[str, Any]] | None,
    wrapped: tuple[int, Any] | None,
    lead: str,
    plain: str,
    number: int,
    max_depth: int,
    node_type: type,
) -> Any:
    """The node of the list item on line ``number`` whose indentation and «- » are
    ``lead``: its ``plain`` value, or the mapping «- key: …» opens (then on the stack,
    where its keys stand); None when unsure."""
    indent = lead.index("-")
    if wrapped is not None and indent > wrapped[0]:
        return None  # the value's next line, or an error: the full parser knows
    items = _open_list(stack, pending, indent, number, max_depth, node_type)
    if items is None or len(stack) >= max_depth:
        return None
    if plain:
        value = _value(node_type, number, "", "", "", plain)
        if value is not None:
            items.sequence.append(value)
        return value
    item = node_type(line=number, mapping={})
    items.sequence.append(item)
    stack.append((len(lead), item))
    return item


def _fold(wrapped: tuple[int, Any] | None, indent: int, more: str) -> bool:
    """YAML folds the lines of a plain value into one, with a space: the next line of the
    value ``wrapped`` (its key's indentation, its node). False when unsure."""
    if wrapped is None or indent <= wrapped[0] or ": " in more or " #" in more:
        return False
    if more.endswith(":"):
        return False
    wrapped[1].scalar = f"{wrapped[1].scalar} {more}"
    return True


def _parent(
    stack: list[tuple[int, Any]],
    pending: tuple[str, dict[str, Any]] | None,
    indent: int,
    number: int,
    max_depth: int,
    node_type: type,
) -> Any:
    """The mapping a key at ``indent`` on line ``number`` goes in (a new one under the key
    ``pending`` left without a value, when it is indented more), or None when unsure."""
    if pending is not None and indent > stack[-1][0]:
        return _nest(stack, pending, indent, max_depth, node_type(line=number, mapping={}))
    # a sibling of the last key is the common case: no call for it
    if (indent != stack[-1][0] or stack[-1][1].sequence is not None) and not _dedent(stack, indent):
        return None
    return stack[-1][1]


def _value(node_type: type, number: int, double: str, single: str, empty: str, plain: str) -> Any:
    """The value on line ``number`` (one of the regex's groups is not empty, or none is);
    None when YAML might read it otherwise."""
    # positional arguments (line, scalar, quoted): a node for every value of every document
    if plain:
        if " #" not in plain and ": " not in plain and plain[-1] not in ": ":  # most
            return node_type(number, plain)
        cut = plain.find(" #")  # up to a comment, if any
        value = (plain[:cut] if cut >= 0 else plain).rstrip(" ")
        if ": " in value or value.endswith(":"):
            return None
        return node_type(number, value)
    if double or single:  # with its quotes, so that "" is not empty
        return node_type(number, (double or single)[1:-1], True)
    if empty:
        return (
            node_type(line=number, sequence=[])
            if empty == "[]"
            else node_type(line=number, mapping={})
        )
    return node_type(number, "")  # empty, unless the next line opens a mapping


def _plain_line(
    stack: list[tuple[int, Any]],
    pending: tuple[str, dict[str, Any]] | None,
    wrapped: tuple[int, Any] | None,
    more_indent: str,
    more: str,
    number: int,
    max_depth: int,
    node_type: type,
) -> tuple[bool, tuple[int, Any] | None]:
    """A line of a plain value alone: a list item «- value», or the next line of the
    plain value ``wrapped``. (False when unsure, the plain value the next line may go on)."""
    if "-" in more_indent:
        args = (more_indent, more, number, max_depth, node_type)
        node = _list_item(stack, pending, wrapped, *args)
        if node is None:
            return False, None
        return True, (more_indent.index("-"), node) if " #" not in more else None
    # (a key left without a value has no plain value to go on: _fold says no)
    return _fold(wrapped, len(more_indent), more.rstrip(" ")), wrapped


def parse_simple(text: str, max_depth: int, node_type: type) -> Any:
    """The tree of a simple YAML text in ``node_type`` (`yamltext.Node`), None for an empty
    one, False when it is not simple."""
    Node = node_type  # the class, by the name the code reads best with
    lines = _simple_lines(text)
    if lines is None:
        return False
    root = Node(line=1, mapping={})  # its line is its first key's
    stack: list[tuple[int, Any]] = [(0, root)]
    # a key without a value: empty, unless the next line opens a mapping under it
    pending: tuple[str, dict[str, Any]] | None = None
    number = 0
    wrapped: tuple[int, Any] | None = None  # a plain value the next line may go on with
    top_indent, top = stack[-1]  # where a sibling of the last key goes, kept at hand
    for indent_text, key, plain, double, single, empty, more_indent, more in lines:
        number += 1
        if more:  # a list item's plain value, or the next line of a wrapped one
            args = (more_indent, more, number, max_depth, Node)
            ok, wrapped = _plain_line(stack, pending, wrapped, *args)
            if not ok:
                return False
            pending = None
            top_indent, top = stack[-1]
            continue
        if not key:
            wrapped = None
            continue  # blank or comment
        indent = len(indent_text)
        if "-" in indent_text:  # «- key: value»: a list item, a mapping whose keys stand here
            parent = _list_item(stack, pending, wrapped, indent_text, "", number, max_depth, Node)
            pending = None
            if parent is None:
                return False
            top_indent, top = stack[-1]
        elif pending is None and indent == top_indent and top.mapping is not None:
            parent = top  # a sibling of the last key: most
        else:
            parent = _parent(stack, pending, indent, number, max_depth, Node)
            pending = None
            if parent is None:
                return False
            top_indent, top = stack[-1]
        mapping = parent.mapping
        if plain and " #" not in plain and ": " not in plain and plain[-1] not in ": ":
            value = Node(number, plain)  # most values: _value's first case, without the call
            wrapped = (indent, value)  # a plain value may go on on the next line
        else:
            value = _value(Node, number, double, single, empty, plain)
            # a comment ends a plain value; a key without a value may open a mapping
            wrapped = (indent, value) if plain and " #" not in plain else None
            if not (plain or double or single or empty):
                pending = (key, mapping)
        if value is None or key in mapping:
            return False  # YAML may read the value otherwise; a key twice: the full parser
        parent.key_lines[key] = number
        mapping[key] = value
    if not root.key_lines:
        return None  # blank lines and comments only
    root.line = next(iter(root.key_lines.values()))
    return root

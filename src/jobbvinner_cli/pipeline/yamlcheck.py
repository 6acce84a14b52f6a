"""YAML for the check: parse errors, schema problems, YAML 1.1 traps and unknown keys as diagnostics."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from jobbvinner_cli.diagnostics import Rule, Sink
from jobbvinner_cli.pipeline.problems import (
    JV106,
    JV107,
    JV108,
    JV109,
    JV111,
    JV112,
    JV113,
    JV114,
    JV115,
    JV116,
)
from jobbvinner_cli.pipeline.schema import (
    Problem,
    annotation_at,
    is_text_annotation,
    key_path,
    union_members,
    validate_lenient,
)
from jobbvinner_cli.pipeline.yamlchars import cut_by_comment, hidden_characters
from jobbvinner_cli.pipeline.yamltext import Node, YamlTextError, read_yaml_text

_KIND_CODES = {"duplicate": JV108, "refused": JV109, "depth": JV109}


def parse_tree(text: str, sink: Sink, offset: int) -> tuple[bool, Node | None]:
    """Parse YAML whose first line is file line ``offset + 1``; (ok, tree)."""
    try:
        tree, printable = read_yaml_text(text)
    except YamlTextError as exc:
        line = exc.line + offset if exc.line else offset + 1
        sink.add(_KIND_CODES.get(exc.kind, JV107), line, exc.worded(offset), column=exc.column)
        return False, None
    report_hidden(text, tree, sink, offset, printable=printable)
    return True, tree


def report_hidden(
    text: str, tree: Node | None, sink: Sink, offset: int, *, printable: bool = False
) -> None:
    """Warn where the text is not what it looks like: invisible characters, values cut short.
    ``printable``: every character of the text is known to be printable (no hidden one)."""
    if not printable:
        for line, message in hidden_characters(text):
            sink.add(JV111, line + offset, message)
    for line, key, written in cut_by_comment(text, tree):
        sink.add(
            JV111,
            line + offset,
            f"YAML leser « #» og resten av linjen som en kommentar, så verdien blir kortere enn "
            f"det som står. Er «#» en del av teksten, sett hele verdien i anførselstegn: "
            f'{key or "-"}: "{written}".',
        )


def problem_code(kind: str) -> Rule:
    """The rule for one of pydantic's error kinds."""
    if kind == "missing":
        return JV112
    if kind == "extra_forbidden":
        return JV116
    if kind.startswith(("date", "datetime")):
        return JV114
    if kind in ("dict_type", "model_type", "model_attributes_type") or kind.endswith(
        ("_type", "_parsing")
    ):
        return JV113
    return JV115


def _fields_at(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    ann = annotation_at(model, path) if path else model
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return list(ann.model_fields)
    return []


def _did_you_mean(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
    return f" Mente du «{close[0]}»?" if close else ""


def unknown_key_message(model: type[BaseModel], path: tuple[str | int, ...]) -> str:
    key = str(path[-1]) if path else ""
    hint = _did_you_mean(key, _fields_at(model, path[:-1]))
    return (
        f"«{key_path(path)}» er et felt jv ikke kjenner, og det blir ikke brukt.{hint} "
        "Rett stavemåten, eller fjern feltet."
    )


def value_column(
    lines: list[str] | None, line: int | None, offset: int, path: tuple[str | int, ...]
) -> int | None:
    """The 1-based column where the value at ``path`` starts on file line ``line``, when
    that line is «key: value» (or «- value») for it; None otherwise (a key that is missing)."""
    if lines is None or line is None or not path or not 0 <= line - offset - 1 < len(lines):
        return None
    text = lines[line - offset - 1]
    last = path[-1]
    pattern = (
        rf"[ ]*(?:-[ ]+)?{re.escape(last)}[ ]*:[ ]*" if isinstance(last, str) else r"[ ]*-[ ]+"
    )
    match = re.match(pattern, text)
    if match is None or match.end() >= len(text) or text[match.end()] == "#":
        return None
    return match.end() + 1


def report_problems(
    problems: list[Problem],
    model: type[BaseModel],
    sink: Sink,
    fallback_line: int,
    lines: list[str] | None = None,
) -> None:
    offset = fallback_line - 1
    for problem in problems:
        code = problem_code(problem.kind)
        message = problem.message
        if code == JV116:
            message = unknown_key_message(model, problem.path)
        if problem.kind == "dict_type" and not problem.path:
            code = JV106
            message = (
                "Innholdet må være nøkler med verdier («nøkkel: verdi» på hver linje), ikke en "
                "liste eller bare tekst."
            )
        column = value_column(lines, problem.line, offset, problem.path)
        sink.add(code, problem.line or fallback_line, message, column=column)


def validate(
    tree: Node | None, model: type[Any], sink: Sink, offset: int, text: str | None = None
) -> tuple[Any | None, list[Problem]]:
    """Lenient validation with every problem reported; returns (model or None, problems).
    With the YAML ``text``, a problem with a value also says the value's column."""
    result, problems = validate_lenient(tree, model, offset)
    if problems:
        lines = text.split("\n") if text is not None else None
        report_problems(problems, model, sink, offset + 1, lines)
    if tree is not None and tree.mapping is not None:
        report_traps(tree, model, sink, offset)
    return result, problems


@lru_cache(maxsize=32)
def field_names(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(model.model_fields)


def report_unknown_keys(tree: Node, model: type[BaseModel], sink: Sink, offset: int) -> None:
    """Unknown top-level keys of a model that allows them (front matter)."""
    if tree.mapping is None:
        return
    known = field_names(model)
    if tree.mapping.keys() <= known:
        return  # most documents: one look at all keys at once
    for key in tree.mapping:
        if key not in known:
            sink.add(
                JV116,
                tree.key_lines.get(key, tree.line) + offset,
                f"«{key}» er et felt jv ikke kjenner, og det blir ikke brukt."
                f"{_did_you_mean(key, sorted(known))} Rett stavemåten, eller fjern feltet.",
            )


# --- YAML 1.1 traps ----------------------------------------------------------------------

_TRUE_WORDS = frozenset({"y", "yes", "true", "on"})
_BOOL_WORDS = frozenset(
    w
    for base in ("y", "yes", "true", "on", "n", "no", "false", "off")
    for w in (base, base.capitalize(), base.upper())
)
_INT = re.compile(r"[-+]?[0-9][0-9_]*\Z")
_HEX = re.compile(r"[-+]?0x[0-9a-fA-F_]+\Z")
_SEXAGESIMAL = re.compile(r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z")
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?\Z"
    r"|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+\Z"
)
_TRAP_STARTS = frozenset("0123456789+-.")
_SPECIAL = frozenset({".inf", "-.inf", "+.inf", ".nan"})


def other_reading(value: str) -> str | None:
    """What other YAML readers make of a plain scalar, when it is not the same text."""
    if value in _BOOL_WORDS:
        return "sann (ja)" if value.lower() in _TRUE_WORDS else "usann (nei)"
    if _INT.match(value):
        digits = value.replace("_", "").lstrip("+")
        number = int(digits)
        if str(number) == value:
            return None
        unsigned = digits.lstrip("-")
        if len(unsigned) > 1 and unsigned.startswith("0") and set(unsigned) <= set("01234567"):
            octal = int(digits, 8)
            return f"tallet {octal} (YAML 1.1) eller {number} (YAML 1.2)"
        return f"tallet {number}"
    if _SEXAGESIMAL.match(value):
        sign = -1 if value.startswith("-") else 1
        parts = value.lstrip("+-").replace("_", "").split(":")
        total = 0.0
        for part in parts:
            total = total * 60 + float(part)
        shown = int(total) if total.is_integer() else total
        return f"tallet {sign * shown}"
    if _FLOAT.match(value):
        number_f = float(value.replace("_", ""))
        if repr(number_f) == value:
            return None
        return f"tallet {number_f:g}"
    if _HEX.match(value):
        return f"tallet {int(value.replace('_', ''), 16)}"
    if value.lower() in _SPECIAL:
        return "et spesielt flyttall"
    return None


@lru_cache(maxsize=512)
def _is_text(model: type[BaseModel], shape: tuple[str | int, ...]) -> bool:
    return is_text_annotation(annotation_at(model, shape))


@lru_cache(maxsize=512)
def _holds_text(model: type[BaseModel], shape: tuple[str | int, ...]) -> bool:
    """Whether any value at or under ``shape`` can be text (see `_reaches_text`)."""
    return _reaches_text(annotation_at(model, shape), 0)


def _reaches_text(annotation: Any, depth: int) -> bool:
    """Whether ``annotation`` or one `annotation_at` reaches from it (model fields, list
    items, dict values, union members) is text: where none is, no value can be a trap."""
    if annotation is None:
        return False
    if depth > 20 or is_text_annotation(annotation):
        return True  # a model that contains itself: looked at, as before
    for member in union_members(annotation) or (annotation,):
        if isinstance(member, type) and issubclass(member, BaseModel):
            inner = [f.annotation for f in member.model_fields.values()]
        elif get_origin(member) is list:
            inner = [get_args(member)[0]]
        elif get_origin(member) is dict:
            inner = [get_args(member)[1]]
        else:
            continue
        if any(_reaches_text(a, depth + 1) for a in inner):
            return True
    return False


@lru_cache(maxsize=32)
def _text_keys(model: type[BaseModel]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The model's fields that can hold text (in the model's order), and those that are text."""
    holding = tuple(name for name in model.model_fields if _holds_text(model, (name,)))
    return holding, frozenset(name for name in holding if _is_text(model, (name,)))


def _may_be_trap(node: Node) -> bool:
    """Whether a value is an unquoted text that starts as a number or is one of YAML 1.1's
    yes/no words (other_reading says whether it is read otherwise)."""
    scalar = node.scalar
    if not scalar or node.quoted:
        return False
    return scalar[0] in _TRAP_STARTS or scalar in _BOOL_WORDS


def _look_under(
    model: type[BaseModel],
    node: Node,
    path: tuple[str | int, ...],
    shape: tuple[str | int, ...],
    stack: list[tuple[Node, tuple[str | int, ...], tuple[str | int, ...]]],
) -> None:
    """Put the values of the list or mapping ``node`` that may be traps on the ``stack``,
    and those of its lists and mappings that can hold text."""
    if node.mapping is not None:
        for key, child in node.mapping.items():
            if child.scalar is None:
                if _holds_text(model, (*shape, key)):
                    stack.append((child, (*path, key), (*shape, key)))
            elif _may_be_trap(child) and _is_text(model, (*shape, key)):
                stack.append((child, (*path, key), (*shape, key)))
    elif node.sequence is not None:
        item_shape = (*shape, 0)
        if not _holds_text(model, item_shape):
            return
        text = _is_text(model, item_shape)
        for index, child in enumerate(node.sequence):
            if child.scalar is None or (text and _may_be_trap(child)):
                stack.append((child, (*path, index), item_shape))


def report_traps(tree: Node, model: type[BaseModel], sink: Sink, offset: int) -> None:
    """Warn about unquoted text values that other YAML readers turn into booleans or numbers.

    Walks only to the values that may be one (`_may_be_trap`, where the model says text),
    through no list or mapping whose every value the model reads as something else (a
    period of dates, a table of deadlines): most documents have none to walk to."""
    mapping = tree.mapping
    if mapping is None:
        return  # a model is a mapping: no value of a list or text is text of the model's
    # (value, its path, the path's shape: list indexes as 0) still to look at
    stack: list[tuple[Node, tuple[str | int, ...], tuple[str | int, ...]]] = []
    holding, text_fields = _text_keys(model)
    for key in holding:  # the model's fields that can hold text: fewer than the keys
        child = mapping.get(key)
        if child is None:
            continue
        scalar = child.scalar
        # `_may_be_trap` written out: it is asked of every text field of every document
        if scalar is None or (
            key in text_fields
            and scalar
            and not child.quoted
            and (scalar[0] in _TRAP_STARTS or scalar in _BOOL_WORDS)
        ):
            stack.append((child, (key,), (key,)))
    if len(stack) > 1:  # in the tree's order, in which the warnings come
        order = {key: index for index, key in enumerate(mapping)}
        stack.sort(key=lambda item: order[str(item[1][0])])
    while stack:
        node, path, shape = stack.pop()
        if node.mapping is not None or node.sequence is not None:
            _look_under(model, node, path, shape, stack)
        elif node.scalar is not None:  # put on the stack where it may be a trap
            reading = other_reading(node.scalar)
            if reading is not None:
                sink.add(
                    JV111,
                    node.line + offset,
                    f"«{key_path(path)}: {node.scalar}» er tekst for jv, men andre YAML-lesere "
                    f"leser det som {reading}. Sett verdien i anførselstegn: "
                    f'{path[-1] if path and isinstance(path[-1], str) else "-"}: "{node.scalar}".',
                )

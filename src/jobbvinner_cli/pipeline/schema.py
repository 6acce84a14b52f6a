"""Turn a YAML tree into a typed model, with every problem named by file, line and key."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from jobbvinner_cli.errors import ConfigError
from jobbvinner_cli.pipeline.yamltext import Node, YamlTextError, parse_yaml_text

M = TypeVar("M", bound=BaseModel)


def key_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(toppnivå)"


def _choices(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as «a», «b» eller «c»."""
    return re.sub(r"'([^']*)'", r"«\1»", str(expected)).replace(" or ", " eller ")


def _number(value: object) -> str:
    """A limit as a person writes it: 0, not 0.0; 10000, not 10000.0."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def explain(error: Any) -> str:
    """A Norwegian sentence for one pydantic error."""
    kind = error.get("type", "")
    value = error.get("input")
    shown = f"«{value}»" if isinstance(value, (str, int, float)) else "verdien"
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "mangler, men er påkrevd"
    if kind == "extra_forbidden":
        return "er en ukjent nøkkel. Sjekk stavemåten, eller fjern den"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"må være en dato på formen ÅÅÅÅ-MM-DD (for eksempel 2019-06-04), ikke {shown}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"må være et heltall, ikke {shown}"
    if kind in ("float_parsing", "float_type"):
        if isinstance(value, str) and re.fullmatch(r"\s*\d+,\d+\s*", value):
            return f"må være et tall med desimalpunktum, for eksempel {value.strip().replace(',', '.')}, ikke {shown}"
        return f"må være et tall, ikke {shown}"
    if kind in ("bool_parsing", "bool_type"):
        return f"må være true eller false, ikke {shown}"
    if kind == "string_type":
        return "må være en tekst, ikke en liste eller tabell"
    if kind == "list_type":
        return "må være en liste (linjer som begynner med «- »)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "må være en tabell med nøkler og verdier (nøkkel: verdi på hver linje)"
    if kind == "enum":
        return f"må være en av {_choices(ctx.get('expected', ''))}, ikke {shown}"
    if kind == "literal_error":
        return f"må være {_choices(ctx.get('expected', ''))}, ikke {shown}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"må være minst {_number(ctx.get('ge', ctx.get('gt', '')))}, ikke {shown}"
    if kind in ("less_than_equal", "less_than"):
        return f"må være høyst {_number(ctx.get('le', ctx.get('lt', '')))}, ikke {shown}"
    message = str(error.get("msg", "ugyldig verdi"))
    return message.removeprefix("Value error, ")


def validate_tree(tree: Node | None, model: type[M], display: str, line_offset: int = 0) -> M:
    """The model, or a ConfigError with every problem, worded as `jv check` words them."""
    result, problems = validate_lenient(tree, model, line_offset)
    if problems or result is None:
        raise ConfigError(
            display, [(p.line, p.message) for p in problems] or [(None, "ugyldig innhold")]
        )
    return result


def parse_config_text(text: str, display: str) -> Node | None:
    try:
        return parse_yaml_text(text)
    except YamlTextError as exc:
        raise ConfigError(display, [(exc.line, exc.worded(0))]) from None


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a YAML file: pydantic's error ``kind``, the key path and its line."""

    kind: str
    path: tuple[str | int, ...]
    line: int | None
    message: str


def union_members(annotation: Any) -> tuple[Any, ...] | None:
    if get_origin(annotation) in (Union, UnionType):
        return tuple(a for a in get_args(annotation) if a is not type(None))
    return None


def annotation_at(model: type[BaseModel], path: tuple[str | int, ...]) -> Any:
    """The type annotation of the value at ``path`` in ``model``; None when there is none."""
    candidates: tuple[Any, ...] = (model,)
    for part in path:
        following: list[Any] = []
        for candidate in candidates:
            for ann in union_members(candidate) or (candidate,):
                if isinstance(ann, type) and issubclass(ann, BaseModel):
                    field = ann.model_fields.get(part) if isinstance(part, str) else None
                    if field is not None:
                        following.append(field.annotation)
                elif get_origin(ann) is list and isinstance(part, int):
                    following.append(get_args(ann)[0])
                elif get_origin(ann) is dict and isinstance(part, str):
                    following.append(get_args(ann)[1])
        if not following:
            return None
        candidates = tuple(following)
    return candidates[0] if len(candidates) == 1 else Union[candidates]  # noqa: UP007


def _describe(annotation: Any) -> str:
    if annotation is str:
        return "en tekst"
    if get_origin(annotation) is list:
        return "en liste (linjer som begynner med «- »)"
    if get_origin(annotation) is dict or (
        isinstance(annotation, type) and issubclass(annotation, BaseModel)
    ):
        return "en tabell med nøkler og verdier"
    return getattr(annotation, "__name__", str(annotation))


def is_text_annotation(annotation: Any) -> bool:
    """Whether the value is text (``str``, possibly optional or one of several shapes)."""
    members = union_members(annotation)
    return annotation is str or (members is not None and str in members)


def _placeholder(model: type[BaseModel], path: tuple[str | int, ...]) -> Any:
    annotation = annotation_at(model, path)
    members = union_members(annotation) or (annotation,)
    for ann in members:
        if ann is str:
            return ""
    for ann in members:
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            return {}
        if get_origin(ann) is list:
            return []
        if get_origin(ann) is dict:
            return {}
    return None


def _data_prefix(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """The part of a pydantic ``loc`` that exists in ``data`` (drops union tags like "str")."""
    prefix: list[str | int] = []
    node: Any = data
    for part in loc:
        if isinstance(node, dict):
            there = isinstance(part, str) and part in node
        else:
            there = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not there:
            break
        node = node[part]
        prefix.append(part)
    return tuple(prefix)


def _container(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def validate_lenient(
    tree: Node | None, model: type[M], line_offset: int = 0, *, max_rounds: int = 12
) -> tuple[M | None, list[Problem]]:
    """Validate, collecting every problem instead of stopping at the first.

    A value that is wrong is dropped (or, when required, replaced by an empty
    one) and validation runs again, so that one mistake does not hide the
    others and the rest of the file can still be used. Unknown keys come back
    as problems of kind ``extra_forbidden`` and are dropped the same way.
    Returns the model (None when it cannot be built) and the problems.
    """

    def line(path: tuple[str | int, ...]) -> int | None:
        return tree.line_of(path) + line_offset if tree is not None else None

    if tree is not None and tree.mapping is None:
        message = "innholdet må være nøkler med verdier (nøkkel: verdi)"
        return None, [Problem("dict_type", (), line(()), message)]
    data: Any = tree.plain() if tree is not None else {}
    problems: list[Problem] = []
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    removed: set[tuple[str | int, ...]] = set()
    for _ in range(max_rounds):
        try:
            return model.model_validate(data), problems
        except ValidationError as exc:
            errors = exc.errors()
        removals, stuck = _take_errors(errors, data, model, line, problems, seen, removed)
        if stuck and not removals:
            return None, problems
        _remove(data, removals, removed)
        if stuck:
            return None, problems
    return None, problems


def _take_errors(
    errors: list[Any],
    data: Any,
    model: type[BaseModel],
    line: Callable[[tuple[str | int, ...]], int | None],
    problems: list[Problem],
    seen: set[tuple[tuple[str | int, ...], str]],
    removed: set[tuple[str | int, ...]],
) -> tuple[list[tuple[str | int, ...]], bool]:
    """Report one round's errors and fill in what is missing; (paths to drop, stuck)."""
    removals: list[tuple[str | int, ...]] = []
    reported: set[tuple[str | int, ...]] = set()
    stuck = False
    for error in errors:
        kind = str(error.get("type", ""))
        loc = tuple(error.get("loc", ()))
        if kind == "missing":  # the key is absent: its parent exists
            path = _data_prefix(data, loc[:-1]) + loc[-1:] if loc else ()
        else:
            path = _data_prefix(data, loc)
        # a value dropped for being wrong is then missing: that is not a second problem
        dropped = kind == "missing" and path in removed
        if (path, kind) not in seen and path not in reported and not dropped:
            seen.add((path, kind))
            reported.add(path)
            problems.append(_problem(error, kind, path, model, line(path)))
        if kind == "missing" and path:
            drop = _fill_missing(data, model, path)
            if drop is None:
                continue
            path = drop
        if not path:
            stuck = True
        else:
            removals.append(path)
    return removals, stuck


def _problem(
    error: Any, kind: str, path: tuple[str | int, ...], model: type[BaseModel], line: int | None
) -> Problem:
    message = explain(error)
    shapes = union_members(annotation_at(model, path))
    if shapes and len(shapes) > 1 and kind.endswith("_type"):
        message = "må være " + " eller ".join(_describe(a) for a in shapes)
    return Problem(kind, path, line, f"{key_path(path)}: {message}")


def _fill_missing(
    data: Any, model: type[BaseModel], path: tuple[str | int, ...]
) -> tuple[str | int, ...] | None:
    """Put an empty value where a required one is missing; None when that could be done,
    else the path to drop instead (empty: nothing can be dropped)."""
    value = _placeholder(model, path)
    parent = _container(data, path)
    if value is not None and isinstance(parent, dict):
        parent[path[-1]] = value
        return None
    # no sensible empty value: drop the list item or mapping that needed it
    path = path[:-1]
    while path and not isinstance(_container(data, path), list):
        path = path[:-1]
    return path


def _removal_order(p: tuple[str | int, ...]) -> tuple[int, int]:
    return len(p), p[-1] if isinstance(p[-1], int) else -1


def _remove(
    data: Any, removals: list[tuple[str | int, ...]], removed: set[tuple[str | int, ...]]
) -> None:
    # deepest and last first, so earlier indices stay valid
    for path in sorted(set(removals), key=_removal_order, reverse=True):
        try:
            parent = _container(data, path)
            del parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue
        removed.add(path)

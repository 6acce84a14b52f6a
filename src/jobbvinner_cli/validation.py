"""Turn a YAML tree into a typed model, with every problem named by file, line and key."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from jobbvinner_cli.errors import ConfigError
from jobbvinner_cli.yamltext import Node, YamlTextError, parse_yaml_text

M = TypeVar("M", bound=BaseModel)


def key_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(toppnivå)"


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
        return f"må være en av {ctx.get('expected', '')}, ikke {shown}"
    if kind == "literal_error":
        return f"må være {ctx.get('expected', '')}, ikke {shown}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"må være minst {ctx.get('ge', ctx.get('gt', ''))}, ikke {shown}"
    if kind in ("less_than_equal", "less_than"):
        return f"må være høyst {ctx.get('le', ctx.get('lt', ''))}, ikke {shown}"
    message = str(error.get("msg", "ugyldig verdi"))
    return message.removeprefix("Value error, ")


def problems_of(
    exc: ValidationError, tree: Node | None, line_offset: int = 0
) -> list[tuple[int | None, str]]:
    problems: list[tuple[int | None, str]] = []
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        line = tree.line_of(loc) + line_offset if tree is not None else None
        problems.append((line, f"{key_path(loc)}: {explain(error)}"))
    return problems


def validate_tree(tree: Node | None, model: type[M], display: str, line_offset: int = 0) -> M:
    if tree is not None and tree.mapping is None:
        raise ConfigError(
            display,
            [(tree.line + line_offset, "innholdet må være nøkler med verdier (nøkkel: verdi)")],
        )
    data = tree.plain() if tree is not None else {}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(display, problems_of(exc, tree, line_offset)) from None


def parse_config_text(text: str, display: str) -> Node | None:
    try:
        return parse_yaml_text(text)
    except YamlTextError as exc:
        raise ConfigError(display, [(exc.line, exc.message)]) from None

"""Rendering templates in Jinja2's sandbox: a pilot's templates are data, not trusted code."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment

from jobbvinner_cli.dates import format_date, format_short
from jobbvinner_cli.errors import JvError
from jobbvinner_cli.layout import TEMPLATES_DIR
from jobbvinner_cli.pipeline.doctypes import PACKAGE_TEMPLATES
from jobbvinner_cli.pipeline.read import read_or_raise
from jobbvinner_cli.pipeline.sandbox import LimitedSandbox, render_limited, template_error


def yaml_value(value: Any) -> str:
    """A value written so YAML reads it back as the same text (or empty for nothing)."""
    if value is None or value == "":
        return '""'
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    # A JSON string is a valid YAML double-quoted scalar, whatever it contains.
    return json.dumps(str(value), ensure_ascii=False)


def _date(value: Any) -> str:
    if value is None or value == "":
        return "(dato ikke fastsatt)"
    return format_date(value) if isinstance(value, dt.date) else str(value)


def _short(value: Any) -> str:
    if value is None or value == "":
        return "(dato ikke fastsatt)"
    return format_short(value) if isinstance(value, dt.date) else str(value)


_NUMBER_WORDS = ("null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti")


def _words(value: Any) -> str:
    """«3» → «tre», as the seeds write page limits."""
    return _NUMBER_WORDS[value] if isinstance(value, int) and 0 <= value <= 10 else str(value)


class PilotTemplates(BaseLoader):
    """A pilot's own templates/, read like every pilot file (pipeline/read.py): inside the
    pilot only, UTF-8, no byte order mark."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        parts = template.split("/")
        if any(part in ("", ".", "..") for part in parts) or "\\" in template:
            raise TemplateNotFound(template)
        rel = f"{TEMPLATES_DIR}/{template}"
        if not os.path.lexists(self.root / rel):
            raise TemplateNotFound(template)
        return read_or_raise(self.root, rel), rel, lambda: False


def make_env(pilot_root: Path | None) -> LimitedSandbox:
    """The sandbox with the pilot's templates (when ``pilot_root`` is given) before jv's."""
    loaders: list[BaseLoader] = []
    if pilot_root is not None:
        loaders.append(PilotTemplates(pilot_root))
    loaders.append(FileSystemLoader(str(PACKAGE_TEMPLATES)))
    env = LimitedSandbox(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.add_filter("yaml", yaml_value)
    env.add_filter("dato", _date)
    env.add_filter("kortdato", _short)
    env.add_filter("tallord", _words)
    return env


def _load(env: ImmutableSandboxedEnvironment, name: str) -> Template:
    """A compiled template; a syntax error or unknown filter is the user's message."""
    try:
        return env.get_template(name)
    except (TemplateNotFound, JvError):
        raise
    except Exception as exc:  # anything a broken template can raise while compiling
        raise template_error(exc, name, PACKAGE_TEMPLATES) from None


def template_for(env: ImmutableSandboxedEnvironment, type_name: str, variant: str) -> str:
    """The template file for a type: «type.variant.md.j2», «type.md.j2», else the generic one."""
    for name in (f"{type_name}.{variant}.md.j2", f"{type_name}.md.j2", "dokument.md.j2"):
        try:
            _load(env, name)
        except TemplateNotFound:
            continue
        return name
    raise JvError(f"Fant ingen mal for dokumenttypen «{type_name}».")


def render(env: ImmutableSandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    """The text of template ``name``; every failure a UsageError naming file and line."""
    try:
        template = _load(env, name)
    except TemplateNotFound as exc:
        raise template_error(exc, name, PACKAGE_TEMPLATES) from None
    try:
        return render_limited(template, context)
    except JvError:
        raise
    except Exception as exc:  # a template is untrusted: whatever it raises is its fault
        raise template_error(exc, name, PACKAGE_TEMPLATES, template.filename) from None

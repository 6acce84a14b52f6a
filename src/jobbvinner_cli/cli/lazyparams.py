"""Typer converts each parameter's value with a pydantic TypeAdapter it builds the first time
the parameter is processed, even for a value that needs no converting (None, a default of
the right type, a str for a str option); the first one imports pydantic (about 0.07 s,
which `jv check --help` paid for the root's unused --help). Here each parameter gets a
converter that gives the values whose conversion is certain at once, as the adapter
would (None, a str for str, an int in range for int, a path, a list of those, a choice
through its own parser), and hands every other value to Typer's own converter, made only
then: a refusal is Typer's, with its message. Guarded: with another Typer, nothing is
changed (tests/test_norwegian_cli.py checks the messages either way)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

try:
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_path, lenient_issubclass, routes_to_path
    from typer.core import _TyperParameter

    KNOWN_TYPER = True
except ImportError:  # pragma: no cover - another Typer version
    KNOWN_TYPER = False

_UNSURE = object()  # the quick conversion does not know: ask Typer's own
# what pydantic turns into a ValidationError (and Typer into its message) in a validator
_CONVERTED = (ValueError, AssertionError)


def _path(descriptor: TypeDescriptor, annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
    info = descriptor.parameter_info
    kind: Any = info.path_type or annotation
    if not (type(value) is str or isinstance(value, Path)):
        return _UNSURE
    # as Typer's: pydantic makes the str a path, then the path is checked
    path: Any = kind(value) if lenient_issubclass(kind, Path) else value
    try:
        return coerce_cli_path(path, info, path_type=kind, param=param, ctx=ctx)
    except (BadParameter, *_CONVERTED):  # Typer's message names the value as given
        return _UNSURE


def _leaf(descriptor: TypeDescriptor, annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
    info = descriptor.parameter_info
    if info.parser is not None:  # Typer: the parser's result, as it is
        try:
            return info.parser(value)
        except _CONVERTED:
            return _UNSURE
    if annotation is str:
        return value if type(value) is str else _UNSURE
    if annotation is int:
        if type(value) is not int:
            return _UNSURE
        low, high = info.min, info.max
        in_range = (low is None or value >= low) and (high is None or value <= high)
        return value if in_range else _UNSURE
    if routes_to_path(annotation, info) and lenient_issubclass(annotation, Path):
        return _path(descriptor, annotation, value, param, ctx)
    return _UNSURE


def _quick(descriptor: TypeDescriptor, value: Any, param: Any, ctx: Any) -> Any:
    annotation = descriptor.annotation
    if descriptor.is_list and descriptor.parameter_info.parser is None:
        if not isinstance(value, (list, tuple)):
            return _UNSURE
        (item_type,) = getattr(annotation, "__args__", (None,))
        items = [_leaf(descriptor, item_type, item, param, ctx) for item in value]
        return _UNSURE if any(item is _UNSURE for item in items) else items
    if getattr(annotation, "__origin__", None) is not None:  # tuple, Literal, ...
        return _UNSURE
    return _leaf(descriptor, annotation, value, param, ctx)


def install() -> None:
    if not KNOWN_TYPER or getattr(_TyperParameter, "_jv_lazy", False):
        return

    @dataclass(frozen=True)
    class OnDemand(RuntimeParam):
        descriptor: TypeDescriptor

        @cached_property
        def typer_param(self) -> Any:
            return build_runtime_param(self.descriptor)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            result = _quick(self.descriptor, value, param, ctx)
            if result is _UNSURE:
                return self.typer_param._coerce_value(value, param=param, ctx=ctx)
            return result

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            self._runtime_param = OnDemand(
                annotation=descriptor.annotation,
                parameter_info=descriptor.parameter_info,
                descriptor=descriptor,
            )
        return self._runtime_param

    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
    _TyperParameter._jv_lazy = True  # type: ignore[attr-defined]

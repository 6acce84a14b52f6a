"""Typer builds each parameter's converter (a pydantic TypeAdapter) the first time the
parameter is processed, even when it was not given and its value is None; the first one
imports pydantic. `jv check --help` then paid about 0.1 s for the root's unused --help.
A value of None is never converted (Typer returns None, or () for a repeated option), so
the converter is left unbuilt for it. Guarded: with another Typer, nothing is changed."""

from __future__ import annotations

from typing import Any


def install() -> None:
    try:
        from typer._coercion import PassThroughRuntimeParam
        from typer.core import _TyperParameter
    except ImportError:  # pragma: no cover - another Typer version
        return
    if getattr(_TyperParameter, "_jv_lazy", False) or not hasattr(
        _TyperParameter, "get_runtime_param"
    ):
        return
    process_value = _TyperParameter.process_value

    def lazy_process_value(self: Any, ctx: Any, value: Any) -> Any:
        if value is None and getattr(self, "_runtime_param", "") is None:
            descriptor = self.type_descriptor
            self._runtime_param = PassThroughRuntimeParam(
                annotation=descriptor.annotation, parameter_info=descriptor.parameter_info
            )
            try:
                return process_value(self, ctx, value)
            finally:
                self._runtime_param = None
        return process_value(self, ctx, value)

    _TyperParameter.process_value = lazy_process_value  # type: ignore[method-assign]
    _TyperParameter._jv_lazy = True  # type: ignore[attr-defined]

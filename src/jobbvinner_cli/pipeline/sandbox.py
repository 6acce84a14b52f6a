"""A pilot's templates are untrusted: Jinja2's sandbox with limits on size, loops and time.

The sandbox already refuses unsafe attributes; this adds what it leaves open. Every value a
template builds (a repeated string, a padded one, a list) is capped, a loop over ``range``
is capped, and the whole rendering has a time limit, checked on every template line (so a
loop in a loop cannot keep jv busy). Whatever goes wrong becomes a :class:`UsageError` in
Norwegian naming the template's path in the pilot and its line (:func:`template_error`).
"""

from __future__ import annotations

import functools
import re
import sys
import time
from collections.abc import Callable, Iterator, Sized
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from jinja2 import (
    Template,
    TemplateAssertionError,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from jobbvinner_cli.errors import UsageError
from jobbvinner_cli.pipeline.limits import MAX_FILE_BYTES

MAX_OUTPUT_CHARS = MAX_FILE_BYTES  # what a template writes must be readable by `jv check`
MAX_VALUE = MAX_FILE_BYTES  # the longest string or list a template may build
MAX_LOOP = 10_000  # range() in a template; a plan has tens of rows, not thousands
MAX_NUMBER = MAX_VALUE  # widths and counts a template may pass on
MAX_SECONDS = 5.0  # a template renders in milliseconds; this is a runaway


class TemplateLimit(TemplateError):
    """A limit hit while rendering; the message is Norwegian and says which."""


def _too_big(value: object) -> bool:
    return isinstance(value, (str, bytes, list, tuple, dict, set)) and len(value) > MAX_VALUE


def _value_limit() -> TemplateLimit:
    return TemplateLimit(
        f"Malen lager en verdi på over {MAX_VALUE:,} tegn".replace(",", " ")
        + ", mer enn et dokument kan være."
    )


def _check_value(value: Any) -> Any:
    if _too_big(value):
        raise _value_limit()
    return value


def _check_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise TemplateLimit(f"Malen bruker tallet {_short_number(value)}, som er for stort.")
        _check_value(value)


def _short_number(value: int) -> str:
    digits = len(str(abs(value))) if value.bit_length() < 4000 else value.bit_length() // 3
    return str(value) if digits < 16 else f"med {digits} sifre"


def _limited_range(*args: int) -> range:
    rng = range(*args)  # lazy: even range(10**100) costs nothing until it is looped over
    if len(rng) > MAX_LOOP:
        raise TemplateLimit(
            f"Malen lager en løkke på {len(rng):,} runder".replace(",", " ")
            + f"; grensen er {MAX_LOOP:,}.".replace(",", " ")
        )
    return rng


# Operations whose result can be far longer than what they are given (a replacement in every
# place, a width on every line, a separator between every item): their result is estimated
# before they run, as the length of the value times the largest other argument.
_MULTIPLYING = frozenset(
    {"replace", "indent", "join", "expandtabs", "center", "ljust", "rjust", "zfill", "format",
     "format_map", "wordwrap", "do_replace", "do_indent", "do_join", "do_center", "do_format",
     "do_wordwrap", "sync_do_join"}
)  # fmt: skip
_SPEC_WIDTH = re.compile(r"\{[^{}]*:[^{}]*\d{5,}|%[-+ #0]*(\*|\d{5,})")


def _size(value: Any) -> int:
    if isinstance(value, bool):
        return 1
    if isinstance(value, int):
        return abs(value)
    if isinstance(value, (str, list, tuple, dict)):
        return (
            len(value) + sum(len(v) for v in value if isinstance(v, str))
            if isinstance(value, (list, tuple))
            else len(value)
        )
    return 1


def _check_growth(name: str, values: tuple[Any, ...]) -> None:
    """Refuse a multiplying operation whose result could pass the limit, before it runs."""
    if name not in _MULTIPLYING:
        return
    sized = [v for v in values if isinstance(v, (str, int, list, tuple, dict))]
    if not sized:
        return
    first, *rest = sized
    if isinstance(first, str) and name.endswith("format") and _SPEC_WIDTH.search(first):
        raise TemplateLimit("Malen bruker en bredde i formateringen som er for stor.")
    if (_size(first) + 1) * max([1, *(_size(v) for v in rest)]) > MAX_VALUE:
        raise _value_limit()


def _limited_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)  # keeps jinja_pass_arg, so context-taking filters still get it
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _check_args(args, kwargs)
        _check_growth(func.__name__, (*args, *kwargs.values()))
        return _check_value(func(*args, **kwargs))

    return wrapper


def _too_costly(operator: str, left: Any, right: Any) -> bool:
    """Whether an operator would build a value beyond the limits before it could be checked."""
    ints = isinstance(left, int) and isinstance(right, int)
    if operator == "**" and ints:
        return bool(right > 0 and abs(left) > 1 and left.bit_length() * right > 4096)
    if operator == "*" and not ints:
        return any(
            isinstance(seq, Sized) and isinstance(count, int) and len(seq) * count > MAX_VALUE
            for seq, count in ((left, right), (right, left))
        )
    if operator == "+" and isinstance(left, Sized) and isinstance(right, Sized):
        return bool(len(left) + len(right) > MAX_VALUE)
    return False


_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\*|\d{5,})")


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with every value a template builds capped in size."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _limited_range
        self.filters = {name: _limited_filter(f) for name, f in self.filters.items()}

    def add_filter(self, name: str, func: Callable[..., Any]) -> None:
        self.filters[name] = _limited_filter(func)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if _too_costly(operator, left, right):
            raise _value_limit()
        if operator == "%" and isinstance(left, str) and _FORMAT_WIDTH.search(left):
            raise TemplateLimit("Malen bruker en bredde i %-formatering som er for stor.")
        return _check_value(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if __obj is not _limited_range:  # range() says how long the loop would be
            _check_args(args, kwargs)
            owner = getattr(__obj, "__self__", None)
            _check_growth(getattr(__obj, "__name__", ""), (owner, *args, *kwargs.values()))
        return _check_value(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        return _check_value(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        return _check_value(super().getitem(obj, argument))


class _Clock:
    """A trace function that stops a rendering that runs past its time."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds

    def __call__(self, frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        if time.monotonic() > self.deadline:
            raise TemplateLimit(
                f"Malen brukte mer enn {MAX_SECONDS:g} sekunder (en løkke som aldri tar slutt?)."
            )
        # every line of the template's own code (its loops); other code only when called
        return self if frame.f_code.co_filename.endswith(".j2") else None


def render_limited(template: Template, context: dict[str, Any]) -> str:
    """The template's text, streamed so an output beyond the limit stops it early."""
    chunks: list[str] = []
    size = 0
    previous = sys.gettrace()
    sys.settrace(_Clock(MAX_SECONDS))
    try:
        stream: Iterator[str] = template.generate(**context)
        for chunk in stream:
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise TemplateLimit(
                    f"Malen skriver mer enn {MAX_OUTPUT_CHARS:,} tegn".replace(",", " ")
                    + ", mer enn et dokument kan være."
                )
            chunks.append(chunk)
    finally:
        sys.settrace(previous)
    return "".join(chunks)


# --- errors in Norwegian, with the template's path and line --------------------------------


def _display(filename: str | None, name: str, package: Path) -> str:
    if filename is None:
        return name
    path = Path(filename)
    if path.is_absolute():  # one of jv's own templates
        return (
            f"{path.relative_to(package).as_posix()} (jvs egen mal)"
            if path.is_relative_to(package)
            else path.name
        )
    return filename


def _where(tb: TracebackType | None, package: Path) -> tuple[str | None, int | None]:
    """The innermost template frame of a traceback Jinja rewrote: its file and line."""
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") and (
            not Path(filename).is_absolute() or Path(filename).is_relative_to(package)
        ):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _explain(exc: BaseException) -> str:
    text = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, TemplateLimit):
        return text
    if isinstance(exc, TemplateAssertionError):
        if m := re.match(r"No filter named '(.+?)'", text):
            return (
                f"Malen bruker filteret «{m[1]}», som ikke finnes. Sjekk stavemåten; jvs egne "
                "filtre er yaml, dato, kortdato og tallord."
            )
        if m := re.match(r"No test named '(.+?)'", text):
            return f"Malen bruker testen «{m[1]}», som ikke finnes. Sjekk stavemåten."
    if isinstance(exc, TemplateSyntaxError):
        return f"Malen har en syntaksfeil (Jinja sier: «{text}»). Sjekk {{% %}} og {{{{ }}}} her."
    if isinstance(exc, TemplateNotFound):
        return (
            f"Malen tar med «{exc.name}», som ikke finnes i templates/ eller blant jvs egne maler."
        )
    if isinstance(exc, UndefinedError):
        if m := re.match(r"'(.+?)' is undefined", text):
            return f"Malen bruker verdien «{m[1]}», som ikke finnes. Sjekk stavemåten i malen."
        if m := re.search(r"has no attribute '(.+?)'", text):
            return f"Malen bruker feltet «{m[1]}», som ikke finnes. Sjekk stavemåten i malen."
        return f"Malen bruker en verdi som ikke finnes ({text}). Sjekk stavemåten i malen."
    if isinstance(exc, SecurityError):
        return f"Malen prøver noe som ikke er tillatt i en mal ({text})."
    if isinstance(exc, RecursionError):
        return "Malen kaller seg selv (en makro i en makro …) for mange ganger."
    if isinstance(exc, ZeroDivisionError):
        return "Malen deler på null."
    return f"Malen kunne ikke brukes ({type(exc).__name__}: {text})."


def template_error(
    exc: BaseException, name: str, package: Path, filename: str | None = None
) -> UsageError:
    """What went wrong in template ``name`` (loaded from ``filename``), as the user reads it:
    exit code 2."""
    line: int | None
    if isinstance(exc, TemplateSyntaxError):
        filename, line = exc.filename or exc.name, exc.lineno
    else:
        found, line = _where(exc.__traceback__, package)
        filename = found or filename
    return UsageError(
        _explain(exc) + " Ingenting er skrevet.",
        path=_display(filename, name, package),
        line=line,
    )

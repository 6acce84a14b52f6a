"""The command line's one-line messages without Rich where no terminal shows them.

Rich (formats/terminal.py) takes about 0.06 s to import. A build whose output goes to a
pipe or a log (CI, scripts, the benchmarks) has no colours to show and no spinner to
draw, so its «Skrev …» and warnings are written as plain text, the same text Rich writes
there. On a terminal, or when colours are forced, terminal.py does it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from jobbvinner_cli.formats.controls import printable

Part = str | tuple[str, str]  # as terminal.Part: plain text, or (text, Rich style)

# what makes Rich style output that is not a terminal
_FORCING = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def _rich(stream: TextIO) -> bool:
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty or any(os.environ.get(name) for name in _FORCING)


def _plain(parts: tuple[Part, ...]) -> str:
    return printable("".join(part if isinstance(part, str) else part[0] for part in parts))


def say(*parts: Part) -> None:
    """One line on stdout (terminal.say)."""
    if _rich(sys.stdout):
        from jobbvinner_cli.formats import terminal

        terminal.say(*parts)
    else:
        sys.stdout.write(_plain(parts) + "\n")


def warning(message: str) -> None:
    """«Advarsel: …» on stdout (terminal.warning)."""
    say(("Advarsel:", "yellow"), " ", message)


@contextmanager
def spinner(describe: Callable[[str], str]) -> Iterator[Callable[[str], None]]:
    """terminal.spinner on a terminal; silent otherwise, as it is."""
    if not sys.stderr.isatty():
        yield lambda _stage: None
        return
    from jobbvinner_cli.formats import terminal

    with terminal.spinner(describe) as update:
        yield update

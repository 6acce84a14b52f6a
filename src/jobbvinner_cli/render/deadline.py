"""One time limit shared by the child processes of a render (pandoc, then Typst)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from jobbvinner_cli.render.errors import RenderError


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class Deadline(NamedTuple):
    timeout: float  # seconds, as the caller gave it; the message names it
    at: float  # time.monotonic() when it runs out

    @classmethod
    def after(cls, timeout: float) -> Deadline:
        return cls(timeout=timeout, at=time.monotonic() + timeout)

    def remaining(self) -> float:
        return self.at - time.monotonic()


def run_before(
    deadline: Deadline,
    argv: Sequence[str],
    *,
    stdin: bytes,
    cwd: Path,
    stage: str,
    program: str,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``argv`` with ``stdin``, killing it if ``deadline`` passes first.

    ``stage`` names the step in the time-out message ("Pandoc"), ``program``
    what could not be started ("pandoc (/sti/til/pandoc)"). A non-zero exit is
    the caller's to interpret.
    """
    remaining = deadline.remaining()
    if remaining <= 0:
        raise _timeout_error(stage, deadline.timeout)
    try:
        return subprocess.run(
            list(argv),
            input=stdin,
            capture_output=True,
            cwd=cwd,
            timeout=remaining,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _timeout_error(stage, deadline.timeout) from None
    except OSError as exc:
        raise RenderError(f"Klarte ikke å starte {program}: {exc}") from exc


class RenderTimeout(RenderError):
    """A child process ran out of time; the caller may name what it was working on."""


def _timeout_error(stage: str, timeout: float) -> RenderError:
    return RenderTimeout(
        f"{stage} brukte mer enn {_seconds(timeout)} sekunder og ble stoppet. "
        "Rapporten ble ikke laget; prøv igjen, eventuelt med lengre tidsgrense."
    )


def _seconds(value: float) -> str:
    if value >= 10 or value == int(value):
        return str(round(value))
    return f"{value:.3g}".replace(".", ",")

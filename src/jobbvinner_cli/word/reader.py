"""Pandoc's DOCX reader, run on a Word file that :mod:`.safety` has cleaned.

Pandoc runs as a child process in a private folder, under a time limit, with its
Haskell heap capped (``+RTS -M``) and, where the platform has them, limits on address
space, CPU time and the size of files it writes (``resource.setrlimit``). It reads the
cleaned bytes from that folder and writes the images into it, never anywhere else.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from jobbvinner_cli.errors import JvError

TIMEOUT = 60.0
HEAP = "1024m"
ADDRESS_SPACE = 3 * 1024**3
CPU_SECONDS = 90
FILE_BYTES = 200 * 1024 * 1024


def _limits() -> None:  # pragma: no cover - runs in the child
    import resource

    for name, value in (
        ("RLIMIT_AS", ADDRESS_SPACE),
        ("RLIMIT_CPU", CPU_SECONDS),
        ("RLIMIT_FSIZE", FILE_BYTES),
    ):
        limit = getattr(resource, name, None)
        if limit is not None:
            with contextlib.suppress(ValueError, OSError):  # a lower hard limit stays
                resource.setrlimit(limit, (value, value))


def read_docx(data: bytes, folder: Path, display: str) -> dict[str, Any]:
    """The Pandoc AST (JSON) of the Word file ``data``; images go to ``folder``/media."""
    from jobbvinner_cli.render.binaries import pandoc_path

    source = folder / "inn.docx"
    source.write_bytes(data)
    args = [
        pandoc_path(),
        "+RTS",
        f"-M{HEAP}",
        "-RTS",
        "--from=docx+styles",
        "--to=json",
        "--extract-media=.",
        f"--data-dir={folder / '.jv-ingen-pandoc-data'}",
        source.name,
    ]
    try:
        proc = subprocess.run(
            args,
            cwd=folder,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
            preexec_fn=_limits if sys.platform != "win32" else None,
        )
    except subprocess.TimeoutExpired:
        raise JvError(
            f"Pandoc brukte mer enn {TIMEOUT:.0f} sekunder på å lese Word-filen og ble "
            "stoppet. Ingenting er skrevet.",
            path=display,
        ) from None
    except OSError as exc:
        raise JvError(f"Klarte ikke å starte pandoc: {exc}", path=display) from exc
    if proc.returncode != 0:
        heap = "Heap exhausted" in proc.stderr.decode("utf-8", "replace")
        why = "bruker for mye minne" if heap or proc.returncode < 0 else "kan ikke leses"
        raise JvError(
            f"Word-filen {why} (Pandoc stoppet). Åpne den i Word og lagre den på nytt. "
            "Ingenting er skrevet.",
            path=display,
        )
    try:
        ast = json.loads(proc.stdout)
    except ValueError:
        raise JvError("Pandoc ga et svar jv ikke forstår.", path=display) from None
    if not isinstance(ast, dict):
        raise JvError("Pandoc ga et svar jv ikke forstår.", path=display)
    return ast


def write_markdown(blocks: list[Any], api: list[int], folder: Path, display: str) -> str:
    """Pandoc blocks as the Markdown documents are written in (GitHub's dialect, as
    pulldown-cmark reads it), one line per paragraph."""
    from jobbvinner_cli.render.binaries import pandoc_path

    doc = {"pandoc-api-version": api, "meta": {}, "blocks": blocks}
    try:
        proc = subprocess.run(
            [pandoc_path(), "+RTS", f"-M{HEAP}", "-RTS", "--from=json",
             "--to=gfm-raw_html", "--wrap=none"],
            input=json.dumps(doc).encode("utf-8"),
            cwd=folder,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            preexec_fn=_limits if sys.platform != "win32" else None,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise JvError("Pandoc brukte for lang tid. Ingenting er skrevet.", path=display) from None
    if proc.returncode != 0:
        raise JvError("Pandoc klarte ikke å skrive Markdown. Ingenting er skrevet.", path=display)
    return proc.stdout.decode("utf-8")

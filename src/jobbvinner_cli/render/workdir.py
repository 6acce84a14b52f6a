"""The build folder and the output's temporary file: checked and reserved before any child runs."""

from __future__ import annotations

import os
from pathlib import Path

from jobbvinner_cli.render.errors import RenderError
from jobbvinner_cli.textio import sweep, temp_name


def check_workdir(workdir: Path) -> Path:
    """The build folder, resolved; pandoc and Typst are confined to it."""
    try:
        resolved = workdir.resolve(strict=True)
    except OSError as exc:
        raise RenderError(f"Byggemappen {workdir} finnes ikke.") from exc
    if not resolved.is_dir():
        raise RenderError(f"Byggemappen {workdir} er ikke en mappe.")
    return resolved


def refuse_escaping_symlinks(workdir: Path) -> None:
    """A symbolic link in the build folder must not lead out of it: pandoc
    and typst follow links, and the root check only looks at the path."""
    for dirpath, dirnames, filenames in os.walk(workdir):
        for name in (*dirnames, *filenames):
            entry = Path(dirpath) / name
            if not entry.is_symlink():
                continue
            try:
                target = entry.resolve(strict=False)
            except (OSError, RuntimeError):
                target = None
            if target is None or not target.is_relative_to(workdir):
                rel = entry.relative_to(workdir)
                raise RenderError(
                    f"Byggemappen inneholder en symbolsk lenke som peker ut av mappen: {rel}. "
                    "Kopier filen inn i stedet."
                )


def reserve_temp(out: Path) -> Path:
    """A new empty file next to ``out``, so the finished render can replace ``out`` atomically."""
    sweep(out.parent)  # what a killed render left
    for _ in range(100):
        tmp = out.with_name(temp_name(out.name) + out.suffix.lstrip("."))
        try:
            with open(tmp, "xb"):
                return tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise RenderError(
                f"Klarte ikke å skrive i {out.parent}: {exc.strerror or exc}"
            ) from exc
    raise RenderError(f"Klarte ikke å lage en midlertidig fil i {out.parent}.")

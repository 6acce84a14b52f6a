"""The pandoc binary jv runs: the one pypandoc-binary ships."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from jobbvinner_cli.render.errors import RenderError


@functools.lru_cache(maxsize=1)
def pandoc_path() -> str:
    """Found without importing pypandoc, which costs ~50 ms at start-up.

    pypandoc-binary always ships the binary in ``pypandoc/files/``; a pandoc
    found elsewhere could be a version jv's arguments and filter do not fit.
    """
    spec = importlib.util.find_spec("pypandoc")
    for location in (spec.submodule_search_locations or []) if spec else []:
        for name in ("pandoc", "pandoc.exe"):
            candidate = Path(location) / "files" / name
            if candidate.is_file():
                return str(candidate)
    raise RenderError("Finner ikke pandoc. Installer jv på nytt (pakken pypandoc-binary mangler).")

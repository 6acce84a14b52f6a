"""The pandoc binary jv runs: the one pypandoc-binary ships."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from jobbvinner_cli.render.errors import RenderError


@functools.lru_cache(maxsize=1)
def pandoc_path() -> str:
    """The pandoc binary bundled with pypandoc-binary.

    Found without importing pypandoc (which costs ~50 ms at start-up); falls
    back to ``pypandoc.get_pandoc_path()``.
    """
    spec = importlib.util.find_spec("pypandoc")
    for location in (spec.submodule_search_locations or []) if spec else []:
        for name in ("pandoc", "pandoc.exe"):
            candidate = Path(location) / "files" / name
            if candidate.is_file():
                return str(candidate)
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as exc:
        raise RenderError(
            "Finner ikke pandoc. Installer jv på nytt (pakken pypandoc-binary mangler)."
        ) from exc

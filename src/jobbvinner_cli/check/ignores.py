"""Which findings the pilot or the user has chosen to ignore."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable

from jobbvinner_cli.diagnostics import Diagnostic


def is_ignored(
    diagnostic: Diagnostic, codes: Iterable[str], entries: list[tuple[str, str]]
) -> bool:
    code = diagnostic.code
    if any(fnmatch.fnmatchcase(code, c) for c in codes):
        return True
    return any(
        fnmatch.fnmatchcase(code, kode) and fnmatch.fnmatchcase(diagnostic.path, sti)
        for sti, kode in entries
    )

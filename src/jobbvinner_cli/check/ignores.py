"""Which findings the pilot or the user has chosen to ignore.

Three ways, one place: ``--ignore CODE`` on the command line, ``ignorer:`` in
pilot.yaml (a code for the paths matching a pattern), and comments in a document,
as linters' disable comments work: ``<!-- jv-ignore JV502 -->`` silences the rules
it names on the line it stands on and on the next line, ``<!-- jv-ignore-file JV502 -->``
in the whole file. Codes are separated by spaces or commas, ``*`` works (``JV5*``),
and a comment without codes silences every rule.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

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


# --- comments in a document ------------------------------------------------------------------

_COMMENT = re.compile(r"<!--\s*jv-ignore(?P<file>-file)?(?P<codes>(?:\s[^>]*?)?)\s*-->")
_ALL = ("*",)


@dataclass(frozen=True)
class InlineIgnores:
    whole_file: tuple[str, ...] = ()
    lines: dict[int, tuple[str, ...]] = field(default_factory=dict)  # file line -> codes
    named: tuple[tuple[int, int, str], ...] = ()  # (line, column, code) of each code written

    def covers(self, diagnostic: Diagnostic) -> bool:
        code = diagnostic.code
        patterns = self.whole_file + (
            self.lines.get(diagnostic.line, ()) if diagnostic.line else ()
        )
        return any(fnmatch.fnmatchcase(code, p) for p in patterns)


def find_ignores(text: str) -> InlineIgnores | None:
    """The jv-ignore comments of a document's text (None when it has none)."""
    if "jv-ignore" not in text:
        return None
    whole: list[str] = []
    lines: dict[int, tuple[str, ...]] = {}
    named: list[tuple[int, int, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        for match in _COMMENT.finditer(line):
            named += [
                (number, match.start("codes") + m.start() + 1, m[0].upper())
                for m in re.finditer(r"[^\s,]+", match["codes"])
            ]
            codes = tuple(c.upper() for c in re.split(r"[\s,]+", match["codes"]) if c) or _ALL
            if match["file"]:
                whole.extend(codes)
            else:
                for target in (number, number + 1):
                    lines[target] = lines.get(target, ()) + codes
    return InlineIgnores(tuple(whole), lines, tuple(named)) if whole or lines else None


def without_inline_ignored(
    diagnostics: list[Diagnostic], ignores: dict[str, InlineIgnores]
) -> list[Diagnostic]:
    if not ignores:
        return diagnostics
    return [d for d in diagnostics if d.path not in ignores or not ignores[d.path].covers(d)]

"""Comments in a document that silence rules there, as linters' disable comments do.

``<!-- jv-ignore JV502 -->`` silences the rules it names on the line it stands on and
on the next line; ``<!-- jv-ignore-file JV502 -->`` in the whole file. Codes are
separated by spaces or commas, ``*`` works (``JV5*``), and a comment without codes
silences every rule. The comments are found in the text the check reads anyway.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field

from jobbvinner_cli.diagnostics import Diagnostic

_COMMENT = re.compile(r"<!--\s*jv-ignore(?P<file>-file)?(?P<codes>(?:\s[^>]*?)?)\s*-->")
_ALL = ("*",)


@dataclass(frozen=True)
class InlineIgnores:
    whole_file: tuple[str, ...] = ()
    lines: dict[int, tuple[str, ...]] = field(default_factory=dict)  # file line -> codes

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
    for number, line in enumerate(text.split("\n"), 1):
        for match in _COMMENT.finditer(line):
            codes = tuple(c.upper() for c in re.split(r"[\s,]+", match["codes"]) if c) or _ALL
            if match["file"]:
                whole.extend(codes)
            else:
                for target in (number, number + 1):
                    lines[target] = lines.get(target, ()) + codes
    return InlineIgnores(tuple(whole), lines) if whole or lines else None


def without_inline_ignored(
    diagnostics: list[Diagnostic], ignores: dict[str, InlineIgnores]
) -> list[Diagnostic]:
    if not ignores:
        return diagnostics
    return [d for d in diagnostics if d.path not in ignores or not ignores[d.path].covers(d)]

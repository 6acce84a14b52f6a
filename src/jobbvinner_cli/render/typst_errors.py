"""A failed Typst compile as a Norwegian message at the Markdown source line it came from."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jobbvinner_cli.render.errors import RenderError, find_line, locate, with_place
from jobbvinner_cli.render.job import Job

_TYPST_LOCATION = re.compile(r"┌─\s*(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)")
_IMAGE_CALL = re.compile(r'image\(\s*"((?:[^"\\]|\\.)*)"')
_LABEL = re.compile(r"<([^<>\s]+)>")
_WORD = re.compile(r"[^\W\d_]{3,}|\d{2,}")

_TYPST_MESSAGES = (
    (re.compile(r"^file not found"), "Finner ikke en fil rapporten viser til"),
    (re.compile(r"^failed to (?:decode|load) (?:image|svg)"), "Et bilde kan ikke leses"),
    (
        re.compile(r"^failed to load linked image"),
        "Et SVG-bilde viser til en annen fil som ikke kan hentes",
    ),
    (
        re.compile(r"^label `?<(.+?)>`? does not exist"),
        "En lenke peker til «#{0}», som ikke finnes i rapporten",
    ),
    (
        re.compile(r"^label `?<(.+?)>`? occurs multiple times"),
        "Merket «#{0}» er brukt flere ganger i rapporten",
    ),
)

# Typst/pandoc-writer vocabulary that says nothing about where text came from.
_TYPST_WORDS = frozenset(
    [
        "figure",
        "align",
        "center",
        "table",
        "columns",
        "auto",
        "kind",
        "caption",
        "image",
        "width",
        "height",
        "heading",
        "level",
        "numbering",
        "none",
        "block",
        "link",
        "box",
        "strong",
        "emph",
        "text",
        "quote",
        "raw",
        "lang",
        "true",
        "false",
        "header",
        "hline",
        "footnote",
        "horizontalrule",
        "list",
        "enum",
        "terms",
        "strike",
        "super",
        "sub",
        "smallcaps",
        "underline",
    ]
)


def typst_failure(job: Job, main: Path, result: dict[str, Any], header_lines: int) -> RenderError:
    """The error for the worker's failed ``result`` compiling ``main`` (whose first
    ``header_lines`` lines are jv's, the rest pandoc's output)."""
    message = str(result.get("message", "")).strip()
    diagnostic = str(result.get("diagnostic", ""))
    text = f"Typst klarte ikke å lage PDF: {message}"
    for pattern, norwegian in _TYPST_MESSAGES:
        found = pattern.search(message)
        if found:
            text = norwegian.format(*found.groups()) + f". Melding fra Typst: {message}"
            break

    where = _TYPST_LOCATION.search(diagnostic)
    file = where.group("file").strip() if where else ""
    if where is not None and file != main.name and not file.startswith("_jv_"):
        # In a file the report uses, e.g. an SVG image: point at where it is used.
        md_line = find_line(job.lines, file)
        path, line = locate(md_line, job.spans)
        return RenderError(with_place(f"{text} (i {file})", path, line), path=path, line=line)
    if where is None or file != main.name:
        # An error in jv's own template, or one typst could not place.
        detail = f"\n{diagnostic.strip()}" if diagnostic.strip() else ""
        return RenderError(f"{text}{detail}")

    try:
        typ_lines = main.read_text(encoding="utf-8").splitlines()
    except OSError:
        typ_lines = []
    md_line = _typst_line_to_markdown(typ_lines, int(where.group("line")), header_lines, job.lines)
    path, line = locate(md_line, job.spans)
    return RenderError(with_place(text, path, line), path=path, line=line)


def _typst_line_to_markdown(
    typ_lines: list[str], typ_line: int, header_lines: int, md_lines: list[str]
) -> int | None:
    """Best guess at the Markdown line a line of generated Typst came from.

    Pandoc keeps the Markdown's line breaks (``--wrap=preserve``) but not its
    line numbers, so look for what the failing line names (an image path, a
    link target) or else for the Markdown line sharing most words with it.
    """
    if not 1 <= typ_line <= len(typ_lines) or typ_line <= header_lines:
        return None
    text = typ_lines[typ_line - 1]

    image = _IMAGE_CALL.search(text)
    if image:
        src = image.group(1).replace('\\"', '"').replace("\\\\", "\\")
        return find_line(md_lines, src) or find_line(md_lines, Path(src).name)
    label = _LABEL.search(text)
    if label:
        found = find_line(md_lines, f"#{label.group(1)}")
        if found:
            return found

    # Words from the failing line, widening to neighbours when it has none.
    for radius in range(0, 4):
        lo = max(header_lines + 1, typ_line - radius)
        hi = min(len(typ_lines), typ_line + radius)
        words = {w.lower() for i in range(lo, hi + 1) for w in _WORD.findall(typ_lines[i - 1])}
        words -= _TYPST_WORDS
        if words:
            break
    else:
        return None
    best, best_score = None, 0
    for number, md in enumerate(md_lines, start=1):
        score = len(words & {w.lower() for w in _WORD.findall(md)})
        if score > best_score:
            best, best_score = number, score
    return best

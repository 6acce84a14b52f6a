"""Turn an assembled Markdown report into PDF, DOCX or self-contained HTML.

The caller (the report assembler) owns the build folder ``workdir``: it has
written the images the Markdown refers to into it, with relative paths. The
render package never trusts the Markdown:

* pandoc reads it with raw HTML/TeX/``{=format}`` blocks, HTML div/span tags,
  TeX math, citations and metadata blocks (YAML and ``%`` title lines) switched
  off, so text can neither inject Typst/HTML/TeX nor change the metadata. The
  metadata pandoc sees comes only from :class:`ReportMeta`, passed as ``-M``
  strings (which the writers escape) or, for Typst, as a JSON file the template
  reads with ``json()``;
* ``jv-filter.lua`` rejects image paths that are URLs, absolute, contain
  ``..`` or do not exist in ``workdir``; drops link targets with other schemes
  than http(s)/mailto/tel; strips element attributes (``onclick=`` …); and
  reports links to anchors that do not exist; ``jv-tables.lua``, after it, sets
  table widths by content and keeps table cells and image descriptions intact in Typst;
* pandoc runs with ``workdir`` as its working and resource directory, and
  Typst compiles with ``workdir`` as its root, so neither reads files outside
  it (symbolic links pointing out of ``workdir`` are refused up front);
* pandoc and the Typst compile run as child processes under a time limit.

Output is written to a temporary file next to ``out`` and moved into place, so
a failed render leaves an existing ``out`` untouched.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NamedTuple

from jobbvinner_cli.render import pandoc, typst_pdf
from jobbvinner_cli.render.deadline import Deadline
from jobbvinner_cli.render.errors import RenderError, SourceSpan
from jobbvinner_cli.render.job import PDF_STANDARD, Job, ProgressFn, ReportMeta
from jobbvinner_cli.render.workdir import check_workdir, refuse_escaping_symlinks, reserve_temp

# RenderError, ReportMeta and SourceSpan are re-exported for code that still
# imports them from here rather than from jobbvinner_cli.render.
__all__ = ["RenderError", "RenderResult", "ReportMeta", "SourceSpan", "render"]

Format = Literal["pdf", "docx", "html"]
FORMATS: tuple[str, ...] = ("pdf", "docx", "html")


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class RenderResult(NamedTuple):
    path: Path
    pages: int | None  # PDF only
    format: str


def render(
    markdown: str,
    meta: ReportMeta,
    out: Path,
    fmt: Format,
    *,
    workdir: Path,
    spans: Sequence[SourceSpan] = (),
    timeout: float = 60.0,
    progress: ProgressFn | None = None,
    pdf_standard: str | None = PDF_STANDARD,
) -> RenderResult:
    """Render ``markdown`` to ``out`` as ``fmt`` ("pdf", "docx" or "html").

    ``timeout`` (seconds) covers the whole render; the stage running when it
    runs out is killed and a :class:`RenderError` raised. ``progress`` is called
    with the short stage name ("pandoc", "typst") as each stage starts.
    """
    if fmt not in FORMATS:
        raise RenderError(f"Ukjent format «{fmt}». Velg pdf, docx eller html.")
    job = Job(
        markdown=markdown,
        meta=meta,
        workdir=check_workdir(Path(workdir)),
        spans=tuple(spans),
        deadline=Deadline.after(timeout),
        progress=progress,
        pdf_standard=pdf_standard,
    )
    out = Path(out).absolute()
    if not out.parent.is_dir():
        raise RenderError(f"Mappen {out.parent} finnes ikke, så rapporten kan ikke lagres der.")
    if out.is_dir():
        raise RenderError(f"{out} er en mappe; oppgi et filnavn for rapporten.")
    refuse_escaping_symlinks(job.workdir)

    tmp = reserve_temp(out)
    try:
        pages: int | None = None
        if fmt == "pdf":
            pages = typst_pdf.compile_pdf(job, pandoc.to_typst(job), tmp)
        elif fmt == "docx":
            pandoc.render_docx(job, tmp)
        else:
            pandoc.render_html(job, tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise RenderError(f"Klarte ikke å skrive {out}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return RenderResult(path=out, pages=pages, format=fmt)

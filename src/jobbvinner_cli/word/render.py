"""Pandoc (and Typst for PDF) for one exported document: no title page, no contents.

The report's renderer (:mod:`jobbvinner_cli.render`) makes a book: title page, contents,
numbered chapters on new pages. A document sent to a team is the template filled in:
its title on top, the header fields, the sections as Word headings numbered only by the
number written in them, the guidance in the «Veiledning» paragraph style. Pandoc reads
the Markdown with the same extensions switched off as for the report, runs in the build
folder, and under the same time limit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from jobbvinner_cli.render.binaries import pandoc_path
from jobbvinner_cli.render.deadline import Deadline, run_before
from jobbvinner_cli.render.errors import RenderError
from jobbvinner_cli.render.job import Job, ReportMeta
from jobbvinner_cli.render.pandoc import HTML_CSS, MARKDOWN_FORMAT
from jobbvinner_cli.render.typst_pdf import compile_pdf
from jobbvinner_cli.render.workdir import check_workdir, refuse_escaping_symlinks, reserve_temp

HERE = Path(__file__).resolve().parent
FILTER = HERE / "document-filter.lua"
REFERENCE = HERE / "reference-dokument.docx"
TEMPLATE = HERE / "document.typ"

#: the document's identity, in the DOCX file's keywords, so an import knows it back
KEYWORD_PREFIX = "jv-dokument:"


def identity_keyword(type_name: str, nr: int | None, team: str | None) -> str:
    parts = [type_name, str(nr) if nr is not None else "", team or ""]
    return KEYWORD_PREFIX + ":".join(parts)


def render_document(
    markdown: str,
    meta: ReportMeta,
    out: Path,
    fmt: str,
    *,
    workdir: Path,
    keyword: str,
    timeout: float,
) -> int | None:
    """Write ``markdown`` (no title line: the title is ``meta.title``) to ``out``; the PDF's
    page count, if known. ``out`` is replaced only when the render succeeds."""
    job = Job(
        markdown=markdown,
        meta=meta,
        workdir=check_workdir(workdir),
        spans=(),
        deadline=Deadline.after(timeout),
        progress=None,
    )
    out = out.absolute()
    if not out.parent.is_dir():
        raise RenderError(f"Mappen {out.parent} finnes ikke, så filen kan ikke lagres der.")
    if out.is_dir():
        raise RenderError(f"{out} er en mappe; oppgi et filnavn.")
    refuse_escaping_symlinks(job.workdir)
    tmp = reserve_temp(out)
    pages: int | None = None
    try:
        if fmt == "pdf":
            body = _pandoc(job, "typst", ["--wrap=preserve"]).decode("utf-8")
            pages = compile_pdf(job, body, tmp, template=TEMPLATE, entry="document")
        elif fmt == "docx":
            _pandoc(
                job,
                "docx",
                [
                    f"--reference-doc={REFERENCE}",
                    f"--metadata=title={_one_line(meta.title)}",
                    f"--metadata=subject={_one_line(meta.subtitle or '')}",
                    f"--metadata-file={_keywords_file(job.workdir, keyword)}",
                    f"--output={tmp}",
                ],
            )
        else:
            _pandoc(
                job,
                "html5",
                [
                    "--standalone",
                    "--embed-resources",
                    f"--css={HTML_CSS}",
                    f"--metadata=title={_one_line(meta.title)}",
                    "--wrap=none",
                    f"--output={tmp}",
                ],
            )
        os.replace(tmp, out)
    except OSError as exc:
        raise RenderError(f"Klarte ikke å skrive {out}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return pages


def _pandoc(job: Job, to: str, extra: list[str]) -> bytes:
    lang = job.lang + ("-NO" if to == "docx" and job.lang in ("nb", "nn", "no") else "")
    binary = pandoc_path()
    args = [
        binary,
        # as written: no «St.» + no-break space, no curly quotes or dashes made from
        # ASCII, so the Word file holds the document's own characters (the round trip)
        f"--from={MARKDOWN_FORMAT}-abbreviations-smart",
        f"--to={to}",
        f"--lua-filter={FILTER}",
        "--shift-heading-level-by=-1",  # the sections (##) are the Word file's Heading 1
        "--resource-path=.",
        f"--data-dir={job.workdir / '.jv-ingen-pandoc-data'}",
        f"--metadata=lang={lang}",
        *extra,
    ]
    proc = run_before(
        job.deadline,
        args,
        stdin=job.markdown.encode("utf-8"),
        cwd=job.workdir,
        stage="Pandoc",
        program=f"pandoc ({binary})",
    )
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise RenderError("Pandoc klarte ikke å lage filen.\n" + "\n".join(detail))
    return proc.stdout


def _keywords_file(workdir: Path, keyword: str) -> str:
    """Pandoc writes DOCX keywords only from a list, which ``-M`` cannot give."""
    path = workdir / "_jv_nokkelord.json"
    path.write_text(json.dumps({"keywords": [keyword]}), encoding="utf-8")
    return path.name


def _one_line(value: str) -> str:
    return " ".join(value.split())

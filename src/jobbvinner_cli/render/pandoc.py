"""Pandoc: how report Markdown is read, the arguments for each output, and its errors.

PDF goes through pandoc's Typst writer (:func:`to_typst`, then
:mod:`jobbvinner_cli.render.typst_pdf`); DOCX and HTML are written by pandoc
directly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jobbvinner_cli.pipeline.nesting import deepest_brackets
from jobbvinner_cli.render.binaries import pandoc_path
from jobbvinner_cli.render.deadline import RenderTimeout, run_before
from jobbvinner_cli.render.errors import (
    RenderError,
    find_line,
    last_lines,
    locate,
    place,
    with_place,
)
from jobbvinner_cli.render.job import Job
from jobbvinner_cli.words import plural

HERE = Path(__file__).resolve().parent
LUA_FILTER = HERE / "jv-filter.lua"
TABLES_FILTER = HERE / "jv-tables.lua"  # after jv-filter.lua: sees checked paths, captions
REFERENCE_DOCX = HERE / "reference.docx"
REFERENCE_DOCX_DRAFT = HERE / "reference-utkast.docx"
HTML_CSS = HERE / "report.css"
HTML_DRAFT_BANNER = HERE / "utkast-banner.html"

#: Pandoc Markdown extensions switched off for report text. Raw blocks and
#: inline raw (``{=typst}``, ``<script>``, ``\\input``) would reach the output
#: verbatim; ``native_divs``/``native_spans`` turn ``<div>``/``<span>`` tags
#: into structure; metadata blocks would override the title page; TeX math and
#: macros go to the writers as TeX; citations become Typst ``@label``
#: references that fail to compile.
DISABLED_EXTENSIONS: tuple[str, ...] = (
    "raw_html",
    "raw_tex",
    "raw_attribute",
    "native_divs",
    "native_spans",
    "markdown_in_html_blocks",
    "yaml_metadata_block",
    "pandoc_title_block",
    "mmd_title_block",
    "tex_math_dollars",
    "tex_math_single_backslash",
    "tex_math_double_backslash",
    "latex_macros",
    "citations",
    "rebase_relative_paths",
)
MARKDOWN_FORMAT = "markdown" + "".join(f"-{ext}" for ext in DISABLED_EXTENSIONS)

TOC_TITLE = "Innhold"
TOC_DEPTH = 2


def to_typst(job: Job) -> str:
    """The report body as Typst, for :mod:`jobbvinner_cli.render.typst_pdf`."""
    job.stage("pandoc")
    return _run_pandoc(
        job,
        [*_common_args(job, "typst"), "--wrap=preserve", "--syntax-highlighting=idiomatic"],
    ).decode("utf-8")


def render_docx(job: Job, out: Path) -> None:
    job.stage("pandoc")
    reference = REFERENCE_DOCX_DRAFT if job.meta.draft else REFERENCE_DOCX
    _run_pandoc(
        job,
        [
            *_common_args(job, "docx"),
            *_title_metadata(job),
            f"--reference-doc={reference}",
            "--toc",
            f"--toc-depth={TOC_DEPTH}",
            "--number-sections",
            f"--output={out}",
        ],
    )
    from jobbvinner_cli.render.docx_post import finish_docx

    finish_docx(out, job.meta, _docx_lang(job.lang), toc_depth=TOC_DEPTH)


def render_html(job: Job, out: Path) -> None:
    job.stage("pandoc")
    args = [
        *_common_args(job, "html5"),
        *_title_metadata(job),
        "--standalone",
        "--embed-resources",
        f"--css={HTML_CSS}",
        "--toc",
        f"--toc-depth={TOC_DEPTH}",
        "--number-sections",
        "--wrap=none",
        f"--output={out}",
    ]
    if job.meta.draft:
        args += ["--title-prefix=UTKAST", f"--include-before-body={HTML_DRAFT_BANNER}"]
    _run_pandoc(job, args)


def _common_args(job: Job, to: str) -> list[str]:
    lang = _docx_lang(job.lang) if to == "docx" else job.lang
    return [
        f"--from={MARKDOWN_FORMAT}",
        f"--to={to}",
        f"--lua-filter={LUA_FILTER}",
        f"--lua-filter={TABLES_FILTER}",
        "--resource-path=.",
        f"--data-dir={job.workdir / '.jv-ingen-pandoc-data'}",
        f"--metadata=lang={lang}",
    ]


def _docx_lang(lang: str) -> str:
    # Word wants a region for spelling and hyphenation
    return lang + "-NO" if lang in ("nb", "nn", "no") else lang


def _title_metadata(job: Job) -> list[str]:
    meta = job.meta
    values = {
        "title": meta.title,
        "subtitle": meta.subtitle or "",
        "toc-title": TOC_TITLE,
        "jv-region": meta.region,
        "jv-period": meta.period,
        "jv-municipalities": _join_names(meta.municipalities),
        "jv-project-leader": meta.project_leader,
        "jv-date": meta.date_text,
        "jv-draft": "true" if meta.draft else "false",
    }
    return [f"--metadata={key}={_one_line(value)}" for key, value in values.items() if value]


def _run_pandoc(job: Job, args: list[str]) -> bytes:
    binary = pandoc_path()
    try:
        proc = run_before(
            job.deadline,
            [binary, *args],
            stdin=job.markdown.encode("utf-8"),
            cwd=job.workdir,
            stage="Pandoc",
            program=f"pandoc ({binary})",
        )
    except RenderTimeout as exc:
        raise _timeout_with_suspect(job, exc) from None
    if proc.returncode != 0:
        raise _pandoc_failure(job, proc.stderr.decode("utf-8", "replace"))
    return proc.stdout


_FILTER_ERROR = re.compile(r"JV-FILTER-ERROR(.*?)JV-END", re.S)

_PROBLEM_TEXT = {
    "url": "Bildet «{src}» er en nettadresse. Bilder må ligge i pilotmappen og ha en "
    "relativ filsti.",
    "absolutt": "Bildestien «{src}» er absolutt. Bruk en filsti relativt til rapporten.",
    "foreldermappe": "Bildestien «{src}» inneholder «..». Bilder kan ikke hentes utenfor "
    "pilotmappen.",
    "ugyldig": "Bildestien «{src}» inneholder tegn som ikke er tillatt.",
    "tom": "Et bilde mangler filsti.",
    "mangler": "Finner ikke bildet «{src}».",
    "format": "Bildet «{src}» er ikke et bilde jv kan bruke (PNG, JPEG, GIF, WebP eller SVG).",
    "lenke": "Lenken «#{src}» peker ikke til noe kapittel eller avsnitt i rapporten.",
}


def _timeout_with_suspect(job: Job, exc: RenderTimeout) -> RenderError:
    """The time-out, naming the file Pandoc was most likely stuck in: the one with the
    deepest brackets (what makes its reader crawl), else the longest."""
    if not job.spans:
        return exc
    scored = []
    for span in job.spans:
        text = "\n".join(job.lines[span.start_line - 1 : span.end_line])
        depth, line = deepest_brackets(text)
        scored.append((depth, len(text), span, line))
    depth, _, span, line = max(scored, key=lambda s: (s[0], s[1]))
    if depth > 3:
        at = span.source_start_line + line - 1
        why = (
            f" Den stod trolig fast på denne linjen, der hakeparenteser er nøstet i {depth} "
            "nivåer; fjern de ekstra (jv check viser hvor)."
        )
        return RenderTimeout(exc.message + why, path=span.path, line=at)
    return RenderTimeout(
        exc.message
        + f" Den gjorde om {plural(len(job.spans), 'fil', 'filer')}; den lengste er denne.",
        path=span.path,
    )


def _pandoc_failure(job: Job, stderr: str) -> RenderError:
    match = _FILTER_ERROR.search(stderr)
    if match:
        import json  # only for a failure: a DOCX or HTML build needs no JSON otherwise

        try:
            problems = json.loads(match.group(1))
        except ValueError:
            problems = []
        if isinstance(problems, list) and problems:
            return _problems_error(job, problems)
    detail = last_lines(stderr)
    return RenderError(f"Pandoc klarte ikke å lage rapporten.\n{detail}".rstrip())


def _problems_error(job: Job, problems: list[Any]) -> RenderError:
    """The problems jv-filter.lua collected, at their source lines, in document order."""
    found: list[tuple[int | None, str]] = []
    for problem in problems:
        kind = str(problem.get("kind", "")) if isinstance(problem, dict) else ""
        src = str(problem.get("src", "")) if isinstance(problem, dict) else ""
        text = _PROBLEM_TEXT.get(kind, "Ugyldig bilde «{src}».").format(src=src)
        needle = f"#{src}" if kind == "lenke" else src
        found.append((find_line(job.lines, needle) if needle else None, text))
    found.sort(key=lambda item: (item[0] is None, item[0] or 0))
    located = [(*locate(md_line, job.spans), text) for md_line, text in found]
    path, line, text = located[0]
    if len(located) == 1:
        return RenderError(with_place(text, path, line), path=path, line=line)
    listing = "\n".join(f"  {place(p, n) or '?'}: {t}" for p, n, t in located)
    return RenderError(
        f"{plural(len(located), 'problem', 'problemer')} med bilder eller lenker i rapporten:\n{listing}",
        path=path,
        line=line,
    )


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _join_names(names: Sequence[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]

"""Turn an assembled Markdown report into PDF, DOCX or self-contained HTML.

The caller (the report assembler) owns the build folder ``workdir``: it has
written the images the Markdown refers to into it, with relative paths. This
module never trusts the Markdown:

* pandoc reads it with raw HTML/TeX/``{=format}`` blocks, HTML div/span tags,
  TeX math, citations and metadata blocks (YAML and ``%`` title lines) switched
  off, so text can neither inject Typst/HTML/TeX nor change the metadata. The
  metadata pandoc sees comes only from :class:`ReportMeta`, passed as ``-M``
  strings (which the writers escape) or, for Typst, as a JSON file the template
  reads with ``json()``;
* ``jv-filter.lua`` rejects image paths that are URLs, absolute, contain
  ``..`` or do not exist in ``workdir``; drops link targets with other schemes
  than http(s)/mailto/tel; strips element attributes (``onclick=`` …); and
  reports links to anchors that do not exist;
* pandoc runs with ``workdir`` as its working and resource directory, and
  Typst compiles with ``workdir`` as its root, so neither reads files outside
  it (symbolic links pointing out of ``workdir`` are refused up front);
* pandoc and the Typst compile run as child processes under a time limit.

Output is written to a temporary file next to ``out`` and moved into place, so
a failed render leaves an existing ``out`` untouched.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from jobbvinner_cli.errors import JvError

__all__ = [
    "DISABLED_EXTENSIONS",
    "MARKDOWN_FORMAT",
    "RenderError",
    "RenderResult",
    "ReportMeta",
    "SourceSpan",
    "pandoc_path",
    "render",
]

Format = Literal["pdf", "docx", "html"]
FORMATS: tuple[str, ...] = ("pdf", "docx", "html")

HERE = Path(__file__).resolve().parent
TYPST_TEMPLATE = HERE / "report.typ"
LUA_FILTER = HERE / "jv-filter.lua"
REFERENCE_DOCX = HERE / "reference.docx"
REFERENCE_DOCX_DRAFT = HERE / "reference-utkast.docx"
HTML_CSS = HERE / "report.css"
HTML_DRAFT_BANNER = HERE / "utkast-banner.html"
TYPST_WORKER = HERE / "typst_worker.py"

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


@dataclass(frozen=True)
class SourceSpan:
    """Where a chunk of the assembled Markdown came from."""

    start_line: int  # 1-based line in the assembled markdown
    end_line: int
    path: str  # pilot-relative source file, e.g. "teams/froya/sluttrapport.md"
    source_start_line: int  # 1-based line in that file where the chunk starts


@dataclass(frozen=True)
class ReportMeta:
    title: str
    subtitle: str | None
    region: str
    period: str
    municipalities: list[str]
    project_leader: str
    date_text: str  # already formatted, e.g. "4. juni 2019"
    draft: bool
    lang: str = "nb"


@dataclass(frozen=True)
class RenderResult:
    path: Path
    pages: int | None  # PDF only
    format: str


class RenderError(JvError):
    """Rendering failed. ``message`` is Norwegian; ``path``/``line`` point at the
    pilot source file and line when the problem could be traced to one (``path``
    is None and ``line`` is the line in the assembled Markdown when no span
    covers it)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message, path=path, line=line)


ProgressFn = Callable[[str], None]


# --------------------------------------------------------------------------- #
# public entry point


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
) -> RenderResult:
    """Render ``markdown`` to ``out`` as ``fmt`` ("pdf", "docx" or "html").

    ``timeout`` (seconds) covers the whole render; the stage running when it
    runs out is killed and a :class:`RenderError` raised. ``progress`` is called
    with the short stage name ("pandoc", "typst") as each stage starts.
    """
    if fmt not in FORMATS:
        raise RenderError(f"Ukjent format «{fmt}». Velg pdf, docx eller html.")
    job = _Job(
        markdown=markdown,
        meta=meta,
        workdir=_check_workdir(Path(workdir)),
        spans=tuple(spans),
        timeout=timeout,
        deadline=time.monotonic() + timeout,
        progress=progress,
    )
    out = Path(out).absolute()
    if not out.parent.is_dir():
        raise RenderError(f"Mappen {out.parent} finnes ikke, så rapporten kan ikke lagres der.")
    if out.is_dir():
        raise RenderError(f"{out} er en mappe; oppgi et filnavn for rapporten.")
    _refuse_escaping_symlinks(job.workdir)

    tmp = _reserve_temp(out)
    try:
        pages: int | None = None
        if fmt == "pdf":
            pages = _render_pdf(job, tmp)
        elif fmt == "docx":
            _render_docx(job, tmp)
        else:
            _render_html(job, tmp)
        os.replace(tmp, out)
    except OSError as exc:
        raise RenderError(f"Klarte ikke å skrive {out}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return RenderResult(path=out, pages=pages, format=fmt)


# --------------------------------------------------------------------------- #
# formats


@dataclass
class _Job:
    markdown: str
    meta: ReportMeta
    workdir: Path
    spans: tuple[SourceSpan, ...]
    timeout: float
    deadline: float
    progress: ProgressFn | None

    def stage(self, name: str) -> None:
        if self.progress is not None:
            self.progress(name)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.markdown.splitlines()


def _common_pandoc_args(job: _Job, to: str) -> list[str]:
    lang = _lang(job.meta)
    if to == "docx" and lang in ("nb", "nn", "no"):
        lang += "-NO"  # Word wants a region for spelling and hyphenation
    return [
        f"--from={MARKDOWN_FORMAT}",
        f"--to={to}",
        f"--lua-filter={LUA_FILTER}",
        "--resource-path=.",
        f"--data-dir={job.workdir / '.jv-ingen-pandoc-data'}",
        f"--metadata=lang={lang}",
    ]


def _render_pdf(job: _Job, tmp: Path) -> int | None:
    job.stage("pandoc")
    body = _run_pandoc(
        job,
        [*_common_pandoc_args(job, "typst"), "--wrap=preserve", "--syntax-highlighting=idiomatic"],
    ).decode("utf-8")

    token = secrets.token_hex(6)
    lib = job.workdir / f"_jv_{token}_report.typ"
    meta_file = job.workdir / f"_jv_{token}_meta.json"
    main = job.workdir / f"_jv_{token}_main.typ"
    header = f'#import "{lib.name}": *\n#show: report.with(meta: json("{meta_file.name}"))\n'
    try:
        shutil.copyfile(TYPST_TEMPLATE, lib)
        meta = asdict(job.meta)
        meta["lang"] = _lang(job.meta)
        meta_file.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        main.write_text(header + body, encoding="utf-8")
        job.stage("typst")
        return _run_typst(job, main, tmp, header_lines=header.count("\n"))
    finally:
        for path in (lib, meta_file, main):
            path.unlink(missing_ok=True)


def _title_metadata(job: _Job) -> list[str]:
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


def _render_docx(job: _Job, tmp: Path) -> None:
    job.stage("pandoc")
    reference = REFERENCE_DOCX_DRAFT if job.meta.draft else REFERENCE_DOCX
    _run_pandoc(
        job,
        [
            *_common_pandoc_args(job, "docx"),
            *_title_metadata(job),
            f"--reference-doc={reference}",
            "--toc",
            f"--toc-depth={TOC_DEPTH}",
            "--number-sections",
            f"--output={tmp}",
        ],
    )


def _render_html(job: _Job, tmp: Path) -> None:
    job.stage("pandoc")
    args = [
        *_common_pandoc_args(job, "html5"),
        *_title_metadata(job),
        "--standalone",
        "--embed-resources",
        f"--css={HTML_CSS}",
        "--toc",
        f"--toc-depth={TOC_DEPTH}",
        "--number-sections",
        "--wrap=none",
        f"--output={tmp}",
    ]
    if job.meta.draft:
        args += ["--title-prefix=UTKAST", f"--include-before-body={HTML_DRAFT_BANNER}"]
    _run_pandoc(job, args)


# --------------------------------------------------------------------------- #
# running pandoc


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


def _run_pandoc(job: _Job, args: list[str]) -> bytes:
    binary = pandoc_path()
    remaining = job.remaining()
    if remaining <= 0:
        raise _timeout_error("Pandoc", job.timeout)
    try:
        proc = subprocess.run(
            [binary, *args],
            input=job.markdown.encode("utf-8"),
            capture_output=True,
            cwd=job.workdir,
            timeout=remaining,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _timeout_error("Pandoc", job.timeout) from None
    except OSError as exc:
        raise RenderError(f"Klarte ikke å starte pandoc ({binary}): {exc}") from exc
    if proc.returncode != 0:
        raise _pandoc_failure(job, proc.stderr.decode("utf-8", "replace"))
    return proc.stdout


def _timeout_error(stage: str, timeout: float) -> RenderError:
    return RenderError(
        f"{stage} brukte mer enn {_seconds(timeout)} sekunder og ble stoppet. "
        "Rapporten ble ikke laget; prøv igjen, eventuelt med lengre tidsgrense."
    )


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


def _pandoc_failure(job: _Job, stderr: str) -> RenderError:
    match = _FILTER_ERROR.search(stderr)
    if match:
        try:
            problems = json.loads(match.group(1))
        except ValueError:
            problems = []
        if isinstance(problems, list) and problems:
            return _problems_error(job, problems)
    detail = _last_lines(stderr)
    return RenderError(f"Pandoc klarte ikke å lage rapporten.\n{detail}".rstrip())


def _problems_error(job: _Job, problems: list[Any]) -> RenderError:
    found: list[tuple[int | None, str]] = []
    for problem in problems:
        kind = str(problem.get("kind", "")) if isinstance(problem, dict) else ""
        src = str(problem.get("src", "")) if isinstance(problem, dict) else ""
        text = _PROBLEM_TEXT.get(kind, "Ugyldig bilde «{src}».").format(src=src)
        needle = f"#{src}" if kind == "lenke" else src
        found.append((_find_line(job.lines, needle) if needle else None, text))
    found.sort(key=lambda item: (item[0] is None, item[0] or 0))  # in document order
    located = [(*_locate(md_line, job.spans), text) for md_line, text in found]
    path, line, text = located[0]
    if len(located) == 1:
        return RenderError(_with_place(text, path, line), path=path, line=line)
    listing = "\n".join(f"  {_place(p, n) or '?'}: {t}" for p, n, t in located)
    return RenderError(
        f"{len(located)} problemer med bilder eller lenker i rapporten:\n{listing}",
        path=path,
        line=line,
    )


# --------------------------------------------------------------------------- #
# running typst


def _run_typst(job: _Job, main: Path, tmp: Path, *, header_lines: int) -> int | None:
    remaining = job.remaining()
    if remaining <= 0:
        raise _timeout_error("Typst", job.timeout)
    request = json.dumps({"input": str(main), "root": str(job.workdir), "output": str(tmp)})
    try:
        proc = subprocess.run(
            [sys.executable, "-I", str(TYPST_WORKER)],
            input=request.encode("utf-8"),
            capture_output=True,
            cwd=job.workdir,
            timeout=remaining,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _timeout_error("Typst", job.timeout) from None
    except OSError as exc:
        raise RenderError(f"Klarte ikke å starte Typst: {exc}") from exc
    try:
        result = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError):
        detail = _last_lines(proc.stderr.decode("utf-8", "replace"))
        raise RenderError(
            f"Typst stoppet uventet (kode {proc.returncode}).\n{detail}".rstrip()
        ) from None
    if not result.get("ok"):
        raise _typst_failure(job, main, result, header_lines)
    pages = result.get("pages")
    return pages if isinstance(pages, int) else None


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


def _typst_failure(job: _Job, main: Path, result: dict[str, Any], header_lines: int) -> RenderError:
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
        md_line = _find_line(job.lines, file)
        path, line = _locate(md_line, job.spans)
        return RenderError(_with_place(f"{text} (i {file})", path, line), path=path, line=line)
    if where is None or file != main.name:
        # An error in jv's own template, or one typst could not place.
        detail = f"\n{diagnostic.strip()}" if diagnostic.strip() else ""
        return RenderError(f"{text}{detail}")

    try:
        typ_lines = main.read_text(encoding="utf-8").splitlines()
    except OSError:
        typ_lines = []
    md_line = _typst_line_to_markdown(typ_lines, int(where.group("line")), header_lines, job.lines)
    path, line = _locate(md_line, job.spans)
    return RenderError(_with_place(text, path, line), path=path, line=line)


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
        return _find_line(md_lines, src) or _find_line(md_lines, Path(src).name)
    label = _LABEL.search(text)
    if label:
        found = _find_line(md_lines, f"#{label.group(1)}")
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


# --------------------------------------------------------------------------- #
# helpers


def _check_workdir(workdir: Path) -> Path:
    try:
        resolved = workdir.resolve(strict=True)
    except OSError as exc:
        raise RenderError(f"Byggemappen {workdir} finnes ikke.") from exc
    if not resolved.is_dir():
        raise RenderError(f"Byggemappen {workdir} er ikke en mappe.")
    return resolved


def _refuse_escaping_symlinks(workdir: Path) -> None:
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


def _reserve_temp(out: Path) -> Path:
    for _ in range(100):
        tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
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


def _find_line(lines: list[str], needle: str) -> int | None:
    for number, text in enumerate(lines, start=1):
        if needle in text:
            return number
    return None


def _locate(md_line: int | None, spans: Sequence[SourceSpan]) -> tuple[str | None, int | None]:
    """Markdown line → (source file, line in it); (None, markdown line) if no span covers it."""
    if md_line is None:
        return None, None
    for span in spans:
        if span.start_line <= md_line <= span.end_line:
            return span.path, span.source_start_line + (md_line - span.start_line)
    return None, md_line


def _place(path: str | None, line: int | None) -> str:
    if path is not None:
        return f"{path}:{line}" if line else path
    if line is not None:
        return f"linje {line} i den sammensatte rapporten"
    return ""


def _with_place(text: str, path: str | None, line: int | None) -> str:
    if path is None and line is not None:
        return f"{text} ({_place(path, line)})"
    return text


def _last_lines(text: str, count: int = 8) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return "\n".join(lines[-count:])


def _seconds(value: float) -> str:
    if value >= 10 or value == int(value):
        return str(round(value))
    return f"{value:.3g}".replace(".", ",")


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _join_names(names: Sequence[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def _lang(meta: ReportMeta) -> str:
    return meta.lang if _LANG.fullmatch(meta.lang or "") else "nb"

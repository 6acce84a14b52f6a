"""Compile one Typst file to PDF in a child process, so the engine can kill it.

Run by :mod:`jobbvinner_cli.render.typst_pdf` as ``python -I typst_worker.py`` (by
path, so nothing but the standard library and the ``typst`` package is
imported). It reads a JSON job from stdin::

    {"input": "<main .typ>", "root": "<build folder>", "output": "<pdf path>",
     "pdf_standards": ["a-2b"]}

and writes one JSON line to stdout: ``{"ok": true, "pages": N, "warnings": [...]}``
or ``{"ok": false, "message": ..., "diagnostic": ..., "hints": [...]}``.
Only the fonts embedded in typst are used (no system fonts), so a report looks
the same on every machine, and only files under ``root`` can be read.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

_ROOT_PAGES = re.compile(rb"<<\s*/Type\s*/Pages\b((?:(?!>>).)*?)>>", re.S)
_COUNT = re.compile(rb"/Count\s+(\d+)")


def page_count(pdf: bytes) -> int | None:
    """Pages in a PDF: the /Count of the page tree root, which typst writes
    uncompressed. None if it is not found: the count is only shown to the
    user, which is not worth a PDF library at run time."""
    for match in _ROOT_PAGES.finditer(pdf):
        body = match.group(1)
        if b"/Parent" in body:
            continue
        count = _COUNT.search(body)
        if count:
            return int(count.group(1))
    return None


def compile_job(job: dict[str, Any]) -> dict[str, Any]:
    import typst

    try:
        compiler = typst.Compiler(root=job["root"], ignore_system_fonts=True)
        pdf, warnings = compiler.compile_with_warnings(
            job["input"], format="pdf", pdf_standards=job.get("pdf_standards") or []
        )
    except typst.TypstError as exc:
        return {
            "ok": False,
            "message": str(getattr(exc, "message", exc)),
            "diagnostic": str(getattr(exc, "diagnostic", "")),
            "hints": [str(h) for h in (getattr(exc, "hints", None) or [])],
        }
    except Exception as exc:  # typst raises plain RuntimeError for some failures
        return {"ok": False, "message": str(exc), "diagnostic": "", "hints": []}
    if not isinstance(pdf, bytes):
        return {"ok": False, "message": "typst returned no PDF", "diagnostic": "", "hints": []}
    with open(job["output"], "wb") as fh:
        fh.write(pdf)
    return {
        "ok": True,
        "pages": page_count(pdf),
        "warnings": [str(getattr(w, "message", w)) for w in warnings],
    }


def main() -> int:
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    result = compile_job(job)
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

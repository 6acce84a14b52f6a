"""Typst: compile pandoc's Typst output under jv's template to PDF, in a worker process.

The compile runs in :mod:`jobbvinner_cli.render.typst_worker` as a child
process, so the render's time limit can kill it.
"""

from __future__ import annotations

import secrets
import shutil
import sys
from dataclasses import asdict
from pathlib import Path

from jobbvinner_cli.render.deadline import run_before
from jobbvinner_cli.render.errors import RenderError, last_lines
from jobbvinner_cli.render.job import Job
from jobbvinner_cli.render.typst_errors import typst_failure

HERE = Path(__file__).resolve().parent
TYPST_TEMPLATE = HERE / "report.typ"
TYPST_WORKER = HERE / "typst_worker.py"


def compile_pdf(
    job: Job, body: str, out: Path, *, template: Path = TYPST_TEMPLATE, entry: str = "report"
) -> int | None:
    """Write the PDF for Typst ``body`` to ``out``; returns its page count if known.

    ``template`` is the Typst file whose function ``entry`` lays the body out (a single
    exported document has its own, without the report's title page and contents)."""
    import json  # here: a DOCX or HTML build imports this module but needs no JSON

    # Random names: the build folder holds the report's own files too.
    token = secrets.token_hex(6)
    lib = job.workdir / f"_jv_{token}_report.typ"
    meta_file = job.workdir / f"_jv_{token}_meta.json"
    main = job.workdir / f"_jv_{token}_main.typ"
    header = f'#import "{lib.name}": *\n#show: {entry}.with(meta: json("{meta_file.name}"))\n'
    try:
        shutil.copyfile(template, lib)
        meta = asdict(job.meta)
        meta["lang"] = job.lang
        meta_file.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        main.write_text(header + body, encoding="utf-8")
        job.stage("typst")
        return _run_worker(job, main, out, header_lines=header.count("\n"))
    finally:
        for path in (lib, meta_file, main):
            path.unlink(missing_ok=True)


def _run_worker(job: Job, main: Path, out: Path, *, header_lines: int) -> int | None:
    import json

    request = json.dumps(
        {
            "input": str(main),
            "root": str(job.workdir),
            "output": str(out),
            "pdf_standards": [job.pdf_standard] if job.pdf_standard else [],
        }
    )
    proc = run_before(
        job.deadline,
        [sys.executable, "-I", str(TYPST_WORKER)],
        stdin=request.encode("utf-8"),
        cwd=job.workdir,
        stage="Typst",
        program="Typst",
    )
    try:
        result = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError):
        detail = last_lines(proc.stderr.decode("utf-8", "replace"))
        raise RenderError(
            f"Typst stoppet uventet (kode {proc.returncode}).\n{detail}".rstrip()
        ) from None
    if not result.get("ok"):
        raise typst_failure(job, main, result, header_lines)
    pages = result.get("pages")
    return pages if isinstance(pages, int) else None

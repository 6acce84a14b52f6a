"""Checking the documents: in one process, or with ``--jobs N`` in N forked ones.

One process is the default at every size. Measured on 43,500 documents (copies of the
example's teams) on an idle 2-core machine: one process 18.5 s of CPU and 18.8 s on the
clock; two 28.5 s of CPU and 21.9 s on the clock. Copying the workers' results back
costs about what the second core gives.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable
from pathlib import Path

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.check.document import DocResult, analyse
from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.model.workdays import holiday_names
from jobbvinner_cli.pipeline.document import DocFacts, DocRef
from jobbvinner_cli.pipeline.problems import JV100

_WORKER_CTX: CheckContext | None = None


def _analyse_safely(ctx: CheckContext, task: DocRef) -> DocResult:
    try:
        return analyse(ctx, task)
    except Exception as exc:  # a bug in jv must not stop the check of the other files
        sink = Sink(task.rel, task.team, task.type_name)
        where = traceback.extract_tb(exc.__traceback__)[-1]
        sink.add(
            JV100,
            None,
            f"jv klarte ikke å sjekke filen ({type(exc).__name__} i "
            f"{Path(where.filename).name}:{where.lineno}). De andre filene er sjekket. Meld fra "
            "om feilen.",
        )
        return DocResult(DocFacts(task), sink.items)


def _work(tasks: list[DocRef]) -> list[DocResult]:
    assert _WORKER_CTX is not None
    return [_analyse_safely(_WORKER_CTX, task) for task in tasks]


def _workers(requested: int) -> int:
    return max(requested, 1)


def _shares(tasks: list[DocRef], workers: int, head_start: float) -> list[list[DocRef]]:
    """Split the documents; the first share (this process) is smaller by ``head_start``
    documents' worth of other work."""
    per = (len(tasks) + head_start) / workers
    first = max(0, min(len(tasks), round(per - head_start)))
    rest = tasks[first:]
    size = -(-len(rest) // max(workers - 1, 1))
    return [tasks[:first]] + [rest[i : i + size] for i in range(0, len(rest), size)]


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def run_tasks(
    ctx: CheckContext,
    tasks: list[DocRef],
    years: list[int],
    jobs: int = 0,
    meanwhile: Callable[[], None] | None = None,
    meanwhile_cost: float = 0.0,
) -> tuple[list[DocResult], dict[dt.date, str]]:
    """Check the documents; look up the public holidays of ``years``; run ``meanwhile``.

    With several workers, the worker processes are forked first and take a share
    of the documents each, one of them also loading the holidays package (slow to
    import); this process runs ``meanwhile`` (reading team.yaml files) and then
    checks its own share.
    """
    workers = _workers(jobs)
    if workers <= 1 or len(tasks) < 2 or not _can_fork():
        if meanwhile is not None:
            meanwhile()
        return [_analyse_safely(ctx, task) for task in tasks], holiday_names(years)
    # imported only here: a check in one process (most) does without them
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _WORKER_CTX
    _WORKER_CTX = ctx  # inherited by the forked workers; nothing is pickled on the way in
    shares = _shares(tasks, workers, meanwhile_cost)
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=context) as pool:
            pending = [pool.submit(_work, share) for share in shares[1:]]
            names = pool.submit(holiday_names, years)
            if meanwhile is not None:
                meanwhile()
            results = _work(shares[0])
            for share, future in zip(shares[1:], pending, strict=True):
                try:
                    results.extend(future.result())
                except BrokenProcessPool:  # a worker died: do its share here
                    results.extend(_work(share))
            try:
                holidays = names.result()
            except BrokenProcessPool:
                holidays = holiday_names(years)
    finally:
        _WORKER_CTX = None
    return results, holidays

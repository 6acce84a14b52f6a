"""What a render works from: the report's metadata, where its lines came from, and the job."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.render.deadline import Deadline
from jobbvinner_cli.render.errors import SourceSpan

ProgressFn = Callable[[str], None]


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


# The language tag reaches pandoc's command line and Typst's text(lang:), so only
# something shaped like a BCP 47 tag is passed on.
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


# PDF/A-2b: what municipal archives take (Noark 5 lists PDF/A-2 as an archival format).
PDF_STANDARD = "a-2b"


@dataclass
class Job:
    markdown: str
    meta: ReportMeta
    workdir: Path  # resolved
    spans: tuple[SourceSpan, ...]
    deadline: Deadline
    progress: ProgressFn | None
    pdf_standard: str | None = PDF_STANDARD  # Typst's name, e.g. "a-2b"; None: plain PDF

    def stage(self, name: str) -> None:
        if self.progress is not None:
            self.progress(name)

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.markdown.splitlines()

    @property
    def lang(self) -> str:
        lang = self.meta.lang
        return lang if _LANG.fullmatch(lang or "") else "nb"

"""The files pilot.yaml names as the report's appendices («rapport: vedlegg_filer:»)."""

from __future__ import annotations

from pathlib import PurePosixPath

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.layout import PILOT_FILE
from jobbvinner_cli.pipeline.read import outside_root

FAMILY = "Rapportens vedlegg"

JV901 = Rule(
    "JV901",
    "vedlegg-finnes-ikke",
    Severity.ERROR,
    FAMILY,
    "En fil pilot.yaml legger ved rapporten, finnes ikke i piloten.",
    "Under «rapport: vedlegg_filer:» står Markdown-filer i pilotmappen som legges ved "
    "sluttrapporten, for eksempel en ekstern evaluering. Stien regnes fra pilotmappen, og "
    "filen må ligge i piloten; ellers kommer vedlegget ikke med.",
    "rapport:\n  vedlegg_filer: [evaluering.md]   # filen heter vedlegg/evaluering.md",
    "rapport:\n  vedlegg_filer: [vedlegg/evaluering.md]",
)

RULES = (JV901,)


def normalised(rel: str) -> str:
    """An appendix path as written in pilot.yaml, as the check keeps it («./a\\b.md» is a/b.md)."""
    return PurePosixPath(rel.strip().replace("\\", "/")).as_posix()


def appendix_files(ctx: CheckContext, sink: Sink) -> list[str]:
    """The appendix files that can be read (each a path in the pilot); the others named."""
    pilot = ctx.pilot
    if pilot is None:
        return []
    found: list[str] = []
    for index, rel in enumerate(pilot.rapport.vedlegg_filer):
        line = (
            ctx.pilot_tree.line_of(("rapport", "vedlegg_filer", index)) if ctx.pilot_tree else None
        )
        clean = PurePosixPath(normalised(rel))
        path = ctx.root / clean
        if clean.is_absolute() or ".." in clean.parts or outside_root(ctx.root, path):
            sink.add(
                JV901,
                line,
                f"«{rel}» ligger ikke i pilotmappen. Legg filen i piloten.",
                path=PILOT_FILE,
            )
        elif not path.is_file() or clean.suffix != ".md":
            sink.add(
                JV901,
                line,
                f"Vedlegget «{rel}» finnes ikke (eller er ikke en Markdown-fil, .md).",
                path=PILOT_FILE,
            )
        else:
            found.append(clean.as_posix())
    return found

"""The pilot's final report: its chapters in rapport/, and the prosjektplan it appends.

Every .md file directly in rapport/ is a chapter of the report, in name order (jv init
writes 00-forord.md … 10-kilder.md; a file such as 05b-samarbeid.md lands between
them). Nothing there is left out silently: another file in rapport/ is named here.
What would make the report wrong (a chapter holding only its prompt, an appended plan
that is only headings) keeps `jv build-report` from building it, except with --draft;
during the pilot, when the chapters are not written yet, it is only a note.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.layout import REPORT_DIR
from jobbvinner_cli.model.chapters import CHAPTERS, MEASURE_CHAPTERS
from jobbvinner_cli.model.pilot import Pilot
from jobbvinner_cli.pipeline.body import Body
from jobbvinner_cli.pipeline.document import SectionMatch, TypeSpec

FAMILY = "Sluttrapporten"

JV951 = Rule(
    "JV951",
    "kapittel-ikke-skrevet",
    Severity.WARNING,
    FAMILY,
    "Et kapittel i rapport/ er tomt eller har bare veiledningen fra malen.",
    "Kapitlene i rapport/ er prosjektlederens tekst i pilotens sluttrapport. Et kapittel som "
    "bare har «> **Veiledning:** …» fra jv init (og eventuelt merkene <!-- jv:… -->), er ikke "
    "skrevet: «jv build-report» bygger ikke sluttrapporten før det er skrevet eller slettet "
    "(med --draft bygges et utkast likevel). Før piloten er slutt (siste samling eller "
    "periode.til i pilot.yaml) er dette bare en merknad; etterpå en advarsel.",
    "# Deltakernes evaluering\n\n> **Veiledning:** Hvordan deltakerne vurderte samlingene …",
    "# Deltakernes evaluering\n\nDeltakerne fylte ut et evalueringsskjema etter hver samling …",
)

JV952 = Rule(
    "JV952",
    "vedlegg-ikke-skrevet",
    Severity.WARNING,
    FAMILY,
    "En seksjon i prosjektplanen, som legges ved sluttrapporten, er tom eller har bare "
    "veiledningen.",
    "Prosjektplanen (prosjektplan.md) blir vedlegg 1 i sluttrapporten. En seksjon uten egen "
    "tekst gir et vedlegg med bare overskrifter, så «jv build-report» bygger ikke rapporten "
    "før seksjonen er skrevet (med --draft bygges et utkast likevel). Før piloten er slutt er "
    "dette bare en merknad.",
    "## 4. Risikovurdering\n\n> **Veiledning:** De viktigste risikoene, hver med et mottiltak.",
    "## 4. Risikovurdering\n\n| Risiko | Mottiltak |\n|---|---|\n| Team trekker seg | … |",
)

JV953 = Rule(
    "JV953",
    "ikke-med-i-rapporten",
    Severity.WARNING,
    FAMILY,
    "En fil i rapport/ blir ikke med i sluttrapporten.",
    "Sluttrapporten tar med hver .md-fil rett under rapport/, i navnerekkefølge. Andre filer "
    "der (Word-filer, tekstfiler, .md-filer i undermapper) blir ikke med. Bilder blir med "
    "der et kapittel viser til dem. Gjør filen om til et kapittel (NN-navn.md rett under "
    "rapport/), eller flytt den ut av rapport/.",
    "rapport/notater.docx",
    "rapport/05b-samarbeid.md",
)

JV954 = Rule(
    "JV954",
    "kapittel-uten-tittel",
    Severity.ERROR,
    FAMILY,
    "Et eget kapittel i rapport/ begynner ikke med en overskrift på nivå 1.",
    "jv kjenner titlene på kapitlene jv init lager. Et kapittel du legger til selv, må "
    "begynne med tittelen som overskrift på nivå 1 (# …), ellers havner teksten i kapitlet "
    "foran.",
    "rapport/05b-samarbeid.md: Samarbeidet med høgskolen …",
    "rapport/05b-samarbeid.md: # Samarbeid med utdanningene\n\nSamarbeidet med høgskolen …",
)

RULES = (JV951, JV952, JV953, JV954)

# What `jv build-report` refuses to build over, whatever their severity (see build.py).
REPORT_BLOCKERS = frozenset({JV951.code, JV952.code})

STANDARD = {chapter.filename: chapter for chapter in (*CHAPTERS, *MEASURE_CHAPTERS)}
_IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
# the appendix the report takes from the pilot's own documents
APPENDED = ("prosjektplan",)


def pilot_ended(pilot: Pilot | None, today: dt.date) -> bool:
    """Whether the pilot is over on ``today``: its period, else its last gathering, ended."""
    if pilot is None:
        return False
    end = pilot.periode.til
    if end is None and pilot.samlinger:
        end = pilot.samlinger[-1].end
    return end is not None and today >= end


def _severity(ctx: CheckContext) -> Severity:
    return Severity.WARNING if pilot_ended(ctx.pilot, ctx.today) else Severity.INFO


def is_chapter(rel: str) -> bool:
    """A chapter of the report: a .md file directly in rapport/ (not an appendix elsewhere)."""
    folder, _, name = rel.rpartition("/")
    return folder == REPORT_DIR and name.endswith(".md") and not name.startswith(".")


def check_chapters(
    ctx: CheckContext, texts: dict[str, str], sink_for: Callable[[str], Sink]
) -> None:
    """Every chapter; during the pilot, none of them written yet is one note on rapport/."""
    texts = {rel: text for rel, text in texts.items() if is_chapter(rel)}
    unwritten = [rel for rel, text in texts.items() if _unwritten(text) is not None]
    if len(texts) > 1 and len(unwritten) == len(texts) and not pilot_ended(ctx.pilot, ctx.today):
        sink_for(REPORT_DIR).add(
            JV951,
            None,
            f"Ingen av de {len(texts)} kapitlene i {REPORT_DIR}/ er skrevet ennå; de har bare "
            "veiledningen fra malen. Det er vanlig underveis: kapitlene skrives mot slutten av "
            "piloten. Sluttrapporten bygges ikke før de er skrevet (bare et utkast med --draft).",
            severity=Severity.INFO,
        )
        for rel, text in texts.items():
            _check_title(rel, text, sink_for(rel))
        return
    for rel, text in texts.items():
        check_chapter(ctx, rel, text, sink_for(rel))


def _unwritten(text: str) -> int | None:
    """The body line of the prompt (or -1) when the chapter has no text of its own."""
    body = Body(text, 1)
    start = body.title_end()
    if body.has_text(start, len(body.lines)):
        return None
    prompt = body.prompt_in(start, len(body.lines))
    if prompt is None and "<!-- jv:" in text:
        return None  # only the generated parts, by choice
    return prompt if prompt is not None else -1


def _check_title(rel: str, text: str, sink: Sink) -> None:
    body = Body(text, 1)
    name = rel.rsplit("/", 1)[-1]
    first = body.headings[0] if body.headings else None
    titled = first is not None and first.level == 1 and not body.has_text(0, first.at)
    if name not in STANDARD and not titled:
        sink.add(
            JV954,
            1,
            f"Kapitlet {name} begynner ikke med en tittel. Skriv tittelen øverst som «# Tittel», "
            "ellers havner teksten i kapitlet foran.",
        )


def check_chapter(ctx: CheckContext, rel: str, text: str, sink: Sink) -> None:
    _check_title(rel, text, sink)
    body = Body(text, 1)
    name = rel.rsplit("/", 1)[-1]
    first = body.headings[0] if body.headings else None
    titled = first is not None and first.level == 1 and not body.has_text(0, first.at)
    found = _unwritten(text)
    if found is None:
        return
    prompt = found if found >= 0 else None
    title = first.text if titled and first is not None else name
    line = body.line(prompt) if prompt is not None else (first.line if first else 1)
    what = "har bare veiledningen fra malen" if prompt is not None else "er tomt"
    sink.add(
        JV951,
        line,
        f"Kapitlet «{title}» {what}. Skriv kapitlet (og slett veiledningen), eller slett "
        "filen hvis rapporten ikke skal ha det. Sluttrapporten bygges ikke før da (bare et "
        "utkast med --draft).",
        severity=_severity(ctx),
    )


def check_appendix(
    ctx: CheckContext, body: Body, match: SectionMatch, spec: TypeSpec, delivered: bool, sink: Sink
) -> None:
    """The prosjektplan's sections, as the report appends it (JV205 covers a delivered one)."""
    if delivered or spec.doctype.name not in APPENDED:
        return
    ends = {heading.at: end for heading, end in body.sections(2)}
    for e_index, f_index in sorted(match.matched.items()):
        heading = match.found[f_index]
        if body.has_text(heading.end, ends[heading.at]):
            continue
        prompt = body.prompt_in(heading.end, ends[heading.at])
        what = "har bare veiledningen fra malen" if prompt is not None else "er tom"
        sink.add(
            JV952,
            heading.line,
            f"Seksjonen «{spec.headings[e_index]}» {what}. Prosjektplanen legges ved "
            "sluttrapporten; skriv seksjonen før rapporten bygges.",
            severity=_severity(ctx),
        )


def check_report_folder(
    root: Path, sink_for: Callable[[str], Sink], appendices: list[str] | None = None
) -> None:
    """Name the files in rapport/ that the report does not include (its chapters, and the
    appendices pilot.yaml names, it does)."""
    named = set(appendices or [])
    folder = root / REPORT_DIR
    if not folder.is_dir() or folder.is_symlink():
        return
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        for name in sorted(filenames):
            if name.startswith(".") or name.lower().endswith(_IMAGES):
                continue
            rel = (here / name).relative_to(root).as_posix()
            if (here == folder and name.endswith(".md")) or rel in named:
                continue
            where = "ligger i en undermappe" if here != folder else "er ikke en .md-fil"
            sink_for(rel).add(
                JV953,
                None,
                f"Filen {where}, og blir ikke med i sluttrapporten (den tar med hver .md-fil "
                "rett under rapport/, i navnerekkefølge). Gjør den om til et kapittel, eller "
                "flytt den ut av rapport/.",
            )

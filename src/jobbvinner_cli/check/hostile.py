"""What trips the tools after jv: names Windows cannot check out, twin names, Markdown that
makes Pandoc crawl, and pilot templates that `jv scaffold` and `jv new-team` cannot use.

Each is an error, because another command or another machine stops on it: the same verdict
as that command, before it runs.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from jobbvinner_cli.check.discovery import Found
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.layout import REPORT_DIR, TEAMS_DIR, TEMPLATES_DIR, TYPES_DIR
from jobbvinner_cli.pipeline.nesting import MAX_BRACKET_DEPTH, deepest_brackets
from jobbvinner_cli.pipeline.problems import FAMILY as FILES_FAMILY
from jobbvinner_cli.pipeline.problems import JV121
from jobbvinner_cli.pipeline.read import is_folder, outside_root, read_file
from jobbvinner_cli.slugs import windows_problem

JV131 = Rule(
    "JV131",
    "reservert-navn",
    Severity.ERROR,
    FILES_FAMILY,
    "Et fil- eller mappenavn som Windows ikke kan lagre (CON, PRN, AUX, NUL, COM1, LPT1 …).",
    "Windows reserverer noen navn for enheter, uansett store eller små bokstaver og "
    "filendelse, og godtar ikke navn som slutter med punktum eller mellomrom. En pilot med et "
    "slikt navn kan ikke hentes ned (git clone) eller synkroniseres på en Windows-maskin. Gi filen eller mappen et annet navn.",
    "teams/con/team.yaml",
    "teams/con-kommune/team.yaml",
)

JV132 = Rule(
    "JV132",
    "navnetvilling",
    Severity.ERROR,
    FILES_FAMILY,
    "To filer eller mapper har navn som bare skiller seg i store/små bokstaver eller i "
    "hvordan æ, ø og å er lagret.",
    "«Frøya» kan lagres som ett tegn ø eller som o med en skråstrek etter (slik macOS gjør), "
    "og Windows og macOS skiller ikke store og små bokstaver. Navnene ser like ut, men er to "
    "mapper i git; på en annen maskin blir de én, og filer går tapt. Slå dem sammen til én.",
    "teams/froya/ og teams/Froya/",
    "teams/froya/",
)

JV133 = Rule(
    "JV133",
    "dyp-nosting",
    Severity.ERROR,
    "Innhold",
    f"Hakeparenteser nøstet i mer enn {MAX_BRACKET_DEPTH} nivåer: Pandoc bruker minutter på "
    "å lese dem.",
    "Pandoc prøver alle måter å lese [ som en lenke på, og tiden dobles for hvert nivå: 20 "
    "nøstede hakeparenteser (40 tegn) stopper byggingen av rapporten. En plan trenger aldri "
    "mer enn to eller tre. Fjern de ekstra, eller skriv dem som \\[ og \\].",
    "[[[[[[[[tiltak]]]]]]]]",
    "[tiltak]",
)

JV650 = Rule(
    "JV650",
    "mal-feil",
    Severity.ERROR,
    "Pilotfilen",
    "En mal i templates/ har en feil, så «jv scaffold» og «jv new-team» ikke kan bruke den.",
    "Malene er Jinja-maler. En syntaksfeil ({% uten %}, {{ uten }}) eller et filter som ikke "
    "finnes, stopper alle dokumentene som lages fra malen. jvs egne filtre er yaml, dato, "
    "kortdato og tallord.",
    "# {{ team.kommune | stor }}",
    "# {{ team.kommune | upper }}",
)

RULES = (JV131, JV132, JV133, JV650)


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return []


def check_names(root: Path, found: Found) -> None:
    """Names in the pilot's folders that another machine cannot check out, or merges."""
    folders = ["", TEAMS_DIR, REPORT_DIR, TEMPLATES_DIR, f"{TEMPLATES_DIR}/{TYPES_DIR}"]
    plain: set[str] = set()  # team folders that are folders, not links: no need to look again
    teams = root / TEAMS_DIR
    if teams.is_dir() and not outside_root(root, teams):
        linked = teams.is_symlink()
        for e in _entries(teams):
            if is_folder(e):
                folders.append(f"{TEAMS_DIR}/{e.name}")
                if not linked and not e.is_symlink():
                    plain.add(folders[-1])
    for folder in folders:
        path = root / folder if folder else root
        if folder and folder not in plain and (not path.is_dir() or outside_root(root, path)):
            continue
        team = folder.split("/")[1] if folder.startswith(f"{TEAMS_DIR}/") else None
        seen: dict[str, str] = {}
        for entry in _entries(path):
            rel = f"{folder}/{entry.name}" if folder else entry.name
            owner = team or (entry.name if folder == TEAMS_DIR else None)
            problem = windows_problem(entry.name)
            if problem is not None:
                found.sink(rel, owner).add(
                    JV131,
                    None,
                    f"{problem}, så piloten kan ikke hentes ned på en Windows-maskin. "
                    "Gi den et annet navn.",
                )
            key = unicodedata.normalize("NFC", entry.name).casefold()
            if key in seen:
                found.sink(rel, owner).add(
                    JV132,
                    None,
                    f"«{entry.name}» og «{seen[key]}» ser like ut, men er to navn (de skiller "
                    "seg i store/små bokstaver eller i hvordan æ, ø og å er lagret). På "
                    "Windows og macOS blir de ett. Slå dem sammen til én.",
                )
            else:
                seen[key] = entry.name


def check_nesting(text: str, first_line: int, sink: Sink) -> None:
    """Brackets nested so deep that Pandoc would crawl on them, at the line it happens."""
    if text.count("[") <= MAX_BRACKET_DEPTH:
        return
    depth, line = deepest_brackets(text)
    if depth > MAX_BRACKET_DEPTH:
        sink.add(
            JV133,
            line + first_line - 1,
            f"Linjen har hakeparenteser nøstet i {depth} nivåer ([[[ …). Pandoc bruker da "
            "minutter eller timer på å lese dem, og rapporten blir ikke bygd. Fjern de "
            "ekstra, eller skriv dem som \\[ og \\].",
        )


def check_templates(root: Path, found: Found, files: list[str]) -> None:
    """Each template in the pilot's templates/ read as `jv scaffold` reads it, and compiled."""
    folder = root / TEMPLATES_DIR
    if folder.is_symlink() and outside_root(root, folder):
        found.sink(TEMPLATES_DIR).add(
            JV121,
            None,
            "Mappen templates/ er en lenke ut av pilotmappen, og malene i den blir ikke brukt. "
            "Legg malene i selve piloten.",
        )
        return
    names = sorted(e.name for e in _entries(folder) if e.name.endswith(".j2"))
    if not names:
        return
    from jinja2 import TemplateSyntaxError

    from jobbvinner_cli.pipeline.doctypes import PACKAGE_TEMPLATES
    from jobbvinner_cli.pipeline.sandbox import template_error
    from jobbvinner_cli.pipeline.templates import make_env

    env = make_env(root)
    for name in names:
        rel = f"{TEMPLATES_DIR}/{name}"
        files.append(rel)
        sink = found.sink(rel)
        text = read_file(root, rel, sink)
        if text is None:
            continue
        try:
            env.compile(text, name, rel)
        except TemplateSyntaxError as exc:
            error = template_error(exc, name, PACKAGE_TEMPLATES)
            sink.add(JV650, error.line, error.message.removesuffix(" Ingenting er skrevet."))

"""The body of a document: the type's sections in order, filled in, not too long, the plan table.

Everything here works on the body text with regular expressions rather than
line-by-line Python loops: a check of a pilot reads thousands of documents.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from typing import NamedTuple

from jobbvinner_cli.check.diagnostics import Sink
from jobbvinner_cli.check.limits import WORDS_PER_PAGE
from jobbvinner_cli.model.doctype import Section

# Patterns start with a literal "\n" (the body is searched with one prepended), which lets
# the regex engine jump from line to line instead of trying every character.
# A line that starts a heading, a code fence, the template's prompt or an HTML comment.
_BLOCK = re.compile(
    r"\n {0,3}(?:(#{1,6})[ \t]+([^\n]*)|(`{3,}|~{3,})|(>[ \t]*\*\*Veiledning)|(<!--))"
)
_CLOSING = re.compile(r"[ \t]+#+[ \t]*$")
# The template's prompt: a blockquote that starts with «**Veiledning:**», to its last «>» line.
_PROMPT = re.compile(r"\n {0,3}>[ \t]*\*\*Veiledning:?\*\*:?[^\n]*(?:\n {0,3}>[^\n]*)*")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_NON_SPACE = re.compile(r"\S")
_TABLE_LINE = re.compile(r"\n {0,3}(\|[^\n]*)")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_NUMBERING = re.compile(r"^\s*\d+\s*[.)]?\s*")
_NON_WORD = re.compile(r"[\W_]+")
# Tokens that are Markdown markup, not words, when counting words.
_MARKUP_TOKENS = ("|", "-", "–", "—", "*", "+", ">", "#", "##", "###", "####", "#####", "######")

TABLE_COLUMNS = ("delmål", "tiltak", "ansvarlig")


class Heading(NamedTuple):
    line: int
    level: int
    text: str
    start: int  # offset of the heading line in the body
    end: int  # offset of the newline that ends it


class Body:
    """A document body with its headings, the template's prompts and comments located once."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        # Offsets in ``padded`` are one more than in ``text``; a match that starts with the
        # prepended "\n" therefore starts, in body offsets, at the beginning of its line.
        self.padded = "\n" + text + "\n"
        self.headings: list[Heading] = []
        self.prompts: list[tuple[int, int]] = []
        self.skipped: list[tuple[int, int]] = []  # prompts and comments
        self._scan()

    def line(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, offset)

    def _scan(self) -> None:
        """One pass over the lines that start a heading, a code fence, a prompt or a comment."""
        padded, count = self.padded, self.text.count
        line, last = self.first_line, 0
        fence = ""  # the open code fence, if any
        comments = False
        for match in _BLOCK.finditer(padded):
            start = match.start()
            hashes, title, marker, prompt, comment = match.groups()
            if marker is not None:
                if not fence:
                    fence = marker
                elif marker[0] == fence[0] and len(marker) >= len(fence):
                    fence = ""
                continue
            if fence:
                continue
            if hashes is not None:
                line += count("\n", last, start)
                last = start
                if title.endswith("#"):
                    title = _CLOSING.sub("", title)
                title = title.strip()
                if "  " in title or "\t" in title:
                    title = " ".join(title.split())
                self.headings.append(Heading(line, len(hashes), title, start, match.end() - 1))
            elif prompt is not None:
                whole = _PROMPT.match(padded, start)
                if whole is not None:
                    self.prompts.append((start, whole.end() - 1))
            elif comment is not None:
                comments = True
        self.skipped = list(self.prompts)
        if comments:
            self.skipped += [(m.start(), m.end()) for m in _COMMENT.finditer(self.text)]
            self.skipped.sort()

    def outside(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of ``start:end`` that are not prompts or comments."""
        spans = []
        at = start
        for a, b in self.skipped:
            if b <= at or a >= end:
                continue
            if a > at:
                spans.append((at, a))
            at = max(at, b)
        if at < end:
            spans.append((at, end))
        return spans

    def has_text(self, start: int, end: int) -> bool:
        search = _NON_SPACE.search
        return any(search(self.text, a, b) for a, b in self.outside(start, end))

    def prompt_in(self, start: int, end: int) -> int | None:
        """The offset of the first prompt in ``start:end``."""
        for a, _ in self.prompts:
            if start <= a < end:
                return a
        return None

    def words(self) -> int:
        """Whitespace-separated words outside prompts and comments, markup tokens left out."""
        tokens = " ".join(self.text[a:b] for a, b in self.outside(0, len(self.text))).split()
        counts = Counter(tokens)
        return len(tokens) - sum(counts[t] for t in _MARKUP_TOKENS)


def _norm(title: str) -> str:
    title = _NUMBERING.sub("", title.replace("*", "").replace("`", ""))
    return _NON_WORD.sub(" ", title.casefold()).strip()


def _cells(line: str) -> list[str]:
    cells = _CELL_SPLIT.split(line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [c.strip() for c in cells]


def _match_sections(
    found: list[Heading], expected: list[str]
) -> tuple[dict[int, int], dict[int, int]]:
    """expected index -> found index, exactly and approximately (titles that differ)."""
    exact: dict[int, int] = {}
    used: set[int] = set()
    by_text: dict[str, list[int]] = {}
    for index, heading in enumerate(found):
        by_text.setdefault(heading.text, []).append(index)
    for e_index, title in enumerate(expected):
        for f_index in by_text.get(title, ()):
            if f_index not in used:
                exact[e_index] = f_index
                used.add(f_index)
                break
    approx: dict[int, int] = {}
    missing = [i for i in range(len(expected)) if i not in exact]
    if missing and len(used) < len(found):
        for e_index in missing:
            want = _norm(expected[e_index])
            best, best_ratio = -1, 0.0
            for f_index, heading in enumerate(found):
                if f_index in used:
                    continue
                got = _norm(heading.text)
                ratio = 1.0 if got == want else difflib.SequenceMatcher(None, got, want).ratio()
                if ratio > best_ratio:
                    best, best_ratio = f_index, ratio
            if best >= 0 and best_ratio >= 0.8:
                approx[e_index] = best
                used.add(best)
    return exact, approx


def check_body(
    text: str,
    first_line: int,
    sections: tuple[Section, ...],
    headings: list[str],
    max_pages: int | None,
    delivered: bool,
    sink: Sink,
) -> None:
    """Sections, prompts, length and the plan table of one document's body."""
    body = Body(text, first_line)
    found = [h for h in body.headings if h.level == 2]
    exact, approx = _match_sections(found, headings)
    matched = {**exact, **approx}

    if headings and not matched:
        sink.add(
            "JV201",
            found[0].line if found else None,
            "Dokumentet har ingen av seksjonene dokumenttypen krever: "
            + ", ".join(f"«## {title}»" for title in headings)
            + ". Lag dokumentet fra malen med «jv scaffold» og flytt teksten inn i seksjonene.",
        )
        headings = []

    # titles that differ, and sections that are missing
    for e_index, title in enumerate(headings):
        if e_index in approx:
            heading = found[approx[e_index]]
            sink.add(
                "JV202",
                heading.line,
                f"Overskriften «## {heading.text}» skal være «## {title}», nøyaktig slik "
                "dokumenttypen definerer den.",
            )
        elif e_index not in exact:
            later = [
                found[matched[i]].line for i in range(e_index + 1, len(headings)) if i in matched
            ]
            where = min(later) if later else None
            sink.add(
                "JV201",
                where,
                f"Seksjonen «## {title}» mangler. Legg den inn"
                + (" foran denne overskriften." if where else " etter de andre seksjonene.")
                + " Har du gitt den et annet navn, bruk overskriften slik den står her.",
            )

    # order
    highest, highest_title = -1, ""
    for e_index, title in enumerate(headings):
        if e_index not in matched:
            continue
        position = matched[e_index]
        if position < highest:
            sink.add(
                "JV203",
                found[position].line,
                f"Seksjonen «{title}» står foran «{highest_title}», men skal stå etter den. "
                "Flytt seksjonene til rekkefølgen i malen.",
            )
        else:
            highest, highest_title = position, title

    # headings that are not sections
    known = set(matched.values())
    for f_index, heading in enumerate(found):
        if f_index not in known:
            sink.add(
                "JV204",
                heading.line,
                f"«## {heading.text}» er ikke en seksjon i dokumenttypen. Bruk ### for "
                "underoverskrifter inne i en seksjon, eller slett overskriften.",
            )

    # each section runs to the next heading of level 1 or 2
    stops = [h for h in body.headings if h.level <= 2]
    ends = {
        id(h): (stops[i + 1].start if i + 1 < len(stops) else len(text))
        for i, h in enumerate(stops)
    }
    for e_index, section in enumerate(sections):
        if e_index not in matched:
            continue
        heading = found[matched[e_index]]
        start, end = heading.end, ends[id(heading)]
        if section.table:
            _check_table(body, heading, start, end, delivered, sink, headings[e_index])
        elif delivered:
            _check_filled(body, heading, start, end, sink, headings[e_index])

    if delivered:
        # the preamble: from the title to the first section
        title_end = body.headings[0].end if body.headings and body.headings[0].level == 1 else 0
        first = found[0].start if found else len(text)
        prompt = body.prompt_in(title_end, first)
        if prompt is not None:
            sink.add(
                "JV206",
                body.line(prompt),
                "Veiledningen fra malen står igjen øverst i dokumentet. Slett den før "
                "dokumentet leveres.",
            )

    if max_pages:
        limit = max_pages * WORDS_PER_PAGE
        # there are fewer words than spaces and newlines: count only when it can matter
        words = body.words() if text.count(" ") + text.count("\n") >= limit else 0
        if words > limit:
            pages = math.ceil(words / WORDS_PER_PAGE)
            sink.add(
                "JV207",
                None,
                f"Dokumentet har {words} ord, omtrent {pages} sider regnet med {WORDS_PER_PAGE} ord "
                f"per side; grensen er {max_pages} sider ({limit} ord). Kort ned teksten.",
            )


def _left_prompt(body: Body, start: int, end: int, sink: Sink, title: str) -> None:
    prompt = body.prompt_in(start, end)
    if prompt is not None:
        sink.add(
            "JV206",
            body.line(prompt),
            f"Veiledningen fra malen står igjen i seksjonen «{title}». Slett den før "
            "dokumentet leveres.",
        )


def _check_filled(
    body: Body, heading: Heading, start: int, end: int, sink: Sink, title: str
) -> None:
    if body.has_text(start, end):
        _left_prompt(body, start, end, sink, title)
        return
    prompt = body.prompt_in(start, end)
    what = "har bare veiledningen fra malen" if prompt is not None else "er tom"
    sink.add(
        "JV205",
        heading.line,
        f"Seksjonen «{title}» {what}, men dokumentet er levert. Skriv teamets tekst i "
        "seksjonen" + (" og slett veiledningen." if prompt is not None else "."),
    )


def _check_table(
    body: Body, heading: Heading, start: int, end: int, delivered: bool, sink: Sink, title: str
) -> None:
    # the first table: consecutive lines that start with |
    table: list[tuple[int, str]] = []
    previous = -1
    for match in _TABLE_LINE.finditer(body.padded, start + 1, end + 1):
        if table and body.text.count("\n", previous, match.start()) != 1:
            break
        previous = match.start()
        table.append((body.line(match.start()), match.group(1)))
    if len(table) < 2 or not _SEPARATOR.match(table[1][1]):
        sink.add(
            "JV208",
            heading.line,
            f"Seksjonen «{title}» skal ha en tabell med kolonnene Delmål, Tiltak, Ansvarlig og "
            "én kolonne per måned i perioden, med en linje som |---|---| under overskriftene.",
        )
        return
    header = _cells(table[0][1])
    names = [c.strip("*_ ").casefold() for c in header[:3]]
    if names != list(TABLE_COLUMNS) or len(header) < 4:
        problem = (
            "har ingen kolonner for månedene"
            if names == list(TABLE_COLUMNS)
            else f"starter med «{' | '.join(header[:3])}»"
        )
        sink.add(
            "JV208",
            table[0][0],
            f"Tabellen {problem}. Den skal ha kolonnene Delmål | Tiltak | Ansvarlig og deretter "
            "én kolonne per måned i perioden.",
        )
        return
    filled = 0
    for line_no, row in table[2:]:
        cells = _cells(row)
        if not any(cells):
            continue
        filled += 1
        if not delivered:
            continue
        cells += [""] * (len(header) - len(cells))
        missing = [header[i] for i in range(3) if not cells[i]]
        marked = any(cells[3:])
        if missing or not marked:
            parts = []
            if missing:
                parts.append(" og ".join(m.lower() for m in missing) + " mangler")
            if not marked:
                parts.append("ingen måned er krysset av (sett x i månedene tiltaket pågår)")
            sink.add(
                "JV209",
                line_no,
                f"Raden i tabellen er ikke fullstendig: {'; '.join(parts)}.",
            )
    if not delivered:
        return
    if filled == 0:
        prompt = body.prompt_in(start, end)
        sink.add(
            "JV205",
            heading.line,
            f"Tabellen i «{title}» har ingen utfylte rader, men dokumentet er levert. Skriv "
            "delmål, tiltak og ansvarlig, og kryss av månedene."
            + (" Slett veiledningen." if prompt is not None else ""),
        )
    else:
        _left_prompt(body, start, end, sink, title)

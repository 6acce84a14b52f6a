"""What the type's template writes for a document: title, prompts and headings per section.

The import puts back a section's prompt exactly as the template writes it when the
writer left (some of) it in place, so `jv check` says the section is not filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jobbvinner_cli.pipeline.body import Body
from jobbvinner_cli.pipeline.document import match_sections
from jobbvinner_cli.word.markdown import guidance_lines


@dataclass
class Outline:
    """A document's text cut at its type's sections (the template's, or a written one)."""

    front_matter: str  # between the --- lines, without them
    title: str  # the title line, «# Statusrapport 2 – Frøya»
    preamble: str  # between the title and the first section
    headings: dict[int, str] = field(default_factory=dict)  # section index -> heading line
    prompts: dict[int | None, str] = field(default_factory=dict)  # None: the preamble's
    prompt_lines: dict[int | None, list[str]] = field(default_factory=dict)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter, body, line the body starts on) of a document jv wrote or checked."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return "", text, 1


def outline(text: str, headings: list[str]) -> Outline:
    front, body_text, first = split_front_matter(text)
    body = Body(body_text, first)
    start = body.title_end()
    title = body.lines[start - 1] if start else ""
    match = match_sections(body, headings)
    found = sorted((match.found[f].at, e) for e, f in match.matched.items())
    first_section = found[0][0] if found else len(body.lines)
    out = Outline(front, title, "\n".join(body.lines[start:first_section]).strip("\n"))
    bounds = [h.at for h in body.headings if h.level <= 2 and h.at >= first_section]
    for at, e_index in found:
        end = next((b for b in bounds if b > at), len(body.lines))
        out.headings[e_index] = body.lines[at]
        _prompt(out, body, e_index, at + 1, end)
    _prompt(out, body, None, start, first_section)
    return out


def _prompt(out: Outline, body: Body, key: int | None, start: int, end: int) -> None:
    for a, b in body.prompts:
        if start <= a < end:
            out.prompts[key] = "\n".join(body.lines[a:b])
            out.prompt_lines[key] = guidance_lines(body, a, b)
            return

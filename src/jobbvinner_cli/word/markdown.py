"""A document's Markdown as the export gives it to Pandoc: fields on top, guidance styled."""

from __future__ import annotations

import re

from jobbvinner_cli.pipeline.body import Body

GUIDANCE_STYLE = "Veiledning"  # the paragraph style in reference-dokument.docx
_QUOTE = re.compile(r"^ {0,3}> ?")
_BULLET = re.compile(r"^[-*+][ \t]+")

#: what starts a guidance line that was a list item in the Markdown prompt
GUIDANCE_BULLET = "• "


def guidance_lines(body: Body, start: int, end: int) -> list[str]:
    """The prompt on body lines ``start:end`` as paragraphs of text (quote marks off, list
    items as «• …» lines: Word's list numbering cannot take a paragraph style)."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in body.lines[start:end]:
        text = _QUOTE.sub("", line, count=1).rstrip()
        if not text.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if _BULLET.match(text):
            if current:
                paragraphs.append(" ".join(current))
            current = [GUIDANCE_BULLET + _BULLET.sub("", text, count=1)]
        else:
            current.append(text.strip())
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def guidance_div(paragraphs: list[str]) -> list[str]:
    lines = [f'::: {{custom-style="{GUIDANCE_STYLE}"}}']
    for i, text in enumerate(paragraphs):
        if i:
            lines.append("")
        lines.append(text)
    lines.append(":::")
    return lines


def body_for_export(body: Body, start: int) -> tuple[str, int]:
    """Body lines from ``start`` on, prompts as guidance divs; with the body line the text
    starts at (for error messages)."""
    prompts = {a: b for a, b in body.prompts if a >= start}
    out: list[str] = []
    i = start
    while i < len(body.lines):
        if i in prompts:
            out += guidance_div(guidance_lines(body, i, prompts[i]))
            i = prompts[i]
            continue
        out.append(body.lines[i])
        i += 1
    while out and not out[0].strip():
        out.pop(0)
        start += 1
    return "\n".join(out).rstrip("\n"), start

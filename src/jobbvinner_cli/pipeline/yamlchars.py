"""Characters in YAML that mean something else than they seem to: named, with their line.

A control character (Word's Shift+Enter pastes U+000B) is refused by every YAML reader; a
no-break space after a colon makes the line a key-less text; a zero-width space makes
«levert» a different word that looks the same; `` #`` ends a plain value without a word.
The first two stop the reading (:func:`fatal_character`), the others are warnings (JV111).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

# what YAML 1.1 and 1.2 forbid in a text: C0 controls but tab and line ends, DEL, C1 controls
# but NEL, surrogates and the two non-characters
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NBSP_AS_SPACE = re.compile(r"^(?:[ \t]*-)?[ \t]*[^\s#:'\"][^:#\n]*:\u00a0|^[ \t]*\u00a0", re.M)
_TRAILING_NBSP = re.compile("\u00a0[ \t\u00a0]*$", re.M)
_INVISIBLE = re.compile(
    "[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)

_NAMES = {
    "\u00a0": "et hardt mellomrom (U+00A0)",
    "\u00ad": "en myk bindestrek (U+00AD)",
    "\u200b": "et usynlig mellomrom med null bredde (U+200B)",
    "\u200c": "et usynlig skilletegn med null bredde (U+200C)",
    "\u200d": "et usynlig bindetegn med null bredde (U+200D)",
    "\u2060": "et usynlig ordbindetegn (U+2060)",
    "\ufeff": "et usynlig byte order mark (U+FEFF)",
    "\u000b": "et vertikalt tabulatortegn (U+000B, linjeskift med Shift+Enter i Word)",
    "\u000c": "et sideskift (U+000C)",
    "\u001b": "et escape-tegn (U+001B)",
}


def character_name(ch: str) -> str:
    """A character named in Norwegian, with its code point."""
    if ch in _NAMES:
        return _NAMES[ch]
    code = f"U+{ord(ch):04X}"
    if unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff":
        return f"et kontrolltegn ({code})"
    return f"et usynlig tegn ({code}, {unicodedata.name(ch, 'uten navn').lower()})"


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def fatal_character(text: str) -> tuple[int, str] | None:
    """(line, message) for the first character that stops the YAML from being read."""
    if text.isascii() and text.isprintable():
        return None
    found = _FORBIDDEN.search(text)
    if found is not None:
        return (
            _line_of(text, found.start()),
            f"Linjen inneholder {character_name(found[0])}, som YAML ikke tillater. Det er "
            "usynlig i de fleste redigeringsprogrammer: slett tegnet (skriv linjen på nytt).",
        )
    found = _NBSP_AS_SPACE.search(text)
    if found is not None:
        return (
            _line_of(text, found.end() - 1),
            "Linjen har et hardt mellomrom (U+00A0, ofte fra Word eller en nettside) der det "
            "skal være et vanlig mellomrom, og YAML ser det ikke som mellomrom. Slett det og "
            "skriv et vanlig mellomrom.",
        )
    return None


def hidden_characters(text: str) -> Iterator[tuple[int, str]]:
    """(line, message) for each line with characters that do not show but change the text."""
    if text.isascii():
        return
    seen: set[int] = set()
    for found in _INVISIBLE.finditer(text):
        line = _line_of(text, found.start())
        if line in seen:
            continue
        seen.add(line)
        yield (
            line,
            f"Linjen inneholder {character_name(found[0])}, som ikke synes, men gjør teksten "
            "til en annen enn den ser ut som. Slett tegnet (skriv ordet på nytt).",
        )
    for found in _TRAILING_NBSP.finditer(text):
        line = _line_of(text, found.start())
        if line not in seen:
            seen.add(line)
            yield (
                line,
                "Linjen slutter med et hardt mellomrom (U+00A0), som blir en del av verdien "
                "uten å synes. Slett det.",
            )


def cut_by_comment(text: str, tree: Any) -> Iterator[tuple[int, str, str]]:
    """(line, key, value) of each plain value that « #» cut short: YAML reads the rest of
    the line as a comment, so «effektmål: Tiltak #1 …» is just «Tiltak»."""
    if tree is None or " #" not in text:
        return
    lines = text.split("\n")
    # ``tree`` is yamltext's Node (not imported: yamltext imports this module)
    stack: list[tuple[str, Any]] = [("", tree)]
    while stack:
        key, node = stack.pop()
        if node.mapping is not None:
            stack.extend(node.mapping.items())
        elif node.sequence is not None:
            stack.extend((key, child) for child in node.sequence)
        elif node.scalar and not node.quoted and 0 < node.line <= len(lines):
            line = lines[node.line - 1]
            at = line.find(node.scalar)
            rest = line[at + len(node.scalar) :] if at >= 0 else ""
            # «  # note» is a comment, as jv's templates write them; «#1 er …» or « # og …»
            # right after a word is text the user meant to keep
            if re.match(r"[ \t]+#[^\s#]| #", rest) and not rest.startswith("  "):
                yield node.line, key, line[at:].strip()

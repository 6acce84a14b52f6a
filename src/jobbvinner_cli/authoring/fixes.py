"""The mechanical repairs of `jv check --fix`: what a careful person would do by hand.

Only changes whose result is certain: the byte order mark removed, Windows line ends
made Unix ones, Windows-1252 text (Word on Windows) re-encoded as UTF-8, and in YAML
(the front matter of a document, or a .yaml file) dates written as 02.11.2018 made
ISO, a value holding «: » or « #» put in quotes so that YAML reads all of it, and a
status in capitals («Levert») written as jv expects it («levert»). These functions
only transform text; `authoring/fix.py` reads and writes the files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from jobbvinner_cli.model.frontmatter import DocStatus
from jobbvinner_cli.textio import guess_legacy_encoding

_BOM = b"\xef\xbb\xbf"
_KEY_LINE = re.compile(r"^(?P<head>[ \t]*(?:- )?[^\s#:\"'{}\[\]|>-][^:#]*?:[ \t]+)(?P<rest>\S.*)$")
_LIST_ITEM = re.compile(r"^(?P<head>[ \t]*- )(?P<rest>\S.*)$")
_COMMENT = re.compile(r"[ \t]+#(?:[ \t].*)?$")  # «  # a comment» (a «#» then a space, or the end)
_NOT_PLAIN = tuple("\"'[{|>&*!%@`")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_BLOCK = re.compile(r":[ \t]+[|>][+-]?\d*[ \t]*(?:#.*)?$")
_STATUSES = {s.value for s in DocStatus}


@dataclass
class Fixed:
    """A file's new bytes and what was done, in Norwegian («fjernet BOM», …)."""

    old_text: str
    new_text: str
    data: bytes
    changes: list[str] = field(default_factory=list)


def fix_bytes(data: bytes, yaml_file: bool) -> Fixed | None:
    """The repaired file, or None when there is nothing mechanical to repair (or the
    text is not certain enough: an encoding other than UTF-8 or Windows-1252)."""
    changes: list[str] = []
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
        changes.append("fjernet BOM (byte order mark)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if guess_legacy_encoding(data) != "Windows-1252":
            return None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None
        changes.append("gjort om fra Windows-1252 til UTF-8")
    old_text = text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        changes.append("gjort om Windows-linjeskift (CRLF) til LF")
    text, yaml_changes = _fix_yaml_part(text, yaml_file)
    changes += yaml_changes
    if not changes:
        return None
    return Fixed(old_text.replace("\r\n", "\n"), text, text.encode("utf-8"), changes)


def _fix_yaml_part(text: str, yaml_file: bool) -> tuple[str, list[str]]:
    lines = text.split("\n")
    if yaml_file:
        start, end = 0, len(lines)
    elif lines and lines[0].rstrip() == "---":
        closing = next(
            (i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None
        )
        if closing is None:
            return text, []
        start, end = 1, closing
    else:
        return text, []
    done: dict[str, None] = {}
    block_indent: int | None = None
    for i in range(start, end):
        line = lines[i]
        indent = len(line) - len(line.lstrip())
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue  # inside a | or > block: text, not YAML
            block_indent = None
        if _BLOCK.search(line):
            block_indent = indent
            continue
        new = _fix_line(line, done)
        lines[i] = new
    return "\n".join(lines), list(done)


def _fix_line(line: str, done: dict[str, None]) -> str:
    match = _KEY_LINE.match(line) or _LIST_ITEM.match(line)
    if match is None or line.lstrip().startswith("#"):
        return line
    head, rest = match["head"], match["rest"]
    if rest.startswith(_NOT_PLAIN):
        return line
    comment = _COMMENT.search(rest)
    value, tail = (rest[: comment.start()], rest[comment.start() :]) if comment else (rest, "")
    key = head.strip().rstrip(":").strip()
    dotted = _DOTTED_DATE.match(value)
    if dotted:
        day, month, year = (int(g) for g in dotted.groups())
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            return line
        done["skrevet datoer som ÅÅÅÅ-MM-DD"] = None
        return f"{head}{iso}{tail}"
    if key == "status" and value.lower() in _STATUSES and value != value.lower():
        done["skrevet status med små bokstaver"] = None
        return f"{head}{value.lower()}{tail}"
    if ": " in value or value.endswith(":") or re.search(r"[ \t]#\S", value):
        if match.re is _LIST_ITEM and ": " in value:
            return line  # «- a: b» is a mapping in a list, valid YAML
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        done["satt anførselstegn rundt verdier med «: » eller « #»"] = None
        return f'{head}"{escaped}"{tail}'
    return line

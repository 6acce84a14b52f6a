"""What jv wrote into each document: the derived values, header lines and sections.

`jv scaffold` and `jv sync` remember, per document, the values they filled in
(frist, periode, gruppeleder …), the generated lines above the first section and
the template's sections with their ids. `jv sync` compares a document with this
record to tell a value jv wrote (and may update) from one the team changed by hand
(which it reports instead). The record is `.jv/avledet.json` in the pilot folder,
meant to be committed with the pilot; one line per document keeps merges simple.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobbvinner_cli.authoring.frontedit import FrontLines
from jobbvinner_cli.pipeline.frontmatter import split_front_matter
from jobbvinner_cli.textio import write_atomic

RECORD_FILE = ".jv/avledet.json"

# The front matter values jv fills in at scaffold time (the rest is the writer's).
DERIVED: tuple[tuple[str, ...], ...] = (
    ("kommune",),
    ("periode", "fra"),
    ("periode", "til"),
    ("frist",),
    ("sendes_til",),
    ("gruppeleder",),
    ("effektmål",),
)


@dataclass
class Entry:
    fields: dict[str, str] = field(default_factory=dict)  # "periode.fra" -> YAML text value
    lines: list[str] = field(default_factory=list)  # generated lines above the first section
    sections: list[tuple[str | None, str]] = field(default_factory=list)  # (id, heading)

    def to_json(self) -> dict[str, Any]:
        return {
            "felter": self.fields,
            "linjer": self.lines,
            "seksjoner": [[i, h] for i, h in self.sections],
        }

    @classmethod
    def from_json(cls, data: Any) -> Entry | None:
        try:
            return cls(
                {str(k): str(v) for k, v in dict(data.get("felter", {})).items()},
                [str(x) for x in data.get("linjer", [])],
                [(None if i is None else str(i), str(h)) for i, h in data.get("seksjoner", [])],
            )
        except (AttributeError, TypeError, ValueError):
            return None


def key(path: tuple[str, ...]) -> str:
    return ".".join(path)


def preamble_lines(text: str) -> list[str]:
    """The non-blank lines between the front matter and the first section (## …)."""
    body = split_front_matter(text).body
    out: list[str] = []
    for line in body.split("\n"):
        if line.startswith("## "):
            break
        if line.strip():
            out.append(line)
    return out


def entry_for(text: str, sections: list[tuple[str | None, str]]) -> Entry:
    front = FrontLines.parse(text)
    fields: dict[str, str] = {}
    if front is not None:
        for path in DERIVED:
            value = front.scalar(path)
            if value is not None:
                fields[key(path)] = value
    return Entry(fields, preamble_lines(text), sections)


def context_sections(context: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(s.get("id"), str(s["overskrift"])) for s in context.get("seksjoner", [])]


def load(root: Path) -> dict[str, Entry]:
    """The record; empty when there is none or it cannot be read (sync then asks to be forced)."""
    path = root / RECORD_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, Entry] = {}
    if isinstance(data, dict):
        for rel, value in data.get("dokumenter", {}).items():
            entry = Entry.from_json(value)
            if entry is not None:
                out[str(rel)] = entry
    return out


def save(root: Path, entries: dict[str, Entry]) -> None:
    rows = [
        f"    {json.dumps(rel, ensure_ascii=False)}: "
        f"{json.dumps(entries[rel].to_json(), ensure_ascii=False)}"
        for rel in sorted(entries)
    ]
    text = (
        '{\n  "om": "Skrevet av jv scaffold og jv sync: det jv fylte inn i hvert dokument. '
        'Ikke rediger.",\n  "dokumenter": {\n' + ",\n".join(rows) + "\n  }\n}\n"
    )
    write_atomic(root / RECORD_FILE, text)


def remember(root: Path, rel: str, text: str, context: dict[str, Any]) -> None:
    """Record what was just written into ``rel`` (never fails the command that wrote it)."""
    with contextlib.suppress(OSError):
        entries = load(root)
        entries[rel] = entry_for(text, context_sections(context))
        save(root, entries)

"""What `jv sync` does (or would do) to one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.authoring import record


@dataclass
class DocSync:
    """What sync does (or would do) to one document."""

    display: str
    path: Path
    old: bytes = b""
    new: bytes = b""
    changes: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # hand edits reported, not overwritten
    notes: list[str] = field(default_factory=list)  # not synced, and why
    entry: record.Entry | None = None  # the record after the sync
    kept_fields: list[str] = field(default_factory=list)
    kept_lines: bool = False
    # lines to add (text) or remove (None) above the first section: (file line, order, text)
    preamble_edits: list[tuple[int, int, str | None]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.new != self.old

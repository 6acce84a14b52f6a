"""Findings: a rule (what can be wrong), a diagnostic (one finding of it) and the sink that
collects a file's diagnostics. The base every reader and rule family builds on."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "feil", "warning": "advarsel", "info": "merknad"}[self.value]


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class Rule(NamedTuple):
    """One thing `jv check` can find: its code, name, default severity, family, a one-line
    summary, an explanation, and a failing (``bad``) and a passing (``good``) example."""

    code: str
    name: str
    severity: Severity
    family: str
    summary: str
    explanation: str
    bad: str
    good: str


# an immutable value: a NamedTuple costs a quarter of a frozen dataclass to make at import
class Diagnostic(NamedTuple):
    code: str
    severity: Severity
    path: str  # relative to the pilot root, "/" separators
    line: int | None  # 1-based, or None for the whole file
    team: str | None  # team slug
    document: str | None  # document type
    message: str
    column: int | None = None  # 1-based, where the position within the line is known

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.column or 0, self.code)

    def where(self) -> str:
        """«path:line:column», as far as it is known."""
        if not self.line:
            return self.path
        return (
            f"{self.path}:{self.line}:{self.column}" if self.column else f"{self.path}:{self.line}"
        )

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "team": self.team,
            "document": self.document,
            "message": self.message,
        }


@dataclass
class Sink:
    """Collects the diagnostics of one file (or of the pilot as a whole)."""

    path: str
    team: str | None = None
    document: str | None = None
    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        rule: Rule,
        line: int | None,
        message: str,
        *,
        severity: Severity | None = None,
        path: str | None = None,
        column: int | None = None,
    ) -> None:
        self.items.append(
            Diagnostic(
                rule.code,
                severity or rule.severity,
                path or self.path,
                line,
                self.team,
                self.document,
                message,
                column,
            )
        )

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

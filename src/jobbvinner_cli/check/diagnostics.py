"""Diagnostics: one finding of `jv check`, and the collector a file's checks write to."""

from __future__ import annotations

from dataclasses import dataclass, field

from jobbvinner_cli.check.rules import RULES, Severity


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    path: str  # relative to the pilot root, "/" separators
    line: int | None  # 1-based, or None for the whole file
    team: str | None  # team slug
    document: str | None  # document type
    message: str

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line or 0, self.code)

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
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
        code: str,
        line: int | None,
        message: str,
        *,
        severity: Severity | None = None,
        path: str | None = None,
    ) -> None:
        self.items.append(
            Diagnostic(
                code,
                severity or RULES[code].severity,
                path or self.path,
                line,
                self.team,
                self.document,
                message,
            )
        )

"""The header fields on top of an exported document, by the labels the templates use."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobbvinner_cli.dates import format_date
from jobbvinner_cli.pipeline.document import DocFacts

#: front matter key -> the label in the Word file; the import reads the same labels back.
TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("gruppeleder", "Gruppeleder"),
    ("effektmål", "Effektmål"),
    ("resultatmål", "Resultatmål for perioden"),
)
TEAM_LABEL = "Deltakende team"
PERIOD_LABEL = "Periode"
DUE_LABEL = "Frist"
SEND_LABEL = "Sendes til"


@dataclass(frozen=True)
class Field:
    label: str
    value: str


def header_fields(doc: DocFacts, kommune: str | None) -> list[Field]:
    """The fields of ``doc`` in the order the seeds' templates have them."""
    keys = set(doc.tree.key_lines) if doc.tree is not None else set()
    out: list[Field] = []
    if kommune is not None:
        out.append(Field(TEAM_LABEL, kommune))
    for key, label in TEXT_FIELDS:
        # a field the template has (even empty) is shown, for the writer to fill in
        if key in keys or doc.text_field(key):
            out.append(Field(label, doc.text_field(key)))
    period = doc.periode
    if period is not None and period.fra and period.til:
        out.append(Field(PERIOD_LABEL, f"{format_date(period.fra)} – {format_date(period.til)}"))
    if doc.frist is not None:
        out.append(Field(DUE_LABEL, format_date(doc.frist)))
    recipient = doc.text_field("sendes_til")
    if recipient:
        due = f" innen {format_date(doc.frist)}" if doc.frist is not None else ""
        out.append(Field(SEND_LABEL, f"prosjektgruppa v/ {recipient}{due}"))
    return out


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>#~^$@])")


def escape_cell(text: str) -> str:
    """Plain text as one Markdown table cell."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def fields_table(fields: list[Field]) -> str:
    """A table without a header row: one label and one value per row."""
    lines = ["|  |  |", "|:--|:--|"]
    lines += [f"| **{escape_cell(f.label)}** | {escape_cell(f.value)} |" for f in fields]
    return "\n".join(lines)


def _norm_label(label: str) -> str:
    return re.sub(r"[\W_]+", " ", label.casefold()).strip()


#: how a label written in a Word file is understood (the seeds write «Resultatmål for
#: perioden» and «Resultatmål»; «Deltakende team» and «Team»)
LABELS: dict[str, str] = {
    "deltakende team": "kommune",
    "team": "kommune",
    "kommune": "kommune",
    "gruppeleder": "gruppeleder",
    "effektmål": "effektmål",
    "resultatmål": "resultatmål",
    "resultatmål for perioden": "resultatmål",
    "periode": "periode",
    "frist": "frist",
    "sendes til": "sendes_til",
}


def field_key(label: str) -> str | None:
    """The front matter key a label in a Word file stands for, else None."""
    return LABELS.get(_norm_label(label))

"""Regenerate the reference document pandoc styles a single exported document with.

    python tools/make_document_docx.py [FOLDER]

writes ``reference-dokument.docx`` into ``src/jobbvinner_cli/word/`` (or FOLDER). It is
used by ``jv export`` for one team document: unlike the report's reference.docx there is
no title page, headings do not start new pages, and it has the paragraph style
«Veiledning» (grey, italic, shaded, with a rule on the left) that the template's guidance
is set in: the writer types over it, and pressing Enter after it gives normal text.
Tables get a full grid so a fremdriftsplan can be filled in by hand.

A build tool, not part of the package: needs jv installed (for its pandoc) and
python-docx (a test/dev dependency).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_reference_docx import (
    ACCENT,
    BODY_FONT,
    HEADING_FONT,
    MUTED,
    _border,
    _color,
    _field,
    _pandoc_default_reference,
    _set_font,
    _set_lang,
)

WORD_DIR = Path(__file__).resolve().parent.parent / "src" / "jobbvinner_cli" / "word"
GUIDANCE_STYLE = "Veiledning"
GUIDANCE_FILL = "F2F2F2"


def _style_text(doc: Any) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _set_font(normal, BODY_FONT)
    _set_lang(normal, "nb-NO")
    normal.font.size = Pt(11)
    for name in ("Body Text", "First Paragraph"):
        fmt = styles[name].paragraph_format
        fmt.space_before = Pt(4)  # air after a table, too
        fmt.space_after = Pt(4)
        fmt.line_spacing = 1.1
    compact = styles["Compact"].paragraph_format
    compact.space_before = Pt(1)
    compact.space_after = Pt(1)
    for level, size in {1: 13, 2: 11.5, 3: 11}.items():
        style = styles[f"Heading {level}"]
        _set_font(style, HEADING_FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = level == 3
        _color(style, ACCENT)
        fmt = style.paragraph_format
        fmt.keep_with_next = True
        fmt.page_break_before = False
        fmt.space_before = Pt({1: 14, 2: 10, 3: 8}[level])
        fmt.space_after = Pt(4)
    title = styles["Title"]
    _set_font(title, HEADING_FONT)
    title.font.size = Pt(18)
    title.font.bold = True
    _color(title, ACCENT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    title.paragraph_format.space_before = Pt(0)
    title.paragraph_format.space_after = Pt(8)


def _guidance_style(doc: Any) -> None:
    styles = doc.styles
    style = styles.add_style(GUIDANCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.next_paragraph_style = styles["Body Text"]
    style.quick_style = True
    style.font.italic = True
    style.font.size = Pt(9.5)
    style.font.color.rgb = RGBColor.from_string(MUTED)
    fmt = style.paragraph_format
    fmt.space_before = Pt(2)
    fmt.space_after = Pt(2)
    fmt.left_indent = Cm(0.3)
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    borders.append(_border("w:left", 12, "A6A6A6"))
    ppr.append(borders)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), GUIDANCE_FILL)
    ppr.append(shading)


def _style_table(doc: Any) -> None:
    """A full grid: the header fields and the fremdriftsplan are filled in by hand."""
    style = doc.styles["Table"].element
    for old in style.findall(qn("w:tblPr")) + style.findall(qn("w:tblStylePr")):
        style.remove(old)
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border(f"w:{side}", 4, "A6A6A6"))
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", 30), ("left", 80), ("bottom", 30), ("right", 80)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(width))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)
    style.append(tbl_pr)
    first = OxmlElement("w:tblStylePr")
    first.set(qn("w:type"), "firstRow")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:b"))
    first.append(rpr)
    style.append(first)


def _style_page(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = Cm(2.2)
    section.bottom_margin = Cm(2.2)
    section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = False
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _field(footer, "PAGE")
    for run in footer.runs:
        run.font.size = Pt(9)


def build(base: bytes) -> bytes:
    doc = Document(io.BytesIO(base))
    _style_text(doc)
    _guidance_style(doc)
    _style_table(doc)
    _style_page(doc)
    props = doc.core_properties
    for attr in ("title", "author", "subject", "keywords", "comments", "last_modified_by"):
        setattr(props, attr, "")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else WORD_DIR
    path = target / "reference-dokument.docx"
    path.write_bytes(build(_pandoc_default_reference()))
    print(f"skrev {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

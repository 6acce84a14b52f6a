"""Regenerate the reference documents pandoc styles jv's DOCX output with.

    python tools/make_reference_docx.py [FOLDER]

writes ``reference.docx`` and ``reference-utkast.docx`` (the draft variant,
"UTKAST" in every page header) into ``src/jobbvinner_cli/render/``, where
they ship with the package, or into FOLDER. They start from pandoc's own
default reference.docx, so every style pandoc's writer uses exists, and then
restyle it: Normal font, headings 1-3 (chapters start on a new page), Title,
Subtitle, the title-page paragraphs, captions, the "Table" table style pandoc
gives every table, the table-of-contents heading (new page), A4 with 2.5 cm
margins, a running header with the chapter title (Word STYLEREF field) and page
numbers in the footer (PAGE field). The first page (the title page) has no
header or footer.

A build tool, not part of the package: needs jv installed (for its pandoc)
and python-docx (a test/dev dependency).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from jobbvinner_cli.render.binaries import pandoc_path

RENDER_DIR = Path(__file__).resolve().parent.parent / "src" / "jobbvinner_cli" / "render"
ACCENT = "1F4E79"
MUTED = "595959"
DRAFT_RED = "B3261E"
BODY_FONT = "Calibri"
HEADING_FONT = "Calibri"


def _pandoc_default_reference() -> bytes:
    return subprocess.run(
        [pandoc_path(), "--print-default-data-file", "reference.docx"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout


def _set_font(style: Any, name: str) -> None:
    """Use `name` for all scripts, dropping theme fonts (which would win over it)."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _set_lang(style: Any, lang: str) -> None:
    rpr = style.element.get_or_add_rPr()
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    el.set(qn("w:val"), lang)


def _color(style: Any, hex_rgb: str) -> None:
    style.font.color.rgb = RGBColor.from_string(hex_rgb)


def _by_id(styles: Any, style_id: str) -> Any:
    for style in styles:
        if style.style_id == style_id:
            return style
    raise KeyError(style_id)


def _style_text(doc: Any) -> None:
    styles = doc.styles

    normal = styles["Normal"]
    _set_font(normal, BODY_FONT)
    _set_lang(normal, "nb-NO")
    normal.font.size = Pt(11)

    for name in ("Body Text", "First Paragraph"):
        fmt = styles[name].paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(8)
        fmt.line_spacing = 1.15
    compact = styles["Compact"].paragraph_format
    compact.space_before = Pt(1)
    compact.space_after = Pt(1)

    sizes = {1: 18, 2: 14, 3: 12}
    for level, size in sizes.items():
        style = styles[f"Heading {level}"]
        _set_font(style, HEADING_FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        _color(style, ACCENT)
        fmt = style.paragraph_format
        fmt.keep_with_next = True
        fmt.space_before = Pt({1: 0, 2: 18, 3: 14}[level])
        fmt.space_after = Pt({1: 14, 2: 6, 3: 4}[level])
        fmt.page_break_before = level == 1

    title = styles["Title"]
    _set_font(title, HEADING_FONT)
    title.font.size = Pt(28)
    title.font.bold = True
    _color(title, ACCENT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    title.paragraph_format.space_before = Pt(110)
    title.paragraph_format.space_after = Pt(10)

    subtitle = styles["Subtitle"]
    _set_font(subtitle, HEADING_FONT)
    subtitle.font.size = Pt(15)
    subtitle.font.bold = False
    subtitle.font.italic = False
    _color(subtitle, MUTED)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    subtitle.paragraph_format.space_after = Pt(30)

    for name in ("Author", "Date"):
        style = styles[name]
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        style.font.size = Pt(11)
    date = styles["Date"].paragraph_format
    date.space_before = Pt(24)
    date.line_spacing = 1.5

    try:
        utkast = styles["Utkast"]
    except KeyError:
        utkast = styles.add_style("Utkast", WD_STYLE_TYPE.CHARACTER)
    utkast.font.bold = True
    utkast.font.size = Pt(16)
    _color(utkast, DRAFT_RED)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), "40")
    utkast.element.get_or_add_rPr().append(spacing)

    toc = styles["TOC Heading"]
    _set_font(toc, HEADING_FONT)
    toc.font.size = Pt(18)
    toc.font.bold = True
    _color(toc, ACCENT)
    toc.paragraph_format.page_break_before = True
    toc.paragraph_format.space_after = Pt(14)

    caption = _by_id(styles, "Caption")
    caption.font.size = Pt(9.5)
    caption.font.italic = False
    caption.font.bold = False
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    table_caption = styles["Table Caption"]
    table_caption.paragraph_format.keep_with_next = True
    table_caption.paragraph_format.space_before = Pt(12)
    table_caption.paragraph_format.space_after = Pt(4)
    image_caption = styles["Image Caption"]
    image_caption.paragraph_format.space_before = Pt(4)
    image_caption.paragraph_format.space_after = Pt(12)
    styles["Captioned Figure"].paragraph_format.keep_with_next = True

    with contextlib.suppress(KeyError):
        _color(styles["Hyperlink"], ACCENT)


def _border(tag: str, size: int, color: str) -> Any:
    el = OxmlElement(tag)
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size))
    el.set(qn("w:space"), "0")
    el.set(qn("w:color"), color)
    return el


def _style_table(doc: Any) -> None:
    """Restyle pandoc's "Table" table style: rules, header shading, cell margins."""
    style = doc.styles["Table"].element
    for old in style.findall(qn("w:tblPr")) + style.findall(qn("w:tblStylePr")):
        style.remove(old)

    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    borders.append(_border("w:top", 8, ACCENT))
    borders.append(_border("w:bottom", 8, ACCENT))
    borders.append(_border("w:insideH", 4, "D9D9D9"))
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", 40), ("left", 100), ("bottom", 40), ("right", 100)):
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
    tc_pr = OxmlElement("w:tcPr")
    tc_borders = OxmlElement("w:tcBorders")
    tc_borders.append(_border("w:bottom", 8, ACCENT))
    tc_pr.append(tc_borders)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "E3EBF3")
    tc_pr.append(shading)
    first.append(tc_pr)
    style.append(first)


def _field(paragraph: Any, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = ""
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _header_paragraph(paragraph: Any, draft: bool, chapter: bool) -> None:
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if draft:
        run = paragraph.add_run("UTKAST")
        run.bold = True
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor.from_string(DRAFT_RED)
        if chapter:
            paragraph.add_run("   ")
    if chapter:
        _field(paragraph, 'STYLEREF "Heading 1" \\* MERGEFORMAT')
    for run in paragraph.runs:
        if run.font.size is None:
            run.font.size = Pt(9)
            run.font.color.rgb = RGBColor.from_string(MUTED)


def _style_page(doc: Any, draft: bool) -> None:
    section = doc.sections[0]
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = Cm(2.7)
    section.bottom_margin = Cm(2.5)
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(1.2)
    section.different_first_page_header_footer = True

    _header_paragraph(section.header.paragraphs[0], draft, chapter=True)
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE")
    if draft:
        _header_paragraph(section.first_page_header.paragraphs[0], draft, chapter=False)


def _update_fields_on_open(doc: Any) -> None:
    """Ask Word to fill in the table of contents (and other fields) when opened."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        el = OxmlElement("w:updateFields")
        el.set(qn("w:val"), "true")
        settings.append(el)


def build(draft: bool, base: bytes) -> bytes:
    doc = Document(io.BytesIO(base))
    _style_text(doc)
    _style_table(doc)
    _style_page(doc, draft)
    _update_fields_on_open(doc)
    props = doc.core_properties
    props.title = ""
    props.author = ""
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.last_modified_by = ""
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else RENDER_DIR
    base = _pandoc_default_reference()
    for name, draft in (("reference.docx", False), ("reference-utkast.docx", True)):
        path = target / name
        path.write_bytes(build(draft, base))
        print(f"skrev {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

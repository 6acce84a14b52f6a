"""Finish pandoc's DOCX so it opens complete, in Word and in LibreOffice.

Pandoc leaves the table of contents as an empty field (Word asks to update it, LibreOffice
shows an empty page), writes heading numbers as plain text and fills in only the title of
the document properties. This step rewrites the package in place:

* the TOC field keeps its instruction (Word refreshes it, with page numbers, on F9 or
  when it updates fields), and gets the chapters and sections as its cached result, each
  linked to its heading;
* heading numbers become Word numbering: a multilevel list tied to the heading styles, so
  they renumber when chapters are added, moved or deleted; unnumbered headings opt out;
* lists in table cells indented less, so narrow columns keep room for their text;
* the TOC styles (toc 1, toc 2), automatic hyphenation and the document language;
* docProps/core.xml: title, subject, author, keywords and language from the report's
  metadata (pilot.yaml).

The XML pandoc writes is regular, so the edits are textual (no XML library at run time);
text taken from the document stays escaped as pandoc escaped it, and text put in is
escaped here.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.render.job import ReportMeta

#: The numbering id (abstract and concrete) of the heading numbering; pandoc's lists use
#: ids from 990 and 1000 up, one per list.
HEADING_NUM_ID = 9100
#: Text width of the A4 page in the reference document (21 cm minus 2 × 2.5 cm), in twips.
_TEXT_WIDTH = 9062

# A heading paragraph, and the bookmark pandoc puts just before it (looked for behind the
# paragraph: a pattern starting with the optional bookmark was tried at every «<» of the
# document, most of the post-processing's time).
_HEADING = re.compile(
    r'<w:p><w:pPr><w:pStyle w:val="Heading(?P<level>[1-9])" />(?P<ppr>.*?)</w:pPr>'
    r"(?P<runs>.*?)</w:p>",
    re.S,
)
_BOOKMARK_BEFORE = re.compile(r'<w:bookmarkStart w:id="\d+" w:name="(?P<bookmark>[^"]*)" />\s*\Z')
_NUMBER_RUN = re.compile(
    r'<w:r><w:rPr><w:rStyle w:val="SectionNumber" /></w:rPr>'
    r'<w:t xml:space="preserve">(?P<number>[^<]*)</w:t></w:r><w:r><w:tab /></w:r>'
)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_TOC_FIELD = re.compile(
    r'<w:p><w:r><w:fldChar w:fldCharType="begin"(?P<dirty>[^/]*)/>'
    r"(?P<instr><w:instrText[^>]*>[^<]*</w:instrText>)"
    r'<w:fldChar w:fldCharType="separate" /><w:fldChar w:fldCharType="end" /></w:r></w:p>'
)


@dataclass(frozen=True)
class _Heading:
    level: int
    number: str
    text: str  # XML-escaped, as in the document
    bookmark: str


def finish_docx(path: Path, meta: ReportMeta, lang: str, *, toc_depth: int) -> None:
    """Rewrite the DOCX at ``path`` in place (see the module docstring)."""
    with zipfile.ZipFile(path) as package:
        infos = package.infolist()
        parts = {info.filename: package.read(info) for info in infos}
    document = parts["word/document.xml"].decode("utf-8")
    document, headings, numbered = _number_headings(document)
    document = _fill_toc(document, [h for h in headings if h.level <= toc_depth])
    document = _compact_cell_lists(document)
    parts["word/document.xml"] = document.encode("utf-8")
    if "word/styles.xml" in parts:
        styles = parts["word/styles.xml"].decode("utf-8")
        styles = _toc_styles(styles)
        if numbered:
            styles = _numbered_heading_styles(styles)
        parts["word/styles.xml"] = styles.encode("utf-8")
    if numbered and "word/numbering.xml" in parts:
        numbering = parts["word/numbering.xml"].decode("utf-8")
        parts["word/numbering.xml"] = _heading_numbering(numbering).encode("utf-8")
    if "word/settings.xml" in parts:
        settings = parts["word/settings.xml"].decode("utf-8")
        parts["word/settings.xml"] = _settings(settings, lang).encode("utf-8")
    if "docProps/core.xml" in parts:
        core = parts["docProps/core.xml"].decode("utf-8")
        parts["docProps/core.xml"] = _core(core, meta, lang).encode("utf-8")
    tmp = path.with_name(path.name + ".jv-docx")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
            for info in infos:
                out.writestr(info, parts[info.filename], compress_type=zipfile.ZIP_DEFLATED)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _number_headings(document: str) -> tuple[str, list[_Heading], bool]:
    """Pandoc's number runs taken out of the headings; whether any heading had one."""
    headings: list[_Heading] = []
    numbered = bool(_NUMBER_RUN.search(document))

    out: list[str] = []
    done = 0  # the end of the last heading paragraph
    for match in _HEADING.finditer(document):
        runs = match.group("runs")
        number = _NUMBER_RUN.search(runs)
        runs = _NUMBER_RUN.sub("", runs)
        level = int(match.group("level"))
        text = "".join(_TEXT.findall(runs))
        bookmark = _BOOKMARK_BEFORE.search(document, done, match.start())
        headings.append(_Heading(level, number.group("number") if number else "", text,
                                 bookmark.group("bookmark") if bookmark else ""))  # fmt: skip
        ppr = match.group("ppr")
        if numbered and number is None and "<w:numPr>" not in ppr:
            ppr = '<w:numPr><w:ilvl w:val="0" /><w:numId w:val="0" /></w:numPr>' + ppr
        out.append(document[done : match.start()])
        out.append(f'<w:p><w:pPr><w:pStyle w:val="Heading{level}" />{ppr}</w:pPr>{runs}</w:p>')
        done = match.end()
    out.append(document[done:])
    return "".join(out), headings, numbered


_CELL = re.compile(r"<w:tc>.*?</w:tc>", re.S)
_CELL_ITEM = re.compile(
    r'(<w:numPr><w:ilvl w:val="(\d)" /><w:numId w:val="\d+" /></w:numPr>)(</w:pPr>)'
)


def _compact_cell_lists(document: str) -> str:
    """Lists in table cells indented by half a centimetre a level, not Word's 1.27 cm: a
    narrow column keeps room for its text."""

    def item(match: re.Match[str]) -> str:
        left = 284 * (int(match.group(2)) + 1)
        return f'{match.group(1)}<w:ind w:left="{left}" w:hanging="284" />{match.group(3)}'

    return _CELL.sub(lambda cell: _CELL_ITEM.sub(item, cell.group(0)), document)


def _entry(heading: _Heading) -> str:
    runs = ""
    if heading.number:
        runs += f'<w:r><w:t xml:space="preserve">{heading.number}</w:t></w:r><w:r><w:tab /></w:r>'
    runs += f'<w:r><w:t xml:space="preserve">{heading.text}</w:t></w:r>'
    if heading.bookmark:
        runs = f'<w:hyperlink w:anchor="{heading.bookmark}" w:history="1">{runs}</w:hyperlink>'
    return runs


def _fill_toc(document: str, headings: list[_Heading]) -> str:
    match = _TOC_FIELD.search(document)
    if match is None or not headings:
        return document
    begin = (
        f'<w:r><w:fldChar w:fldCharType="begin"{match.group("dirty")}/></w:r>'
        f"<w:r>{match.group('instr')}</w:r>"
        '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end" /></w:r>'
    paragraphs = []
    for index, heading in enumerate(headings):
        content = _entry(heading)
        if index == 0:
            content = begin + content
        if index == len(headings) - 1:
            content += end
        paragraphs.append(
            f'<w:p><w:pPr><w:pStyle w:val="TOC{heading.level}" /></w:pPr>{content}</w:p>'
        )
    return document[: match.start()] + "".join(paragraphs) + document[match.end() :]


def _toc_style(level: int) -> str:
    indent = (level - 1) * 440
    bold = "<w:rPr><w:b /><w:bCs /></w:rPr>" if level == 1 else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="TOC{level}"><w:name w:val="toc {level}" />'
        '<w:basedOn w:val="Normal" /><w:next w:val="Normal" /><w:uiPriority w:val="39" />'
        "<w:unhideWhenUsed /><w:pPr><w:tabs>"
        f'<w:tab w:val="left" w:pos="{indent + 567}" />'
        f'<w:tab w:val="right" w:leader="dot" w:pos="{_TEXT_WIDTH}" /></w:tabs>'
        f'<w:spacing w:before="{120 if level == 1 else 0}" w:after="60" />'
        f'<w:ind w:left="{indent}" /></w:pPr>{bold}</w:style>'
    )


def _toc_styles(styles: str) -> str:
    added = "".join(
        _toc_style(level) for level in (1, 2, 3) if f'w:styleId="TOC{level}"' not in styles
    )
    return styles.replace("</w:styles>", added + "</w:styles>", 1)


# Where a numPr goes in a style's pPr: before these (the schema fixes the order).
_AFTER_NUMPR = ("<w:suppressLineNumbers", "<w:pBdr", "<w:shd", "<w:tabs", "<w:suppressAutoHyphens",
                "<w:spacing", "<w:ind", "<w:jc", "<w:outlineLvl", "</w:pPr>")  # fmt: skip


def _with_numpr(style: str, numpr: str) -> str:
    if "<w:pPr>" not in style:
        return style.replace("</w:style>", f"<w:pPr>{numpr}</w:pPr></w:style>", 1)
    head, ppr_rest = style.split("<w:pPr>", 1)
    ppr, tail = ppr_rest.split("</w:pPr>", 1)
    ppr += "</w:pPr>"
    at = min(ppr.find(tag) for tag in _AFTER_NUMPR if tag in ppr)
    return f"{head}<w:pPr>{ppr[:at]}{numpr}{ppr[at:]}{tail}"


def _numbered_heading_styles(styles: str) -> str:
    """Heading 1-6 numbered by the heading list; styles based on them (the TOC heading)
    opt out, or "Innhold" would count as chapter 1."""

    def replace(match: re.Match[str]) -> str:
        style = match.group(0)
        if "<w:numPr>" in style:
            return style
        own = re.search(r'w:styleId="Heading([1-6])"', style)
        if own is not None:
            level = int(own.group(1))
            return _with_numpr(
                style,
                f'<w:numPr><w:ilvl w:val="{level - 1}" /><w:numId w:val="{HEADING_NUM_ID}" />'
                "</w:numPr>",
            )
        if re.search(r'<w:basedOn w:val="Heading[1-9]" />', style):
            return _with_numpr(style, '<w:numPr><w:numId w:val="0" /></w:numPr>')
        return style

    return re.sub(r'<w:style [^>]*w:type="paragraph"[^>]*>.*?</w:style>', replace, styles,
                  flags=re.S)  # fmt: skip


def _heading_numbering(numbering: str) -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1" /><w:numFmt w:val="decimal" />'
        f'<w:pStyle w:val="Heading{i + 1}" />'
        f'<w:lvlText w:val="{".".join(f"%{j + 1}" for j in range(i + 1))}" />'
        '<w:lvlJc w:val="left" /><w:pPr><w:ind w:left="0" w:firstLine="0" /></w:pPr></w:lvl>'
        for i in range(6)
    )
    abstract = (
        f'<w:abstractNum w:abstractNumId="{HEADING_NUM_ID}"><w:nsid w:val="4A560001" />'
        f'<w:multiLevelType w:val="multilevel" />{levels}</w:abstractNum>'
    )
    num = f'<w:num w:numId="{HEADING_NUM_ID}"><w:abstractNumId w:val="{HEADING_NUM_ID}" /></w:num>'
    # Every abstractNum comes before the first num.
    first_num = numbering.find("<w:num ")
    if first_num < 0:
        numbering = numbering.replace("</w:numbering>", abstract + "</w:numbering>", 1)
    else:
        numbering = numbering[:first_num] + abstract + numbering[first_num:]
    return numbering.replace("</w:numbering>", num + "</w:numbering>", 1)


def _settings(settings: str, lang: str) -> str:
    if "<w:autoHyphenation" not in settings:
        settings = re.sub(
            r"(<w:defaultTabStop [^>]*/>)", r"\1<w:autoHyphenation />", settings, count=1
        )
    return re.sub(r'<w:themeFontLang w:val="[^"]*"', f'<w:themeFontLang w:val="{lang}"', settings)


def _escape(text: str) -> str:
    """Element text for XML: what xml.sax.saxutils.escape does, without its import (it
    pulls in urllib.request and ssl, a tenth of a second)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _core(core: str, meta: ReportMeta, lang: str) -> str:
    dates = "".join(re.findall(r"<dcterms:(?:created|modified)[^>]*>[^<]*</dcterms:\w+>", core))
    title = f"UTKAST: {meta.title}" if meta.draft else meta.title
    subtitle = meta.subtitle or ""
    region = meta.region if meta.region and meta.region not in subtitle else ""
    subject = " – ".join(part for part in (subtitle, region) if part)
    keywords = ", ".join(["Jobbvinner", *meta.municipalities])
    fields = (
        ("dc:title", title),
        ("dc:subject", subject),
        ("dc:creator", meta.project_leader),
        ("cp:keywords", keywords),
        ("cp:lastModifiedBy", meta.project_leader),
        ("dc:language", lang),
    )
    body = "".join(f"<{tag}>{_escape(value)}</{tag}>" for tag, value in fields if value)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{body}{dates}</cp:coreProperties>'
    )

"""Tests for the rendering engine (jobbvinner_cli.render)."""

from __future__ import annotations

import io
import re
import struct
import sys
import time
import zlib
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from jobbvinner_cli.render import (
    RenderError,
    ReportMeta,
    SourceSpan,
    render,
    typst_errors,
    typst_pdf,
)
from jobbvinner_cli.render.typst_worker import page_count


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A valid RGB PNG, built by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + b"\x20\x60\xa0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


REPORT = """\
# Forord {.unnumbered}

Dette forordet står foran kapitlene. Arbeidsinkluderingsprosjektet
hadde «mange» deltakere.

# Innledning

Jobbvinner er et utviklingsverksted for kommunene.

## Bakgrunn

| Kommune | Deltakere |
|---------|----------:|
| Frøya   | 12        |
| Hitra   | 7         |
| Orkdal  | 21        |

Table: Tabell om noe

# Resultater

![Deltakere per år](bilder/figur.png){width=40%}

Se også [innledningen](#innledning) og [NAV](https://www.nav.no).

# Kilder {.unnumbered}

- Rapport fra 2019
"""

INJECTIONS = """

---
title: HACKED
---

```{=typst}
#text(fill: red)[INJECTED-TYPST]
```

Inline `#text[INJECTED-INLINE]`{=typst} og <script>alert("INJECTED-HTML")</script>.

\\input{/etc/passwd}

[Klikk]{onclick="alert(1)"} og [lenke](javascript:alert(2)).

% INJECTED-TITLE
"""


def make_meta(draft: bool = False) -> ReportMeta:
    return ReportMeta(
        title="Sluttrapport Jobbvinner Trøndelag",
        subtitle="Utviklingsverksted 2017–2019",
        region="Trøndelag",
        period="2017–2019",
        municipalities=["Frøya", "Hitra", "Orkdal"],
        project_leader="Kari Nordmann",
        date_text="4. juni 2019",
        draft=draft,
    )


def make_workdir(base: Path) -> Path:
    workdir = base / "bygg"
    (workdir / "bilder").mkdir(parents=True)
    (workdir / "bilder" / "figur.png").write_bytes(tiny_png())
    return workdir


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample report (with injection attempts appended) in every format, draft and final."""
    base = tmp_path_factory.mktemp("render")
    workdir = make_workdir(base)
    outputs: dict[str, Path] = {}
    for draft in (False, True):
        for fmt in ("pdf", "docx", "html"):
            out = base / f"rapport-{'utkast' if draft else 'endelig'}.{fmt}"
            result = render(REPORT + INJECTIONS, make_meta(draft), out, fmt, workdir=workdir)
            assert result.path == out
            assert result.format == fmt
            outputs[f"{fmt}-{'draft' if draft else 'final'}"] = out
    return outputs


# --------------------------------------------------------------------------- PDF


def test_pdf_has_title_page_toc_chapters_and_captions(built: dict[str, Path]) -> None:
    pages = pdf_text(built["pdf-final"])
    text = "\n".join(pages)
    assert "Sluttrapport Jobbvinner Trøndelag" in pages[0]
    assert "Utviklingsverksted 2017–2019" in pages[0]
    assert "Frøya, Hitra og Orkdal" in pages[0]
    assert "Kari Nordmann" in pages[0]
    assert "4. juni 2019" in pages[0]
    assert "Innhold" in pages[1]
    assert "1 Innledning" in pages[1] and "2 Resultater" in pages[1]
    assert "Forord" in pages[1] and "Kilder" in pages[1]
    # Numbered chapters; {.unnumbered} ones stay unnumbered.
    assert re.search(r"^1 Innledning$", text, re.M)
    assert re.search(r"^1\.1 Bakgrunn$", text, re.M)
    assert re.search(r"^2 Resultater$", text, re.M)
    assert re.search(r"^Forord$", text, re.M)
    assert not re.search(r"\d Forord|\d Kilder", text)
    assert "Tabell 1: Tabell om noe" in text
    assert "Figur 1: Deltakere per år" in text
    assert "UTKAST" not in text
    # Page numbers in the footer (not on the title page).
    assert pages[2].strip().endswith("3")


def test_pdf_page_count_and_metadata(built: dict[str, Path]) -> None:
    reader = PdfReader(built["pdf-final"])
    result_pages = page_count(built["pdf-final"].read_bytes())
    assert result_pages == len(reader.pages) >= 5
    assert reader.metadata is not None
    assert reader.metadata.title == "Sluttrapport Jobbvinner Trøndelag"


def test_pdf_draft_marks_every_page(built: dict[str, Path]) -> None:
    pages = pdf_text(built["pdf-draft"])
    assert all("UTKAST" in page for page in pages)
    assert pages[0].count("UTKAST") >= 1
    reader = PdfReader(built["pdf-draft"])
    assert reader.metadata is not None
    assert (reader.metadata.title or "").startswith("UTKAST")


def test_pdf_render_result_reports_pages(tmp_path: Path) -> None:
    workdir = make_workdir(tmp_path)
    stages: list[str] = []
    result = render(
        REPORT, make_meta(), tmp_path / "r.pdf", "pdf", workdir=workdir, progress=stages.append
    )
    assert result.pages == len(PdfReader(result.path).pages)
    assert stages == ["pandoc", "typst"]
    # The engine's helper files are gone from the build folder.
    assert sorted(p.name for p in workdir.iterdir()) == ["bilder"]
    # No temporary files next to the output.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bygg", "r.pdf"]


def test_pdf_table_breaks_across_pages_with_repeated_header(tmp_path: Path) -> None:
    rows = "\n".join(f"| Kommune {i} | {i} |" for i in range(1, 120))
    markdown = f"# Tabell\n\n| Navn | Antall |\n|---|---:|\n{rows}\n\nTable: Lang tabell\n"
    result = render(
        markdown, make_meta(), tmp_path / "t.pdf", "pdf", workdir=make_workdir(tmp_path)
    )
    pages = pdf_text(result.path)
    with_rows = [p for p in pages if "Kommune 1" in p]
    assert len(with_rows) >= 2
    assert all("Navn" in p and "Antall" in p for p in with_rows)
    assert sum(p.count("Tabell 1: Lang tabell") for p in pages) == 1


# --------------------------------------------------------------------------- injection


def test_raw_typst_tex_and_html_are_inert_in_pdf(built: dict[str, Path]) -> None:
    text = "\n".join(pdf_text(built["pdf-final"]))
    # The raw Typst shows as its own source text (a code block), never typeset by Typst:
    # every "INJECTED-TYPST" sits inside the literal call.
    assert "#text(fill: red)[INJECTED-TYPST]" in text
    assert text.count("INJECTED-TYPST") == text.count("#text(fill: red)[INJECTED-TYPST]")
    assert text.count("INJECTED-INLINE") == text.count("#text[INJECTED-INLINE]") == 1
    # TeX and HTML are plain text.
    assert "\\input{/etc/passwd}" in text
    assert "root:" not in text
    assert "<script>alert(«INJECTED-HTML»)</script>" in text
    # A YAML block or a % title line in the text does not change the metadata.
    assert "HACKED" not in PdfReader(built["pdf-final"]).metadata.title
    first_page = pdf_text(built["pdf-final"])[0]
    assert "HACKED" not in first_page and "INJECTED-TITLE" not in first_page


def test_raw_html_is_escaped_in_html(built: dict[str, Path]) -> None:
    html = built["html-final"].read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "<title>Sluttrapport Jobbvinner Trøndelag</title>" in html
    assert "HACKED" not in html.split("<body", 1)[0]
    # The raw Typst block is shown as text, not interpreted.
    assert "INJECTED-TYPST" in html


def test_raw_content_is_plain_text_in_docx(built: dict[str, Path]) -> None:
    doc = Document(str(built["docx-final"]))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "\\input{/etc/passwd}" in text
    assert "<script>alert(«INJECTED-HTML»)</script>" in text
    assert doc.core_properties.title == "Sluttrapport Jobbvinner Trøndelag"
    assert not any("javascript" in rel.target_ref for rel in doc.part.rels.values())


HOSTILE = [
    "#x",
    "]",
    "[",
    "$a$",
    "\\",
    "//c",
    "/*c",
    "*/",
    "<l>",
    "@l",
    "= h",
    "#{x}",
    '#import "@preview/cetz:0.3.0"',
    '#read("/etc/passwd")',
    "`#x`",
    "<!-- -->",
    "~",
]


def test_hostile_text_in_every_context_compiles_to_literal_text(tmp_path: Path) -> None:
    """Typst syntax anywhere in the text is escaped by pandoc's writer; nothing breaks."""
    blocks = []
    for i, evil in enumerate(HOSTILE):
        blocks.append(
            f"# Kapittel {i} {evil}\n\nAvsnitt {evil} slutt. *Vekt {evil}* **sterk {evil}\\\n**\n\n"
            f"| a {evil} | b |\n|---|---|\n| {evil} | c {evil}\\\n |\n\nTable: Tekst {evil}\n\n"
            f"![Bilde {evil}](bilder/figur.png)\n\n[Lenke {evil}](https://www.nav.no)\n\n"
            f"Fotnote[^f{i}]\n\n[^f{i}]: Notat {evil}\\\n\n"
            f"`kode {evil}`\n\n```\nblokk {evil}\n```\n\n> sitat {evil}\n\n- punkt {evil}\n\n"
            f"Term {evil}\n:   definisjon {evil}\n"
        )
    result = render(
        "\n".join(blocks), make_meta(), tmp_path / "r.pdf", "pdf", workdir=make_workdir(tmp_path)
    )
    text = "\n".join(pdf_text(result.path))
    assert '#import "@preview/cetz:0.3.0"' in text
    assert "root:" not in text
    assert f"Tabell {len(HOSTILE)}:" in text


def test_chapters_inside_fenced_divs_still_start_pages(tmp_path: Path) -> None:
    markdown = (
        "::: {#team-froya .team}\n# Frøya\n\nTekst om Frøya.\n:::\n\n"
        "::: {.team}\n# Hitra\n\n[Tilbake til Frøya](#team-froya) og [merket](#merke).\n\n"
        "[Her]{#merke} står et merke.\n:::\n"
    )
    result = render(
        markdown, make_meta(), tmp_path / "r.pdf", "pdf", workdir=make_workdir(tmp_path)
    )
    pages = pdf_text(result.path)
    frøya = next(i for i, p in enumerate(pages) if "Tekst om Frøya" in p)
    hitra = next(i for i, p in enumerate(pages) if "Tilbake til Frøya" in p)
    assert hitra == frøya + 1


# --------------------------------------------------------------------------- DOCX


def test_docx_structure(built: dict[str, Path]) -> None:
    doc = Document(str(built["docx-final"]))
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Sluttrapport Jobbvinner Trøndelag"] == "Title"
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")
    ]
    names = [text for _, text in headings]
    assert "Forord" in names and "Kilder" in names
    # numbered by Word's numbering on the heading styles, not as text: it renumbers when edited
    assert ("Heading 1", "Innledning") in headings and ("Heading 2", "Bakgrunn") in headings
    assert doc.styles["Heading 1"].element.pPr.numPr is not None
    assert doc.styles["Heading 2"].element.pPr.numPr.ilvl.val == 1
    assert ("Heading 1", "Forord") in headings
    forord = next(p for p in doc.paragraphs if p.text == "Forord")
    assert forord._p.pPr.numPr.numId.val == 0  # {.unnumbered}
    assert any(s == "Heading 2" for s, _ in headings)
    # Title page details and caption numbering.
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Frøya, Hitra og Orkdal" in text
    # caption numbers are SEQ fields (python-docx's text leaves field results out)
    assert "Tabell : Tabell om noe" in text and "Figur : Deltakere per år" in text
    fields = re.findall(r'w:instr=" SEQ (\w+) \\\* ARABIC ">\s*<w:r>.*?<w:t>(\d+)</w:t>',
                        doc.element.xml, re.S)  # fmt: skip
    assert sorted(fields) == [("Figur", "1"), ("Tabell", "1")]
    # The table: header + 3 rows, with pandoc's "Table" style. (The injected YAML
    # block after it is read as a simple table of text, which is harmless.)
    table = next(t for t in doc.tables if t.cell(0, 0).text == "Kommune")
    assert len(table.rows) == 4
    assert table.cell(3, 0).text == "Orkdal"
    assert table.style.name == "Table"
    # Table of contents field titled "Innhold", A4 page.
    body = doc.element.xml
    assert "TOC \\o" in body
    assert "Innhold" in body
    section = doc.sections[0]
    assert abs(section.page_width.cm - 21.0) < 0.1
    assert abs(section.page_height.cm - 29.7) < 0.1
    assert len(doc.inline_shapes) == 1  # the image is embedded
    assert "UTKAST" not in text


def test_docx_draft(built: dict[str, Path]) -> None:
    doc = Document(str(built["docx-draft"]))
    text = "\n".join(p.text for p in doc.paragraphs[:4])
    assert "UTKAST" in text
    header = doc.sections[0].header
    assert "UTKAST" in "".join(p.text for p in header.paragraphs)


# --------------------------------------------------------------------------- HTML


def test_html_is_self_contained(built: dict[str, Path]) -> None:
    html = built["html-final"].read_text(encoding="utf-8")
    assert 'lang="nb"' in html
    assert "Innhold" in html
    assert 'src="data:image/png;base64,' in html
    assert "bilder/figur.png" not in html
    assert "<style>" in html  # our CSS, embedded
    assert "Tabell 1:</strong> Tabell om noe" in html
    assert "Figur 1:</strong> Deltakere per år" in html
    assert 'href="https://www.nav.no"' in html
    assert "UTKAST" not in html


def test_html_draft_banner(built: dict[str, Path]) -> None:
    html = built["html-draft"].read_text(encoding="utf-8")
    assert "jv-utkast-banner" in html
    assert "<title>UTKAST" in html


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "src",
    [
        "../x.png",
        "/etc/x.png",
        "bilder/../../x.png",
        "https://example.com/x.png",
        "file:///etc/passwd",
        "%2e%2e/x.png",
        "C:/x.png",
    ],
)
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_unsafe_image_paths_are_rejected(tmp_path: Path, src: str, fmt: str) -> None:
    workdir = make_workdir(tmp_path)
    markdown = f"# Kapittel\n\nTekst.\n\n![Bilde]({src})\n"
    spans = [SourceSpan(1, 5, "teams/froya/sluttrapport.md", 20)]
    with pytest.raises(RenderError) as info:
        render(markdown, make_meta(), tmp_path / f"r.{fmt}", fmt, workdir=workdir, spans=spans)
    assert src in info.value.message
    assert info.value.path == "teams/froya/sluttrapport.md"
    assert info.value.line == 24
    assert not (tmp_path / f"r.{fmt}").exists()


def test_missing_image_is_reported_with_source_line(tmp_path: Path) -> None:
    markdown = "# Kapittel\n\nTekst.\n\n![Bilde](bilder/finnes-ikke.png)\n"
    spans = [SourceSpan(1, 2, "a.md", 1), SourceSpan(3, 5, "teams/hitra/rapport.md", 7)]
    with pytest.raises(RenderError) as info:
        render(
            markdown,
            make_meta(),
            tmp_path / "r.docx",
            "docx",
            workdir=make_workdir(tmp_path),
            spans=spans,
        )
    assert "Finner ikke bildet «bilder/finnes-ikke.png»" in info.value.message
    assert (info.value.path, info.value.line) == ("teams/hitra/rapport.md", 9)


def test_unmapped_line_is_reported_in_assembled_markdown(tmp_path: Path) -> None:
    markdown = "# Kapittel\n\n![Bilde](mangler.png)\n"
    with pytest.raises(RenderError) as info:
        render(markdown, make_meta(), tmp_path / "r.html", "html", workdir=make_workdir(tmp_path))
    assert info.value.path is None
    assert info.value.line == 3
    assert "linje 3" in info.value.message


def test_file_that_is_not_an_image_is_rejected(tmp_path: Path) -> None:
    workdir = make_workdir(tmp_path)
    (workdir / "bilder" / "tekst.png").write_text("ikke et bilde")
    with pytest.raises(RenderError) as info:
        render("![x](bilder/tekst.png)\n", make_meta(), tmp_path / "r.pdf", "pdf", workdir=workdir)
    assert "ikke et bilde jv kan bruke" in info.value.message


def test_typst_error_is_reported_against_markdown_source(tmp_path: Path) -> None:
    workdir = make_workdir(tmp_path)
    # Looks like a PNG to the filter, but Typst cannot decode it.
    (workdir / "bilder" / "brutt.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    markdown = "# Kapittel\n\nTekst.\n\n## Under\n\nMer tekst.\n\n![Brutt](bilder/brutt.png)\n"
    spans = [SourceSpan(1, 4, "pilot/intro.md", 1), SourceSpan(5, 9, "teams/froya/rapport.md", 30)]
    with pytest.raises(RenderError) as info:
        render(markdown, make_meta(), tmp_path / "r.pdf", "pdf", workdir=workdir, spans=spans)
    assert info.value.message.startswith("Et bilde kan ikke leses")
    assert (info.value.path, info.value.line) == ("teams/froya/rapport.md", 34)
    assert ".typ" not in info.value.message


def test_svg_linking_outside_is_refused_by_typst(tmp_path: Path) -> None:
    workdir = make_workdir(tmp_path)
    (workdir / "bilder" / "lur.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<image href="/etc/passwd" width="10" height="10"/></svg>',
        encoding="utf-8",
    )
    with pytest.raises(RenderError) as info:
        render(
            "# Kapittel\n\n![Lur](bilder/lur.svg)\n",
            make_meta(),
            tmp_path / "r.pdf",
            "pdf",
            workdir=workdir,
            spans=[SourceSpan(1, 3, "teams/a/rapport.md", 11)],
        )
    assert "SVG" in info.value.message
    assert (info.value.path, info.value.line) == ("teams/a/rapport.md", 13)


def test_typst_line_mapping_by_words() -> None:
    typ = ["#import x", "= Innledning", "Her står det noe om Frøya og #broken-call(x)"]
    md = ["# Innledning", "", "Her står det noe om Frøya og", "annet"]
    assert typst_errors._typst_line_to_markdown(typ, 3, 1, md) == 3
    assert typst_errors._typst_line_to_markdown(typ, 1, 1, md) is None


def test_broken_anchor_link_is_reported(tmp_path: Path) -> None:
    markdown = "# Kapittel\n\nSe [her](#finnes-ikke).\n"
    with pytest.raises(RenderError) as info:
        render(
            markdown,
            make_meta(),
            tmp_path / "r.pdf",
            "pdf",
            workdir=make_workdir(tmp_path),
            spans=[SourceSpan(1, 3, "x.md", 5)],
        )
    assert "#finnes-ikke" in info.value.message
    assert (info.value.path, info.value.line) == ("x.md", 7)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_failed_render_leaves_existing_output_untouched(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"rapport.{fmt}"
    out.write_bytes(b"forrige versjon \x00\x01")
    before = out.read_bytes()
    with pytest.raises(RenderError):
        render("![x](../hemmelig.png)\n", make_meta(), out, fmt, workdir=make_workdir(tmp_path))
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bygg", f"rapport.{fmt}"]


def test_successful_render_replaces_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    out.write_text("gammel")
    render(REPORT, make_meta(), out, "html", workdir=make_workdir(tmp_path))
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_pandoc_timeout_is_a_render_error(tmp_path: Path) -> None:
    out = tmp_path / "rapport.pdf"
    out.write_bytes(b"gammel")
    with pytest.raises(RenderError) as info:
        render(REPORT, make_meta(), out, "pdf", workdir=make_workdir(tmp_path), timeout=0.001)
    assert info.value.message.startswith("Pandoc brukte mer enn 0,001 sekunder")
    assert out.read_bytes() == b"gammel"


def test_typst_timeout_kills_the_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = tmp_path / "slow_worker.py"
    slow.write_text("import time\ntime.sleep(60)\n")
    monkeypatch.setattr(typst_pdf, "TYPST_WORKER", slow)
    started = time.monotonic()
    with pytest.raises(RenderError) as info:
        render(
            REPORT,
            make_meta(),
            tmp_path / "r.pdf",
            "pdf",
            workdir=make_workdir(tmp_path),
            timeout=3,
        )
    assert time.monotonic() - started < 10
    assert info.value.message.startswith("Typst brukte mer enn 3 sekunder")
    assert not (tmp_path / "r.pdf").exists()


def test_symlink_out_of_workdir_is_refused(tmp_path: Path) -> None:
    workdir = make_workdir(tmp_path)
    secret = tmp_path / "hemmelig.png"
    secret.write_bytes(tiny_png())
    (workdir / "bilder" / "lenke.png").symlink_to(secret)
    with pytest.raises(RenderError) as info:
        render(
            "![x](bilder/lenke.png)\n", make_meta(), tmp_path / "r.docx", "docx", workdir=workdir
        )
    assert "symbolsk lenke" in info.value.message


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(RenderError):
        render("x", make_meta(), tmp_path / "r.odt", "odt", workdir=tmp_path)  # type: ignore[arg-type]


def test_missing_output_folder(tmp_path: Path) -> None:
    with pytest.raises(RenderError) as info:
        render("x", make_meta(), tmp_path / "nei" / "r.pdf", "pdf", workdir=make_workdir(tmp_path))
    assert "finnes ikke" in info.value.message


def test_render_error_is_a_jv_error() -> None:
    from jobbvinner_cli.errors import JvError

    error = RenderError("Feil", path="a.md", line=3)
    assert isinstance(error, JvError)
    assert error.location() == "a.md:3"


def test_page_count_on_pdf_bytes() -> None:
    pdf = io.BytesIO()
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=100, height=100)
    writer.write(pdf)
    assert page_count(pdf.getvalue()) == 3


def test_worker_protocol(tmp_path: Path) -> None:
    """The worker runs by path under python -I and answers with one JSON line."""
    import json
    import subprocess

    (tmp_path / "ok.typ").write_text("= Hei\n#pagebreak()\nTo sider.\n", encoding="utf-8")
    (tmp_path / "bad.typ").write_text('#read("/etc/passwd")\n', encoding="utf-8")
    for name, expect_ok in (("ok.typ", True), ("bad.typ", False)):
        job = {
            "input": str(tmp_path / name),
            "root": str(tmp_path),
            "output": str(tmp_path / "o.pdf"),
        }
        proc = subprocess.run(
            [sys.executable, "-I", str(typst_pdf.TYPST_WORKER)],
            input=json.dumps(job).encode(),
            capture_output=True,
            check=True,
        )
        result = json.loads(proc.stdout)
        assert result["ok"] is expect_ok
        if expect_ok:
            assert result["pages"] == 2
        else:
            # Reading outside the root is refused by Typst itself.
            assert "outside" in result["message"] or "root" in result["message"]


def test_metadata_is_literal_text(tmp_path: Path) -> None:
    evil = '<script>alert(1)</script> ] #read("/etc/passwd") $x$ *b*'
    meta = ReportMeta(
        title=evil,
        subtitle=evil,
        region=evil,
        period=evil,
        municipalities=[evil, "Hitra"],
        project_leader=evil,
        date_text=evil,
        draft=False,
    )
    workdir = make_workdir(tmp_path)
    pdf = render("# K\n\nx\n", meta, tmp_path / "m.pdf", "pdf", workdir=workdir)
    first = pdf_text(pdf.path)[0].replace("\n", " ")
    assert '<script>alert(1)</script> ] #read("/etc/passwd") $x$ *b*' in first
    html = render("# K\n\nx\n", meta, tmp_path / "m.html", "html", workdir=workdir)
    text = html.path.read_text(encoding="utf-8")
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ] #read(&quot;/etc/passwd&quot;)" in text
    docx = render("# K\n\nx\n", meta, tmp_path / "m.docx", "docx", workdir=workdir)
    assert Document(str(docx.path)).paragraphs[0].text == evil


def test_a_pandoc_time_out_names_the_file_it_was_stuck_on(tmp_path: Path) -> None:
    workdir = tmp_path / "bygg"
    workdir.mkdir()
    markdown = (
        "# Innledning\n\nVanlig tekst.\n\n# Bakgrunn\n\nTekst.\n\n"
        + "[" * 18
        + "x"
        + "]" * 18
        + "\n"
    )
    with pytest.raises(RenderError) as info:
        render(
            markdown,
            make_meta(),
            tmp_path / "r.html",
            "html",
            workdir=workdir,
            spans=[
                SourceSpan(1, 4, "rapport/01-innledning.md", 1),
                SourceSpan(5, 9, "rapport/02-bakgrunn.md", 3),
            ],
            timeout=1,
        )
    assert (info.value.path, info.value.line) == ("rapport/02-bakgrunn.md", 7)
    assert info.value.message == (
        "Pandoc brukte mer enn 1 sekunder og ble stoppet. Rapporten ble ikke laget; prøv igjen, "
        "eventuelt med lengre tidsgrense. Den stod trolig fast på denne linjen, der "
        "hakeparenteser er nøstet i 18 nivåer; fjern de ekstra (jv check viser hvor)."
    )
    assert not (tmp_path / "r.html").exists()

"""Word files made the way Word makes them (python-docx: real heading styles, list
numbering, tables, an inline picture), and hostile ones, for the import tests."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from docx import Document


def png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (red pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def statusrapport(path: Path, *, fields_as_table: bool = True) -> Path:
    """Statusrapport 2 from Frøya as a team fills in the seed's template in Word."""
    doc = Document()
    doc.add_paragraph("Statusrapport 2", style="Title")
    fields = [
        ("Deltakende team", "Frøya"),
        ("Gruppeleder", "Kari Nordmann"),
        ("Effektmål", "Faglig forsvarlige tjenester uten bruk av vikarbyrå"),
        ("Resultatmål for perioden", "Alle studenter i praksis har fast veileder."),
    ]
    if fields_as_table:
        table = doc.add_table(rows=0, cols=2)
        for label, value in fields:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
    else:
        for label, value in fields:
            doc.add_paragraph(f"{label}: {value}")
    doc.add_heading(
        "1 Korrigeringer fra forrige statusrapport når det gjelder resultatmål og tiltak", 1
    )
    doc.add_paragraph("Hva gikk etter planen?", style="List Bullet")  # a stray prompt
    doc.add_paragraph("Vi fikk stipendordningen vedtatt en måned senere enn planlagt.")
    doc.add_heading("2. resultatmål og tiltak for perioden", 1)
    doc.add_paragraph("Fast veileder for alle studenter", style="List Number")
    doc.add_paragraph("Velkomstdag i april", style="List Number")
    doc.add_heading("3. Kunnskaper fra forrige samling", 1)
    doc.add_paragraph("• Desentralisert utdanning for egne ufaglærte")
    doc.add_paragraph("• Praksisstedet vurderes som arbeidsplass")
    doc.add_heading("4. Kommunens bemannings- og kompetanseplan", 1)
    doc.add_paragraph("Planen revideres i høst.")
    doc.add_heading("5. Tiltak som er satt i verk", 1)
    doc.add_paragraph("Stipend med bindingstid", style="List Bullet")
    doc.add_paragraph("50 000 kroner per studieår", style="List Bullet 2")
    doc.add_paragraph("To års bindingstid", style="List Bullet 2")
    doc.add_paragraph("Velkomstdag for studenter", style="List Bullet")
    doc.add_heading("6. Resultater", 1)
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("Tiltak", "Mars", "April"), ("Stipend", "x", ""), ("Veileder", "x", "x")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    picture = path.with_suffix(".png")
    picture.write_bytes(png())
    doc.add_picture(str(picture))
    picture.unlink()
    doc.add_heading("7. Henvendelse fra prosjektgruppa eller referansegruppa", 1)
    doc.add_paragraph("Hitra ringte oss i april.")
    doc.add_heading("8. Ny kunnskap i teamet", 1)
    doc.add_paragraph("Små grep i praksisperioden blir lagt merke til.")
    doc.add_heading("Annet", 1)
    doc.add_paragraph("Vi vil gjerne ha en samling på Frøya.")
    doc.save(str(path))
    return path


def with_part(source: Path, target: Path, name: str, data: bytes) -> Path:
    """``source`` with the part ``name`` added or replaced."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != name:
                zout.writestr(info, zin.read(info))
        zout.writestr(name, data)
    return target


def edited(source: Path, target: Path, name: str, old: bytes, new: bytes) -> Path:
    with zipfile.ZipFile(source) as zin:
        data = zin.read(name)
    assert old in data, (old, name)
    return with_part(source, target, name, data.replace(old, new, 1))


def zip_bomb(target: Path) -> Path:
    """A .docx whose document.xml unpacks to 300 MB of zeros."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"0" * (1024 * 1024)
            for _ in range(300):
                part.write(block)
    return target


def docx_bytes(path: Path) -> bytes:
    return io.BytesIO(path.read_bytes()).getvalue()


def seed_fremdriftsplan(path: Path) -> Path:
    """Fremdriftsplan 2 as the Orkdal seed's template: fields as «Label: value» lines, the
    first section a bold line, the month table without a heading of its own."""
    doc = Document()
    doc.add_paragraph("Fremdriftsplan 2", style="Title")
    for line in (
        "Deltakende team: Frøya",
        "Gruppeleder: Kari Nordmann",
        "Effektmål: Faglig forsvarlige tjenester uten bruk av vikarbyrå",
        "Resultatmål for perioden: Stipendordning vedtatt",
    ):
        doc.add_paragraph(line)
    title = doc.add_paragraph()
    title.add_run(
        "Dato, tid og sted for første arbeidsmøte i egen kommune etter 2. samling:"
    ).bold = True
    doc.add_paragraph("Tirsdag 6. mars kl. 13–15, rådhuset.")
    rows = [
        ("Delmål", "Tiltak", "Ansvarlig", "Mars", "April", "Mai", "Juni"),
        ("Stipend", "Forslag om stipend", "Kari Nordmann", "x", "x", "", ""),
        ("Veiledning", "Fast veileder", "Ola Nordmann", "", "x", "x", "x"),
    ]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_paragraph("Sendes til prosjektgruppa ved Anne Marit Berg 21.03.2018")
    doc.save(str(path))
    return path

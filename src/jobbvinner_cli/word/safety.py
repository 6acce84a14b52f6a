"""A Word file is untrusted input: inspected with zipfile, and made safe, before Pandoc.

Refused (nothing is read further): a file too large, not a Word file (not a zip, a
corrupt zip, no word/document.xml), a zip bomb (too many parts, too much uncompressed
data, or a part that unpacks to far more than it takes), macros (.docm/.dotm, a
vbaProject.bin part, a macro-enabled content type), XML with a DTD (entity expansion).

Stripped (the rest is read, and the user is told): embedded objects (OLE, ActiveX,
alternative-format chunks), relationships to anything outside the file except web and
e-mail hyperlinks (linked images, attached templates, linked sub-documents), and fields
that pull in files or other programs' data (INCLUDETEXT, INCLUDEPICTURE, LINK, DDE …):
their last shown result stays as text.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jobbvinner_cli.errors import JvError

MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_PARTS = 3000
MAX_TOTAL_BYTES = 250 * 1024 * 1024  # uncompressed, all parts
MAX_PART_BYTES = 100 * 1024 * 1024
MAX_RATIO = 120  # uncompressed / compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 2 * 1024 * 1024

_MACRO_SUFFIXES = (".docm", ".dotm")
_EMBEDDED_DIRS = ("word/embeddings/", "word/activeX/")
_DANGEROUS_FIELDS = ("INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "LINK", "DDE", "DDEAUTO",
                     "IMPORT", "DATABASE", "AUTOTEXTLIST")  # fmt: skip
_FIELD_NAME = re.compile(r"^\s*([A-Za-z]+)")
_OBJECT = re.compile(rb"<w:object\b.*?</w:object>", re.S)
_ALT_CHUNK = re.compile(rb"<w:altChunk\b[^>]*?(?:/>|>.*?</w:altChunk>)", re.S)
_FLD_SIMPLE = re.compile(rb"<w:fldSimple\b([^>]*?)(/>|>(.*?)</w:fldSimple>)", re.S)
_INSTR = re.compile(rb"(<w:instrText\b[^>]*>)([^<]*)(</w:instrText>)")
_INSTR_ATTR = re.compile(rb'w:instr="([^"]*)"')
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*?/>", re.S)
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
_KEYWORDS = re.compile(rb"<cp:keywords>([^<]{0,2000})</cp:keywords>")
_WEB = re.compile(rb"^(https?://|mailto:)", re.I)


@dataclass
class Inspected:
    """The Word file made safe to give Pandoc, and what was taken out of it."""

    data: bytes
    stripped: list[str] = field(default_factory=list)  # Norwegian, one line each
    keywords: str = ""  # the file's keywords (jv's export marks its documents there)


def _refuse(display: str, why: str) -> JvError:
    return JvError(f"{why} Filen er ikke lest, og ingenting er skrevet.", path=display)


def inspect_docx(path: Path, display: str) -> Inspected:
    """The file's bytes, checked and cleaned; a JvError naming the file when refused."""
    if path.suffix.lower() in _MACRO_SUFFIXES:
        raise _refuse(
            display,
            "Filen er et Word-dokument med makroer (.docm). Makroer kan være skadelige; "
            "lagre dokumentet som vanlig Word-dokument (.docx) og prøv igjen.",
        )
    if path.is_dir():
        raise JvError("Dette er en mappe, ikke en Word-fil. Oppgi filen (.docx).", path=display)
    if not path.is_file():
        raise JvError("Finner ikke filen. Sjekk navnet og mappen.", path=display)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _refuse(
            display,
            f"Filen er {size // (1024 * 1024)} MB; jv tar bare imot Word-filer på inntil "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB. Er det store bilder i den, gjør dem mindre.",
        )
    try:
        raw = path.read_bytes()
    except OSError:
        raise JvError("Filen kan ikke leses (mangler du tilgang?).", path=display) from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError):
        raise _refuse(
            display,
            "Filen er ikke et Word-dokument (.docx) eller er ødelagt. Åpne den i Word og "
            "lagre den på nytt som Word-dokument.",
        ) from None
    with archive:
        infos = archive.infolist()
        _check_sizes(infos, display)
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise _refuse(display, "Filen er en zip-fil, men ikke et Word-dokument (.docx).")
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise _refuse(
                display,
                "Filen inneholder makroer (vbaProject.bin). Lagre den som vanlig "
                "Word-dokument (.docx) uten makroer og prøv igjen.",
            )
        return _clean(archive, infos, display)


def _check_sizes(infos: list[zipfile.ZipInfo], display: str) -> None:
    bomb = _refuse(
        display,
        "Filen pakker seg ut til langt mer enn et Word-dokument gjør (mulig «zip-bombe»).",
    )
    if len(infos) > MAX_PARTS:
        raise bomb
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise bomb
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise bomb
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/"):
            raise _refuse(display, f"Filen har en del med ugyldig navn («{name}»).")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str) -> bytes:
    try:
        # the declared size was checked; read no more than it, whatever the stream says
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise _refuse(display, "Filen er ødelagt (en del av den kan ikke pakkes ut).") from None
    if len(data) > info.file_size:
        raise _refuse(display, "Filen er ødelagt (en del er større enn den sier).")
    return data


def _clean(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], display: str) -> Inspected:
    out = io.BytesIO()
    result = Inspected(b"")
    seen: set[str] = set()

    def note(text: str) -> None:
        if text not in seen:
            seen.add(text)
            result.stripped.append(text)

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as clean:
        for info in infos:
            name = info.filename
            data = _read(archive, info, display)
            if name.startswith(_EMBEDDED_DIRS):
                note("innebygde objekter (OLE/ActiveX) er fjernet")
                continue
            if name == "docProps/core.xml":
                found = _KEYWORDS.search(data)
                if found:
                    result.keywords = html.unescape(found.group(1).decode("utf-8", "replace"))
            if name.endswith((".xml", ".rels")):
                head = data[:4096]
                if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
                    raise _refuse(display, f"Filen har en XML-del med DTD («{name}»), som "
                                  "Word aldri skriver.")  # fmt: skip
                if name.endswith(".rels"):
                    data = _clean_rels(data, note)
                elif name.startswith("word/"):
                    data = _clean_part(data, note)
            clean.writestr(name, data)
    result.data = out.getvalue()
    return result


def _clean_rels(data: bytes, note: Callable[[str], None]) -> bytes:
    def replace(match: re.Match[bytes]) -> bytes:
        attrs = dict(_ATTR.findall(match.group(0)))
        if attrs.get(b"TargetMode", b"").lower() != b"external":
            return match.group(0)
        kind = attrs.get(b"Type", b"").rsplit(b"/", 1)[-1]
        if kind == b"hyperlink" and _WEB.match(attrs.get(b"Target", b"").strip()):
            return match.group(0)
        what = "bilder" if kind == b"image" else "lenker"
        note(f"{what} som henter noe utenfor filen, er fjernet")
        return b""

    return _RELATIONSHIP.sub(replace, data)


def _dangerous(instruction: bytes) -> bool:
    match = _FIELD_NAME.match(instruction.decode("utf-8", "replace"))
    return match is not None and match.group(1).upper() in _DANGEROUS_FIELDS


def _clean_part(data: bytes, note: Callable[[str], None]) -> bytes:
    def field_note() -> None:
        note("felt som henter inn filer (INCLUDETEXT, INCLUDEPICTURE, LINK …) er fjernet")

    if b"<w:object" in data:
        data = _OBJECT.sub(b"", data)
        note("innebygde objekter (OLE/ActiveX) er fjernet")
    if b"<w:altChunk" in data:
        data = _ALT_CHUNK.sub(b"", data)
        note("innebygde dokumenter (altChunk) er fjernet")

    def simple(match: re.Match[bytes]) -> bytes:
        instr = _INSTR_ATTR.search(match.group(1))
        if instr is None or not _dangerous(instr.group(1)):
            return match.group(0)
        field_note()
        return match.group(3) or b""

    def complex_field(match: re.Match[bytes]) -> bytes:
        if not _dangerous(match.group(2)):
            return match.group(0)
        field_note()
        return match.group(1) + b" " + match.group(3)

    data = _FLD_SIMPLE.sub(simple, data)
    return _INSTR.sub(complex_field, data)

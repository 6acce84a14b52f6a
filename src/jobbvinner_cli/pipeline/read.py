"""Reading a pilot file: the one place that decides what any command may read.

Inside the pilot only (symlinks are resolved, and refused when they lead out), a size cap,
UTF-8 (naming the likely encoding otherwise), a byte order mark, Windows line ends and
Unicode normalisation (NFC). Never
modifies the file; what is wrong becomes a diagnostic (``read_or_raise`` turns the first into
an error, for commands that stop there).
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from jobbvinner_cli.diagnostics import Sink
from jobbvinner_cli.errors import JvError
from jobbvinner_cli.pipeline.limits import MAX_FILE_BYTES
from jobbvinner_cli.pipeline.problems import JV101, JV102, JV103, JV121, JV122
from jobbvinner_cli.textio import find_decode_problem

_BOM = b"\xef\xbb\xbf"
_SIGNATURES = (
    (b"PK\x03\x04", "et Word-dokument eller en annen zip-fil"),
    (b"%PDF", "en PDF-fil"),
    (b"\xd0\xcf\x11\xe0", "et gammelt Word-dokument (.doc)"),
    (b"{\\rtf", "et RTF-dokument fra Word"),
)
# what a file that is not UTF-8 text may start with: one test for them all, for the text
# files that start with none of them
_ODD_STARTS = (_BOM, b"\xff\xfe", b"\xfe\xff", *(signature for signature, _ in _SIGNATURES))


def outside_root(root: Path, path: Path) -> bool:
    """Whether ``path`` (a symlink, or inside one) leads out of the pilot folder. A link that
    loops leads nowhere: reading it fails, and `read_file` says so."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError before Python 3.13, OSError after
        return False
    return not target.is_relative_to(root)


def _byte_hint(data: bytes, index: int, encoding: str | None) -> str:
    if encoding == "Windows-1252":
        try:
            char = data[index : index + 1].decode("cp1252")
        except UnicodeDecodeError:
            return ""
        if char.isprintable():
            return f" (trolig «{char}»)"
    return ""


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not hang the check
_BINARY = getattr(os, "O_BINARY", 0)


def read_file(
    root: Path, rel: str, sink: Sink, *, limit: int = MAX_FILE_BYTES, unlinked: bool = False
) -> str | None:
    """The text of ``rel`` in the pilot at ``root`` (BOM dropped, line ends normalised), or
    None after a diagnostic. ``root`` is the resolved pilot folder. ``unlinked``: the caller
    saw, listing the folders, that neither the file nor a folder on its way is a symlink (the
    check: a few system calls less for each of thousands of files)."""
    path = os.path.join(root, rel)
    linked = not unlinked and (
        os.path.islink(path) or ".." in rel.split("/") or _linked_folder(root, rel)
    )
    if linked and _loops(Path(path)):
        sink.add(
            JV101,
            None,
            "Filen er en lenke som peker tilbake på seg selv (en løkke), og kan ikke leses. "
            "Slett lenken, og legg selve filen i piloten.",
        )
        return None
    if linked and outside_root(root, Path(path)):
        sink.add(
            JV121,
            None,
            "Filen er en lenke som peker ut av pilotmappen, og blir ikke lest. Legg selve "
            "filen i piloten.",
        )
        return None
    return _read_path(path, sink, limit)


def is_folder(entry: os.DirEntry[str]) -> bool:
    """Whether a folder entry is (or links to) a folder; a link that loops is not."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _loops(path: Path) -> bool:
    try:
        path.resolve(strict=False)
    except (OSError, RuntimeError):  # RuntimeError before Python 3.13, OSError after
        return True
    return False


def _linked_folder(root: Path, rel: str) -> bool:
    """Whether a folder on the way to ``rel`` is a symlink."""
    parts = rel.split("/")[:-1]
    folder = str(root)
    for part in parts:
        folder = os.path.join(folder, part)
        if os.path.islink(folder):
            return True
    return False


def read_or_raise(root: Path, rel: str) -> str:
    """The text of a pilot file, or a JvError with the reader's message (for commands that
    stop at the first unreadable file instead of collecting diagnostics)."""
    sink = Sink(rel)
    text = read_file(root, rel, sink)
    if text is None:
        problem = sink.items[0]
        raise JvError(problem.message, path=rel, line=problem.line)
    return text


def _read_path(path: str, sink: Sink, limit: int) -> str | None:
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except PermissionError:
        sink.add(JV101, None, "Mangler tilgang til å lese filen. Sjekk filrettighetene.")
        return None
    except FileNotFoundError:
        sink.add(JV101, None, "Filen finnes ikke (eller er en lenke som peker til ingenting).")
        return None
    except IsADirectoryError:
        sink.add(JV101, None, "Dette er en mappe, men her skulle det vært en fil.")
        return None
    except OSError as exc:
        sink.add(JV101, None, f"Filen kan ikke leses ({exc.strerror or exc}).")
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            sink.add(JV101, None, "Dette er en mappe, men her skulle det vært en fil.")
            return None
        if not stat.S_ISREG(info.st_mode):
            sink.add(
                JV101, None, "Dette er ikke en vanlig fil (men en spesialfil), og blir ikke lest."
            )
            return None
        if info.st_size > limit:
            sink.add(
                JV122,
                None,
                f"Filen er {info.st_size // 1000} kB, mer enn grensen på {limit // 1000} kB for et "
                "dokument. Sjekk at det er riktig fil; den blir ikke lest.",
            )
            return None
        chunks = []
        size = 0
        while size <= limit:
            want = max(info.st_size + 1 - size, 65536)
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            # less than asked, and all the size said: the end, without a second read to
            # learn it (one system call less for each of thousands of documents)
            if len(chunk) < want and size == info.st_size:
                break
    except OSError as exc:
        sink.add(JV101, None, f"Filen kan ikke leses ({exc.strerror or exc}).")
        return None
    finally:
        os.close(fd)
    if size > limit:
        sink.add(JV122, None, f"Filen er større enn {limit // 1000} kB og blir ikke lest.")
        return None
    return decode_source(chunks[0] if len(chunks) == 1 else b"".join(chunks), sink)


def _mostly_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 without a byte order mark: every other byte is zero."""
    sample = data[:4096]
    half = max(len(sample) // 2, 1)
    return sample[0::2].count(0) > half * 0.3 or sample[1::2].count(0) > half * 0.3


def decode_source(data: bytes, sink: Sink) -> str | None:
    if data.startswith(_ODD_STARTS) or b"\x00" in data:
        checked = _check_bytes(data, sink)
        if checked is None:
            return None
        data = checked
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _not_utf8(data, sink)
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # «ø» typed on a Mac can be o and a combining stroke (NFD): every command compares names
    # and headings in the one form (NFC), so the two look and are the same
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _check_bytes(data: bytes, sink: Sink) -> bytes | None:
    """``data`` without a byte order mark, or None (after a diagnostic) when it is no text."""
    if data.startswith(_BOM):
        sink.add(
            JV103,
            1,
            "Filen starter med et usynlig byte order mark (BOM). Lagre den som UTF-8 uten BOM, "
            "ellers kjenner ikke GitHub og Pandoc igjen feltene øverst.",
        )
        data = data[3:]
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            sink.add(
                JV102,
                1,
                f"Filen er {what}, ikke tekst. Lim teksten inn i en .md-fil laget med "
                "«jv scaffold» i stedet.",
            )
            return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\x00" in data and _mostly_utf16(data)):
        sink.add(
            JV102,
            1,
            "Filen er lagret som UTF-16 («Unicode» i Notisblokk), ikke UTF-8. Lagre den på nytt "
            "med kodingen UTF-8.",
        )
        return None
    if b"\x00" in data:
        sink.add(
            JV102,
            data.count(b"\n", 0, data.index(b"\x00")) + 1,
            "Filen inneholder nulltegn og ser ut som en binærfil (et bilde, et Word-dokument "
            "eller lignende), ikke tekst. Lagre teksten som en .md-fil i stedet.",
        )
        return None
    return data


def _not_utf8(data: bytes, sink: Sink) -> None:
    """Where and why ``data`` (that failed to decode) is not UTF-8."""
    problem = find_decode_problem(data)
    if problem is None:  # pragma: no cover - decoding failed, so there is a problem
        return
    # NUL bytes (UTF-16, binary files) were dealt with above
    encoding = problem.likely_encoding if problem.likely_encoding != "UTF-16" else None
    likely = ""
    if encoding is not None:
        likely = f" Filen er trolig lagret som {encoding}" + _byte_hint(
            data, problem.offset, encoding
        )
        likely += ", slik Word på Windows gjør." if encoding == "Windows-1252" else "."
    sink.add(
        JV102,
        problem.line,
        f"Filen er ikke UTF-8: byte 0x{problem.byte:02X} på denne linjen er ikke gyldig "
        f"UTF-8.{likely} Åpne filen og lagre den som UTF-8.",
    )

"""Personal data in a team document's body: national identity numbers, phone numbers, e-mail."""

from __future__ import annotations

import datetime as dt
import re

from jobbvinner_cli.diagnostics import Rule, Severity, Sink

FAMILY = "Personopplysninger"

JV501 = Rule(
    "JV501",
    "fodselsnummer",
    Severity.ERROR,
    FAMILY,
    "Et fødselsnummer i teksten.",
    "Pilotens dokumenter deles bredt (alle team, styringsgruppa, KS, GitHub). Et "
    "fødselsnummer (11 siffer med gyldige kontrollsiffer, også D-nummer) skal aldri stå i "
    "dem. Fjern det, og fjern det også fra git-historikken (spør prosjektlederen).",
    "Kontaktperson: Kari Nordmann, 01019012345",
    "Kontaktperson: Kari Nordmann, enhetsleder",
)

JV502 = Rule(
    "JV502",
    "telefonnummer",
    Severity.WARNING,
    FAMILY,
    "Et telefonnummer i teksten.",
    "Et norsk telefonnummer (8 siffer, skrevet på alle vanlige måter: 91234567, 912 34 567, "
    "9123 4567, +47 412-34-567, (+47) 412 34 567) i et teamdokument er som regel et "
    "personlig mobilnummer (en dato som 21.09.2017 regnes ikke som nummer). Dokumentene deles bredt; skriv rollen i stedet. Numre som står "
    "i pilot.yaml (pilotens egne kontakter), er tillatt. Er det et offentlig sentralbord, kan "
    "regelen også slås av for filen i pilot.yaml "
    "(ignorer: [{sti: teams/bodo/hovedplan.md, kode: JV502}]).",
    "Ring Kari på 912 34 567.",
    "Kontakt gruppelederen.",
)

JV503 = Rule(
    "JV503",
    "epostadresse",
    Severity.WARNING,
    FAMILY,
    "En e-postadresse i teksten som ikke er pilotens egen.",
    "E-postadresser i teamdokumenter er personopplysninger. Prosjektlederens adresse og "
    "andre adresser som står i pilot.yaml, er tillatt; andre bør fjernes.",
    "Send spørsmål til kari.nordmann@bodo.kommune.no.",
    "Send spørsmål til gruppelederen.",
)

RULES = (JV501, JV502, JV503)

# 11 digits, or 6 + space + 5, not part of a longer number, date or amount.
_FNR = re.compile(r"(?<![\w.,/+-])(\d{6}) ?(\d{5})(?![\w/]|[.,]\d)")
# Where to look closer: 8 or more digits in a row, single spaces allowed between them
# (identity numbers), or with the brackets and hyphens phone numbers are written with.
_DIGIT_RUN = re.compile(r"[0-9](?:[ ]?[0-9]){7,}")
_PHONE_RUN = re.compile(r"[0-9](?:[ ().-]{0,2}[0-9]){7,}")
# Trying _PHONE_RUN at each digit of each date and year costs more than all the rest of the
# check (8 ns a character). A run's digits and separators are ASCII, so in the body's UTF-8
# bytes with the separators deleted its digits stand 8 or more in a row: a body without
# such a row has no run (bytes.translate and `in` take a nanosecond a byte).
_SEPARATORS = b" ().-"  # the separators of _PHONE_RUN
_DIGITS_AS_ZERO = bytes(48 if 48 <= byte <= 57 else 120 for byte in range(256))  # "0", "x"
_LOCAL_PART = re.compile(r"[\w.%+-]+\Z")  # the part of an address before «@»
# the same, where it starts: tried at each place before «@», it fails at once inside a word
_LOCAL_START = re.compile(r"(?<![\w.%+-])[\w.%+-]+\Z")
EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# A date as front matter and plans write it. phonenumbers finds no number in one (its 8
# digits start with 19 or 20); tests/check/test_personal_dates.py checks 1900-2099.
_ISO_DATE = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")
_PHONE_MARGIN = 8  # characters on each side of a run that phonenumbers is shown
# A date as teams write it (21.09.2017, 21-09-2017): phonenumbers takes many of them for a
# valid number (21 09 20 17 is an Oslo number), so a match of this shape that is a real
# date is a date.
_WRITTEN_DATE = re.compile(r"([0-3]?\d)([.-])([01]?\d)\2((?:19|20)\d\d)")

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _control(digits: list[int], weights: tuple[int, ...]) -> int:
    rest = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    return 0 if rest == 11 else rest


def is_fodselsnummer(number: str) -> bool:
    """11 digits with a plausible birth date (also D- and H-numbers) and both check digits."""
    if len(number) != 11 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    day, month = int(number[0:2]), int(number[2:4])
    if day > 40:  # D-number
        day -= 40
    if month > 80:  # synthetic test numbers
        month -= 80
    elif month > 40:  # H-number
        month -= 40
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    return _control(digits, _W1) == digits[9] and _control(digits, _W2) == digits[10]


def _is_written_date(raw: str) -> bool:
    shape = _WRITTEN_DATE.fullmatch(raw)
    if shape is None:
        return False
    day, _, month, year = shape.groups()
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def norwegian_numbers(text: str) -> list[tuple[int, str, str]]:
    """(position, as written, +47… form) of each valid Norwegian phone number in ``text``.

    phonenumbers (Google's libphonenumber) knows which numbers exist and how they are
    written, and leaves dates, amounts and identity numbers alone. It is imported here,
    when a text has a run of digits, not at start-up.
    """
    import phonenumbers

    found = []
    for match in phonenumbers.PhoneNumberMatcher(text, "NO", leniency=phonenumbers.Leniency.VALID):
        if match.number.country_code == 47 and not _is_written_date(match.raw_string):
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            found.append((match.start, match.raw_string, e164))
    return found


def own_numbers(text: str) -> set[str]:
    """The Norwegian phone numbers in ``text`` (pilot.yaml: the pilot's own contacts)."""
    if _PHONE_RUN.search(text) is None:
        return set()
    return {number for _, _, number in norwegian_numbers(text)}


class Contacts:
    """The pilot's own contacts: every e-mail address and phone number in pilot.yaml.

    The phone numbers are looked for only when a document has one to compare with, so
    that a check of documents without any does not load phonenumbers (0.03 s)."""

    def __init__(self, pilot_text: str) -> None:
        self.addresses = frozenset(m.group(0).lower() for m in EMAIL.finditer(pilot_text))
        self._text = pilot_text
        self._numbers: frozenset[str] | None = None

    @property
    def numbers(self) -> frozenset[str]:
        """The pilot's phone numbers, in the +47… form."""
        if self._numbers is None:
            self._numbers = frozenset(own_numbers(self._text))
        return self._numbers


def _only_dates(body: str, spans: list[tuple[int, int]]) -> bool:
    """Whether each run of digits is a date (ÅÅÅÅ-MM-DD) with no other digit where
    phonenumbers would see it: then it finds nothing, and need not be asked (nor loaded)."""
    for start, end in spans:
        if _ISO_DATE.fullmatch(body, start, end) is None:
            return False
        before = body[max(0, start - _PHONE_MARGIN) : start]
        after = body[end : end + _PHONE_MARGIN]
        if any(c.isdigit() for c in before + after):
            return False
    return True


def _line(first_line: int, text: str, pos: int) -> int:
    return first_line + text.count("\n", 0, pos)


def _column(text: str, pos: int) -> int:
    return pos - text.rfind("\n", 0, pos)


def _windows(text: str, spans: list[tuple[int, int]], margin: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        a, b = max(0, a - margin), min(len(text), b + margin)
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _local_part(body: str, at: int) -> re.Match[str] | None:
    """The part before the «@» at ``at``: the letters, digits and «.%+-» right before it,
    at most 64."""
    start = max(0, at - 64)
    found = _LOCAL_START.search(body, start, at)
    # none: no such character before «@», or they begin before the 64 (then all 64 are it)
    return found if found is not None else _LOCAL_PART.match(body, start, at)


def _may_have_runs(body: str) -> bool:
    """False when ``body`` has no match of _PHONE_RUN (True: it may have one)."""
    data = body.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_ZERO, _SEPARATORS)
    return b"00000000" in data


def _check_numbers(body: str, first_line: int, contacts: Contacts, sink: Sink) -> None:
    """Identity numbers and phone numbers, in the runs of digits of ``body``."""
    phones = [m.span() for m in _PHONE_RUN.finditer(body)]
    # a run of digits with single spaces is a phone run too: look for them only in those
    runs = [m.span() for a, b in phones for m in _DIGIT_RUN.finditer(body, a, b)]
    for start, end in _windows(body, runs, 6):
        for match in _FNR.finditer(body, start, end):
            number = match.group(1) + match.group(2)
            if is_fodselsnummer(number):
                sink.add(
                    JV501,
                    _line(first_line, body, match.start()),
                    f"Teksten inneholder et fødselsnummer ({number[:6]} *****). Fødselsnumre skal "
                    "aldri stå i pilotens dokumenter: slett det, og be prosjektlederen fjerne det "
                    "fra git-historikken.",
                    column=_column(body, match.start()),
                )
    if _only_dates(body, phones):
        phones = []
    for start, end in _windows(body, phones, _PHONE_MARGIN):
        for pos, raw, number in norwegian_numbers(body[start:end]):
            if number not in contacts.numbers:
                sink.add(
                    JV502,
                    _line(first_line, body, start + pos),
                    f"Teksten inneholder et telefonnummer ({raw}). Dokumentene deles "
                    "bredt; skriv rollen (for eksempel «gruppelederen») i stedet for nummeret.",
                    column=_column(body, start + pos),
                )


def check_personal_data(body: str, first_line: int, contacts: Contacts, sink: Sink) -> None:
    """Flag identity numbers (error), phone numbers and foreign e-mail addresses (warnings).

    The precise patterns have look-arounds that are slow to try at every character, so they
    only run on small windows around runs of digits and around each «@».
    """
    if _may_have_runs(body):
        _check_numbers(body, first_line, contacts, sink)
    at = body.find("@")
    while at >= 0:
        local = _local_part(body, at)
        address = EMAIL.match(body, local.start()) if local is not None else None
        if address is None or address.end() <= at:
            at = body.find("@", at + 1)
            continue
        if address.group(0).lower() not in contacts.addresses:
            sink.add(
                JV503,
                _line(first_line, body, address.start()),
                f"Teksten inneholder e-postadressen {address.group(0)}, som ikke er en av "
                "pilotens egne adresser i pilot.yaml. Fjern den, eller skriv rollen i stedet.",
                column=_column(body, address.start()),
            )
        at = body.find("@", address.end())

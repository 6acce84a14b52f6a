"""The language of the command line's own words: bokmål, or English with JV_LANG=en / --lang en.

jv's own messages are Norwegian only. What this module switches is the framework's
share: the headings and phrases of `--help`, the usage line and the usage errors
that Click and Typer would print in English (see ``cli/clickkit.py``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

ENV = "JV_LANG"
LANGUAGES = ("nb", "en")

_chosen: str | None = None  # --lang of the running command line, if given


def normalize(value: str) -> str | None:
    """«en», «en_GB.UTF-8», «nb», «no», «nn» … as nb or en; None when it is neither."""
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    if code == "en":
        return "en"
    if code in {"nb", "no", "nn", "nob", "nor", "norsk", "bokmål", "bokmal"}:
        return "nb"
    return None


def choose_from_args(args: Sequence[str]) -> None:
    """Take the root option --lang from the command line before Click parses it, so that
    even the errors Click finds while parsing come in the chosen language."""
    global _chosen
    _chosen = None
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        arg = args[i]
        if arg == "--lang" and i + 1 < len(args):
            _chosen = normalize(args[i + 1])
            i += 1
        elif arg.startswith("--lang="):
            _chosen = normalize(arg.split("=", 1)[1])
        i += 1


def current() -> str:
    if _chosen is not None:
        return _chosen
    return normalize(os.environ.get(ENV, "")) or "nb"


def norwegian() -> bool:
    return current() == "nb"


# --- the words of --help -------------------------------------------------------------------

HEADINGS = {
    "Usage": "Bruk",
    "Options": "Valg",
    "Arguments": "Argumenter",
    "Commands": "Kommandoer",
}

PHRASES = {
    "Usage: ": "Bruk: ",
    "[OPTIONS]": "[VALG]",
    "COMMAND [ARGS]...": "KOMMANDO [ARGUMENTER]...",
    "Show this message and exit.": "Vis denne hjelpen og avslutt.",
    "Install completion for the current shell.": (
        "Legg inn fullføring med Tab for skallet du bruker (bash, zsh eller fish)."
    ),
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Vis fullføringsskriptet for skallet du bruker, for å kopiere det eller legge det inn selv."
    ),
    "Install completion for the specified shell.": "Legg inn fullføring med Tab for skallet.",
    "Show completion for the specified shell, to copy it or customize the installation.": (
        "Vis fullføringsskriptet for skallet."
    ),
}

_EXTRA = re.compile(r"\[([^\[\]]*)\]$")
_EXTRA_WORDS = (
    (re.compile(r"\bdefault: "), "standard: "),
    (re.compile(r"\brequired\b"), "påkrevd"),
    (re.compile(r"\benv var: "), "miljøvariabel: "),
    (re.compile(r"\(dynamic\)"), "(beregnes)"),
)


def phrase(text: str) -> str:
    """A fixed phrase of the framework, in the chosen language."""
    return PHRASES.get(text, text) if norwegian() else text


def heading(text: str) -> str:
    return HEADINGS.get(text, text) if norwegian() else text


def help_text(text: str) -> str:
    """An option's help with the framework's «[default: …; required]» in the chosen language."""
    if not norwegian():
        return text
    text = PHRASES.get(text, text)
    match = _EXTRA.search(text)
    if match is None:
        return text
    inner = match.group(1)
    for pattern, replacement in _EXTRA_WORDS:
        inner = pattern.sub(replacement, inner)
    return text[: match.start()] + f"[{inner}]"


# --- values the type check refuses (pydantic's error types, as Typer reports them) ---------


def _expected(ctx: dict[str, Any]) -> str:
    return str(ctx.get("expected", "")).replace(" or ", " eller ")


VALUE_ERRORS: dict[str, str] = {
    "greater_than_equal": "må være minst {ge}",
    "greater_than": "må være større enn {gt}",
    "less_than_equal": "kan være høyst {le}",
    "less_than": "må være mindre enn {lt}",
    "int_parsing": "må være et heltall, for eksempel 2",
    "int_type": "må være et heltall, for eksempel 2",
    "int_from_float": "må være et heltall, uten desimaler",
    "float_parsing": "må være et tall, for eksempel 2.5",
    "float_type": "må være et tall, for eksempel 2.5",
    "bool_parsing": "må være ja eller nei (true/false)",
    "date_parsing": "må være en dato, ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "må være en dato, ÅÅÅÅ-MM-DD",
    "datetime_parsing": "må være et tidspunkt, ÅÅÅÅ-MM-DD TT:MM",
    "datetime_from_date_parsing": "må være et tidspunkt, ÅÅÅÅ-MM-DD TT:MM",
    "string_too_short": "er for kort",
    "string_too_long": "er for lang",
    "missing": "mangler",
}


def value_error(error_type: str, ctx: dict[str, Any], fallback: str) -> str:
    """Norwegian for one pydantic error type; ``fallback`` (English) when it has none."""
    if error_type in {"enum", "literal_error"}:
        return f"må være en av: {_expected(ctx)}"
    template = VALUE_ERRORS.get(error_type)
    if template is None:
        return fallback
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return fallback


# Typer names the path «file», «dir» or «path»; Click «File», «Directory» or «Path»
_PATH = r"^(?:[Ff]ile|[Dd]ir(?:ectory)?|[Pp]ath) '(.*)' "
_PATH_ERRORS = (
    (re.compile(_PATH + r"does not exist\.$"), "«{0}» finnes ikke."),
    (
        re.compile(_PATH + r"is a file\.$"),
        "«{0}» er en fil, ikke en mappe.",
    ),
    (
        re.compile(_PATH + r"is a directory\.$"),
        "«{0}» er en mappe, ikke en fil.",
    ),
    (re.compile(_PATH + r"is not readable\.$"), "«{0}» kan ikke leses."),
    (re.compile(_PATH + r"is not writable\.$"), "«{0}» kan ikke skrives."),
    (re.compile(r"^Value '(.*)' is not a valid (\w+)\.$"), "«{0}» er ikke en gyldig verdi."),
    (re.compile(r"^'(.*)' is not one of (.*)\.$"), "«{0}» finnes ikke. Velg en av: {1}."),
    (re.compile(r"^Value must be an iterable\.$"), "Verdien må være en liste."),
)


def plain_value_error(message: str) -> str:
    """Norwegian for Typer's own messages about a value (paths, choices)."""
    for pattern, template in _PATH_ERRORS:
        match = pattern.match(message)
        if match:
            return template.format(*(g.replace("'", "") for g in match.groups()))
    return message

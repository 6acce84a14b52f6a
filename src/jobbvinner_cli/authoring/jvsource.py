"""Where a pilot's CI and pre-commit install jv from: one setting, `jv init --jv-kilde`.

Three kinds, each written the same way into the workflow and the pre-commit configuration:
a version on the package index (``0.1.0``), a git URL with a commit
(``git+https://github.com/ORG/REPO@COMMIT``) or a wheel's URL (``https://…/….whl``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobbvinner_cli import DISTRIBUTION, __version__
from jobbvinner_cli.errors import UsageError

_VERSION = re.compile(r"^(?:(?:jobbvinner[-_]cli)\s*==\s*)?(\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?)$")


@dataclass(frozen=True)
class JvSource:
    kind: str  # "index", "git" or "wheel"
    requirement: str  # what `pip install` gets, quoted in the workflow
    repo: str = ""  # git only: the repository pre-commit clones
    rev: str = ""  # git only: the commit (or tag) pre-commit checks out


def default_source() -> JvSource:
    return parse_source(__version__)


def parse_source(text: str) -> JvSource:
    value = text.strip()
    version = _VERSION.match(value)
    if version:
        return JvSource("index", f"{DISTRIBUTION}=={version.group(1)}")
    if value.startswith("git+"):
        url, at, rev = value[4:].rpartition("@")
        if not at or not rev or "/" in rev or not url or "://" not in url:
            raise UsageError(
                f"--jv-kilde {value}: en git-adresse må slutte med @ og en commit, for eksempel "
                "git+https://github.com/ORG/REPO@3f2c1ab… (en tag virker også, men en commit "
                "kan ikke flyttes)."
            )
        return JvSource("git", f"{DISTRIBUTION} @ {value}", repo=url, rev=rev)
    if value.endswith(".whl") and re.match(r"^(https?|file)://", value):
        return JvSource("wheel", f"{DISTRIBUTION} @ {value}")
    raise UsageError(
        f"--jv-kilde «{text}» er verken et versjonsnummer (som {__version__}), en git-adresse "
        "med commit (git+https://github.com/ORG/REPO@COMMIT) eller adressen til en wheel-fil "
        "(https://…/jobbvinner_cli-….whl)."
    )

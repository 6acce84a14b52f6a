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
    """Where the running jv came from, when CI can fetch it from there too: the git commit
    or wheel URL it was installed from (PEP 610's direct_url.json), else this version on
    the package index."""
    found = _installed_from()
    return parse_source(found) if found else parse_source(__version__)


def _installed_from() -> str | None:
    import json
    from importlib import metadata

    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
        data = json.loads(text) if text else None
    except (metadata.PackageNotFoundError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    url = data.get("url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return None  # a local folder or file: the pilot's CI cannot reach it
    vcs = data.get("vcs_info")
    if isinstance(vcs, dict):
        commit = vcs.get("commit_id")
        if vcs.get("vcs") == "git" and isinstance(commit, str):
            return f"git+{url}@{commit}"
        return None
    return url if url.endswith(".whl") else None


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

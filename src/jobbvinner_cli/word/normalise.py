"""The normal form two versions of a document are compared in (the round trip's promise).

Importing the export of a document gives back the same document after this
normalisation: the front matter compared as data (YAML values, not their spelling:
quotes, comments and line breaks in long values do not count), and the body as Pandoc
writes it in GitHub's Markdown dialect with no line wrapping (so table rule widths,
escapes such as «27\\.», list markers and blank lines do not count). What a reader of
the document sees, and what `jv check` and the report read, is the same.
"""

from __future__ import annotations

import subprocess
from typing import Any

from jobbvinner_cli.word.template import split_front_matter


def normalised(text: str) -> tuple[Any, str]:
    import yaml

    from jobbvinner_cli.render.binaries import pandoc_path

    front, body, _ = split_front_matter(text)
    proc = subprocess.run(
        [pandoc_path(), "--from=gfm", "--to=gfm-raw_html", "--wrap=none"],
        input=body.encode("utf-8"),
        capture_output=True,
        timeout=60,
        check=True,
    )
    lines = [line.rstrip() for line in proc.stdout.decode("utf-8").strip().split("\n")]
    return yaml.safe_load(front), "\n".join(lines)

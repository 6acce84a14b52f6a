"""Images in the report: only files inside the pilot, copied into the build folder."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from jobbvinner_cli.errors import JvError
from jobbvinner_cli.pipeline.repo import is_inside

_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)")


class Images:
    def __init__(self, root: Path, workdir: Path) -> None:
        self.root = root
        self.workdir = workdir
        self._copied: dict[Path, str] = {}

    def rewrite(self, text: str, source: str, first_line: int) -> str:
        """``text`` from the pilot file ``source`` with its images pointing at copies."""

        def replace(match: re.Match[str]) -> str:
            target = match.group("target")
            line = first_line + text.count("\n", 0, match.start())
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("//"):
                raise JvError(
                    f"Bildet «{target}» er en nettadresse. Bilder må ligge i pilotmappen; "
                    "last det ned og vis til filen.",
                    path=source,
                    line=line,
                )
            if target.startswith(("/", "\\", "~")):
                raise JvError(
                    f"Bildet «{target}» har en absolutt sti. Bruk en sti relativt til dokumentet.",
                    path=source,
                    line=line,
                )
            path = ((self.root / source).parent / target).resolve()
            if not is_inside(self.root, path):
                raise JvError(
                    f"Bildet «{target}» ligger utenfor pilotmappen og tas ikke med.",
                    path=source,
                    line=line,
                )
            if not path.is_file():
                raise JvError(f"Fant ikke bildet «{target}».", path=source, line=line)
            if path not in self._copied:
                digest = hashlib.sha256(str(path).encode()).hexdigest()[:10]
                name = f"bilder/{digest}{path.suffix.lower()}"
                (self.workdir / "bilder").mkdir(exist_ok=True)
                shutil.copyfile(path, self.workdir / name)
                self._copied[path] = name
            title = match.group("title") or ""
            return f"![{match.group('alt')}]({self._copied[path]}{title})"

        return _IMAGE.sub(replace, text)

"""Reading a Markdown document with YAML front matter, with line numbers kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter

from jobbvinner_cli.errors import ConfigError, JvError
from jobbvinner_cli.model.frontmatter import FrontMatter
from jobbvinner_cli.textio import read_text
from jobbvinner_cli.validation import parse_config_text, validate_tree
from jobbvinner_cli.yamltext import Node

MAX_FRONT_MATTER_CHARS = 64_000
_FENCE = re.compile(r"^---[ \t]*$")


@dataclass(frozen=True)
class Split:
    """A document cut into its front matter text and body; lines are 1-based in the file."""

    front_text: str | None
    body: str
    body_line: int
    unclosed: bool = False


# The closing line (--- or ...), found by searching from the newline that starts it.
_CLOSE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|\Z)")


def split_front_matter(text: str) -> Split:
    first_end = text.find("\n")
    if not _FENCE.match(text if first_end < 0 else text[:first_end]):
        return Split(None, text, 1)
    close = _CLOSE.search(text, first_end) if first_end >= 0 else None
    if close is None:
        return Split(None, text, 1, unclosed=True)
    front = text[first_end + 1 : close.start()] if close.start() > first_end else ""
    body = text[close.end() + 1 :]
    return Split(front, body, text.count("\n", 0, close.start()) + 3)


@dataclass
class Document:
    path: Path
    display: str
    meta: FrontMatter
    tree: Node | None
    post: frontmatter.Post
    body_line: int

    @property
    def body(self) -> str:
        return str(self.post.content)


def parse_document(text: str, display: str, path: Path | None = None) -> Document:
    split = split_front_matter(text)
    if split.unclosed:
        raise JvError(
            "Front matter-blokken øverst er ikke lukket. Legg til en linje med bare --- "
            "etter siste felt.",
            path=display,
            line=1,
        )
    if split.front_text is None:
        raise JvError(
            "Dokumentet mangler front matter øverst (feltene mellom to linjer med ---). "
            "Lag dokumentet med «jv scaffold», eller kopier feltene fra et annet dokument.",
            path=display,
            line=1,
        )
    if len(split.front_text) > MAX_FRONT_MATTER_CHARS:
        raise JvError(
            f"Front matter er over {MAX_FRONT_MATTER_CHARS // 1000} kB. Flytt teksten ned i dokumentet.",
            path=display,
            line=2,
        )
    try:
        tree = parse_config_text(split.front_text, display)
    except ConfigError as exc:
        exc.problems = [(ln + 1 if ln else 2, msg) for ln, msg in exc.problems]
        raise ConfigError(display, exc.problems) from None
    meta = validate_tree(tree, FrontMatter, display, line_offset=1)
    post = frontmatter.Post(split.body, **(tree.plain() if tree is not None else {}))
    return Document(path or Path(display), display, meta, tree, post, split.body_line)


def read_document(path: Path, display: str) -> Document:
    return parse_document(read_text(path, display=display), display, path)

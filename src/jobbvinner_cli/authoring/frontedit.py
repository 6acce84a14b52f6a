"""Editing single values in a document's front matter, line by line, leaving every other byte.

jv never re-dumps a document's YAML: a team's comments, quoting and order stay as they
were. Only one-line scalar values are edited; anything else is left to the writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jobbvinner_cli.pipeline.frontmatter import split_front_matter
from jobbvinner_cli.pipeline.yamltext import Node, YamlTextError, parse_yaml_text

_BOM = b"\xef\xbb\xbf"
_KEY = re.compile(r"^(?P<indent>[ \t]*)(?P<key>[^\s:#][^:#]*?)[ \t]*:(?P<rest>.*)$")


@dataclass
class FrontLines:
    """A document cut into lines, with its front matter parsed (1-based lines in the file)."""

    lines: list[str]  # each with its line ending
    tree: Node
    first: int  # file line of the first front matter line (2)
    close: int  # file line of the closing ---

    bom: bytes = b""

    @classmethod
    def load(cls, path: Path, text: str) -> FrontLines | None:
        """The file at ``path`` as it is on disk, parsed from ``text`` (the pipeline's reading
        of it, line endings made \\n). None when the front matter cannot be edited safely."""
        data = path.read_bytes()
        bom = _BOM if data.startswith(_BOM) else b""
        try:
            raw = data[len(bom) :].decode("utf-8")
        except UnicodeDecodeError:
            return None
        if raw.replace("\r\n", "\n") != text:  # a lone \r: lines would not match
            return None
        found = cls.parse(text)
        if found is None:
            return None
        found.lines = _lines(raw)
        found.bom = bom
        return found

    @classmethod
    def parse(cls, text: str) -> FrontLines | None:
        split = split_front_matter(text)
        if split.front_text is None:
            return None
        try:
            tree = parse_yaml_text(split.front_text)
        except YamlTextError:
            return None
        if tree is None:
            tree = Node(1, mapping={})
        if tree.mapping is None:
            return None
        return cls(_lines(text), tree, 2, split.body_line - 1)

    def text(self) -> str:
        return "".join(self.lines)

    def data(self) -> bytes:
        """The file's bytes as they are to be written back."""
        return self.bom + self.text().encode("utf-8")

    def node(self, path: tuple[str, ...]) -> Node | None:
        node: Node | None = self.tree
        for part in path:
            if node is None or node.mapping is None or part not in node.mapping:
                return None
            node = node.mapping[part]
        return node

    def scalar(self, path: tuple[str, ...]) -> str | None:
        """The value at ``path`` as text ('' for an empty value), None if absent or not one
        line of text."""
        node = self.node(path)
        if node is None or node.mapping is not None or node.sequence is not None:
            return None
        return "" if node.is_null or node.scalar is None else node.scalar

    def key_line(self, path: tuple[str, ...]) -> int | None:
        """The file line (1-based) of the key at ``path``."""
        parent = self.node(path[:-1])
        if parent is None or parent.mapping is None or path[-1] not in parent.mapping:
            return None
        return parent.key_lines.get(path[-1], parent.mapping[path[-1]].line) + self.first - 1

    def editable(self, path: tuple[str, ...]) -> bool:
        """Whether the value at ``path`` is a scalar written on its key's own line."""
        line = self.key_line(path)
        if line is None or self.scalar(path) is None:
            return False
        match = _KEY.match(self.lines[line - 1].rstrip("\r\n"))
        if match is None or match.group("key").strip("'\"") != path[-1]:
            return False
        value, _ = _split_comment(match.group("rest"))
        # a block scalar (| or >) or a value continued on the next lines is the writer's
        if value.strip().startswith(("|", ">")):
            return False
        nxt = self.lines[line] if line < len(self.lines) else ""
        indent = len(match.group("indent"))
        cont = nxt.rstrip("\r\n")
        return line >= self.close - 1 or not (
            cont.strip() and len(cont) - len(cont.lstrip()) > indent and not _KEY.match(cont)
        )

    def value_text(self, path: tuple[str, ...]) -> str | None:
        """The value at ``path`` as written on its line (quotes kept, comment dropped)."""
        line = self.key_line(path)
        if line is None or not self.editable(path):
            return None
        match = _KEY.match(self.lines[line - 1].rstrip("\r\n"))
        assert match is not None
        return _split_comment(match.group("rest"))[0].strip()

    def set(self, path: tuple[str, ...], value: str) -> None:
        """Write ``value`` (YAML text) as the value at ``path``, keeping the line's comment."""
        line = self.key_line(path)
        assert line is not None and self.editable(path)
        raw = self.lines[line - 1]
        ending = raw[len(raw.rstrip("\r\n")) :]
        match = _KEY.match(raw.rstrip("\r\n"))
        assert match is not None
        _, comment = _split_comment(match.group("rest"))
        head = raw[: match.start("rest")]
        sep = " " if value else ""
        if comment and not value:
            comment = comment if comment.startswith((" ", "\t")) else "  " + comment
        self.lines[line - 1] = f"{head}{sep}{value}{comment}{ending}"

    def insert_at(self, line: int, line_text: str) -> None:
        """A new line at file line ``line`` (in the front matter: up to the closing ---)."""
        ending = "\r\n" if self.lines and self.lines[0].endswith("\r\n") else "\n"
        self.lines.insert(line - 1, line_text + ending)
        self.close += 1

    def raw_line(self, path: tuple[str, ...]) -> str | None:
        line = self.key_line(path)
        return self.lines[line - 1].rstrip("\r\n") if line is not None else None

    def insert_after(self, path: tuple[str, ...] | None, line_text: str) -> None:
        """A new top-level line after the key at ``path`` (at the end when None or absent)."""
        at = self.key_line(path) if path is not None else None
        ending = "\r\n" if self.lines and self.lines[0].endswith("\r\n") else "\n"
        index = at if at is not None else self.close - 1
        self.lines.insert(index, line_text + ending)
        self.close += 1


def _split_comment(rest: str) -> tuple[str, str]:
    """A value's text and its trailing comment (with the spaces before it)."""
    stripped = rest.lstrip()
    if stripped[:1] in ("'", '"'):
        quote = stripped[0]
        i = 1
        while i < len(stripped):
            if stripped[i] == "\\" and quote == '"':
                i += 2
                continue
            if stripped[i] == quote:
                if quote == "'" and stripped[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                break
            i += 1
        lead = len(rest) - len(stripped)
        end = lead + i + 1
        return rest[:end], rest[end:]
    match = re.search(r"(^|[ \t])#", rest)
    if match is None:
        return rest, ""
    cut = match.start()
    value = rest[:cut]
    trimmed = value.rstrip()
    return trimmed, rest[len(trimmed) :]


def _lines(text: str) -> list[str]:
    """Lines with their endings, split at \\n only (as YAML and Markdown count lines)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines

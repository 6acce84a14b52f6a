"""Strict YAML reading: every scalar stays text, every value keeps its line.

PyYAML's usual loaders apply YAML 1.1 typing (``no`` becomes False, ``0301``
becomes 193, ``08:30`` becomes 510), follow aliases (a tiny file can expand to
gigabytes) and let libyaml recurse until the process dies on deeply nested
brackets. Here we read the parser's event stream ourselves, keep scalars as
text and refuse anchors, aliases, custom tags, duplicate keys and deep
nesting. The schemas then decide what each text means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from jobbvinner_cli.pipeline.yamlchars import fatal_character
from jobbvinner_cli.pipeline.yamldepth import flow_depth
from jobbvinner_cli.pipeline.yamlfast import parse_composed
from jobbvinner_cli.pipeline.yamlhints import explain_yaml_error
from jobbvinner_cli.pipeline.yamlsimple import parse_simple

try:  # the C parser is an order of magnitude faster where libyaml is present
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 40
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_PLAIN_TAGS = frozenset(
    {"!"}
    | {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}
)


class YamlTextError(ValueError):
    """A YAML text that cannot be read; ``line`` is 1-based within the text.

    ``kind`` says why: "syntax" (not valid YAML), "duplicate" (a key twice),
    "refused" (anchors, aliases, tags) or "depth" (nested too deeply).
    """

    def __init__(
        self,
        message: str,
        line: int | None,
        kind: str = "syntax",
        column: int | None = None,
        *,
        other: int | None = None,
    ) -> None:
        self._template = message  # «{other}» stands for the other line
        self.line = line
        self.kind = kind
        self.column = column  # 1-based, when libyaml said where
        self.other = other  # the first line of a duplicate key, within the text
        self.message = self.worded(0)
        super().__init__(self.message)

    def worded(self, offset: int) -> str:
        """The message for a text whose first line is file line ``offset + 1``."""
        if self.other is None:
            return self._template
        return self._template.replace("{other}", str(self.other + offset))


@dataclass(slots=True)
class Node:
    """One value of the tree with the line (1-based) it starts on."""

    line: int
    scalar: str | None = None
    quoted: bool = False
    mapping: dict[str, Node] | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    sequence: list[Node] | None = None

    @property
    def is_null(self) -> bool:
        return self.scalar is not None and not self.quoted and self.scalar in NULL_WORDS

    def plain(self) -> Any:
        """The value as dicts, lists, strings and None (for an empty value)."""
        # every document's tree is turned into dicts for the schema: a text (most values) is
        # taken here, with no call for it
        if self.mapping is not None:
            return {
                k: v.plain()
                if v.scalar is None
                else (None if not v.quoted and v.scalar in NULL_WORDS else v.scalar)
                for k, v in self.mapping.items()
            }
        if self.sequence is not None:
            return [
                v.plain()
                if v.scalar is None
                else (None if not v.quoted and v.scalar in NULL_WORDS else v.scalar)
                for v in self.sequence
            ]
        if self.is_null:
            return None
        return self.scalar

    def line_of(self, path: tuple[str | int, ...]) -> int:
        """The line of the value at ``path``, or of the nearest parent that exists."""
        node = self
        line = self.line
        for part in path:
            if node.mapping is not None and isinstance(part, str) and part in node.mapping:
                line = node.key_lines.get(part, node.mapping[part].line)
                node = node.mapping[part]
            elif (
                node.sequence is not None
                and isinstance(part, int)
                and 0 <= part < len(node.sequence)
            ):
                node = node.sequence[part]
                line = node.line
            else:
                break
        return line


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def _column(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.column + 1 if mark is not None else None


def _parse_simple(text: str) -> Node | Literal[False] | None:
    """The tree of a simple YAML text (pipeline/yamlsimple.py), None for an empty one, False
    when it is not simple."""
    return parse_simple(text, MAX_DEPTH, Node)  # type: ignore[no-any-return]


def parse_yaml_text(text: str) -> Node | None:
    """Parse one YAML document into a :class:`Node` tree; None for an empty text."""
    return read_yaml_text(text)[0]


def read_yaml_text(text: str) -> tuple[Node | None, bool]:
    """`parse_yaml_text`, and whether the simple reader took the text. Then every character
    of it is printable (yamlsimple looks), so none is hidden: the check need not look again
    (yamlchars.hidden_characters names only characters that are not printable)."""
    simple = _parse_simple(text)
    if simple is not False:
        return simple, True
    return _parse_not_simple(text), False


def _parse_not_simple(text: str) -> Node | None:
    fatal = fatal_character(text)  # before libyaml, whose message names no line or character
    if fatal is not None:
        raise YamlTextError(fatal[1], fatal[0])
    composed = parse_composed(text, MAX_DEPTH, Node)
    if composed is not False:
        return composed  # type: ignore[no-any-return]
    return parse_yaml_full(text)


def parse_yaml_full(text: str) -> Node | None:
    """The full parser: libyaml's events, with every refusal and error explained."""
    fatal = fatal_character(text)
    if fatal is not None:
        raise YamlTextError(fatal[1], fatal[0])
    _refuse_deep_brackets(text)
    builder = _TreeBuilder()
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                builder.document_start(event)
            elif isinstance(event, yaml.AliasEvent):
                builder.alias(event)
            elif isinstance(event, yaml.ScalarEvent):
                builder.scalar(event)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                builder.collection_start(event)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                builder.collection_end()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        raise YamlTextError(explain_yaml_error(exc), line, column=column) from None
    except yaml.YAMLError as exc:
        raise YamlTextError(f"YAML-en kan ikke leses: {exc}", None) from None
    except RecursionError:  # pragma: no cover - guarded by the two depth limits
        raise YamlTextError("YAML-en er for dypt nøstet.", None, "depth") from None
    return builder.root


def _refuse_deep_brackets(text: str) -> None:
    # Counting brackets is far cheaper than the scan and settles almost every text.
    brackets = text.count("[") + text.count("{")
    if brackets > MAX_DEPTH:
        depth, line = flow_depth(text, MAX_DEPTH)
        if depth > MAX_DEPTH:
            raise YamlTextError(
                f"YAML-en er nøstet dypere enn {MAX_DEPTH} nivåer med [ eller {{. "
                "Et plandokument trenger aldri så mange; fjern de ekstra klammeparentesene.",
                line,
                "depth",
            )


def _check_tag(event: Any) -> None:
    tag = getattr(event, "tag", None)
    if tag and tag not in _PLAIN_TAGS:
        raise YamlTextError(
            f"Typemerket «{tag}» er ikke tillatt her. Fjern det og skriv verdien som vanlig tekst.",
            _line(event),
            "refused",
            _column(event),
        )
    if getattr(event, "anchor", None):
        raise YamlTextError(
            f"Ankeret «&{event.anchor}» er ikke tillatt. Skriv verdien ut der den skal brukes.",
            _line(event),
            "refused",
            _column(event),
        )


class _TreeBuilder:
    """The tree of one text, built from the parser's events."""

    __slots__ = ("documents", "pending_key", "root", "stack")

    def __init__(self) -> None:
        self.stack: list[tuple[Node, str | None]] = []
        self.root: Node | None = None
        self.pending_key: list[str | None] = []
        self.documents = 0

    def document_start(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise YamlTextError(
                "Det står mer enn ett YAML-dokument her (en ekstra linje med ---). "
                "Slå dem sammen til ett.",
                _line(event),
            )

    def alias(self, event: Any) -> None:
        raise YamlTextError(
            f"Henvisningen «*{event.anchor}» er ikke tillatt. Skriv verdien ut der den skal brukes.",
            _line(event),
            "refused",
            _column(event),
        )

    def scalar(self, event: Any) -> None:
        _check_tag(event)
        self._attach(
            Node(
                line=_line(event),
                scalar=event.value,
                quoted=event.style in ("'", '"', "|", ">"),
            )
        )

    def collection_start(self, event: Any) -> None:
        _check_tag(event)
        if len(self.stack) >= MAX_DEPTH:
            raise YamlTextError(
                f"YAML-en er nøstet dypere enn {MAX_DEPTH} nivåer. Gjør strukturen flatere.",
                _line(event),
                "depth",
            )
        if isinstance(event, yaml.MappingStartEvent):
            node = Node(line=_line(event), mapping={})
        else:
            node = Node(line=_line(event), sequence=[])
        self._attach(node)
        self.stack.append((node, None))
        self.pending_key.append(None)

    def collection_end(self) -> None:
        self.stack.pop()
        self.pending_key.pop()

    def _attach(self, node: Node) -> None:
        stack, pending_key = self.stack, self.pending_key
        if not stack:
            self.root = node
            return
        parent, _ = stack[-1]
        if parent.sequence is not None:
            parent.sequence.append(node)
            return
        assert parent.mapping is not None
        key = pending_key[-1]
        if key is None:
            if node.scalar is None:
                raise YamlTextError(
                    "En nøkkel må være en enkel tekst, ikke en liste eller en tabell.", node.line
                )
            key = node.scalar
            if key in parent.mapping or key in parent.key_lines:
                first = parent.key_lines[key]
                raise YamlTextError(
                    f"Nøkkelen «{key}» står to ganger: på linje {{other}} og her. "
                    "Slett den ene, ellers er det uklart hvilken verdi som gjelder.",
                    node.line,
                    "duplicate",
                    other=first,
                )
            parent.key_lines[key] = node.line
            pending_key[-1] = key
        else:
            parent.mapping[key] = node
            pending_key[-1] = None

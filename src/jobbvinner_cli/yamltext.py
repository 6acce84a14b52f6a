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
from typing import Any

import yaml

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

    def __init__(self, message: str, line: int | None, kind: str = "syntax") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.kind = kind


@dataclass
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
        if self.mapping is not None:
            return {k: v.plain() for k, v in self.mapping.items()}
        if self.sequence is not None:
            return [v.plain() for v in self.sequence]
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


def max_flow_depth(text: str) -> int:
    """Deepest nesting of ``[``/``{`` outside quotes and comments (a cheap pre-scan)."""
    depth = best = 0
    quote = ""
    prev = "\n"
    in_comment = False
    for ch in text:
        if in_comment:
            if ch == "\n":
                in_comment = False
        elif quote:
            if ch == quote:
                quote = ""
        elif ch in "[{":
            depth += 1
            best = max(best, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch in "\"'" and prev in " \t\n[{,:-":
            quote = ch
        elif ch == "#" and prev in " \t\n":
            in_comment = True
        elif ch == "\n":
            quote = ""
        prev = ch
    return best


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def parse_yaml_text(text: str) -> Node | None:
    """Parse one YAML document into a :class:`Node` tree; None for an empty text."""
    # Counting brackets is far cheaper than the scan and settles almost every text.
    brackets = text.count("[") + text.count("{")
    if brackets > MAX_DEPTH and max_flow_depth(text) > MAX_DEPTH:
        raise YamlTextError(
            f"YAML-en er nøstet dypere enn {MAX_DEPTH} nivåer med [ eller {{. "
            "Et plandokument trenger aldri så mange; fjern de ekstra klammeparentesene.",
            None,
            "depth",
        )
    stack: list[tuple[Node, str | None]] = []
    root: Node | None = None
    pending_key: list[str | None] = []
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
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
                    f"Nøkkelen «{key}» står to ganger (også på linje {first}). "
                    "Slett den ene, ellers er det uklart hvilken verdi som gjelder.",
                    node.line,
                    "duplicate",
                )
            parent.key_lines[key] = node.line
            pending_key[-1] = key
        else:
            parent.mapping[key] = node
            pending_key[-1] = None

    def check_tag(event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag and tag not in _PLAIN_TAGS:
            raise YamlTextError(
                f"Typemerket «{tag}» er ikke tillatt her. Fjern det og skriv verdien som vanlig tekst.",
                _line(event),
                "refused",
            )
        if getattr(event, "anchor", None):
            raise YamlTextError(
                f"Ankeret «&{event.anchor}» er ikke tillatt. Skriv verdien ut der den skal brukes.",
                _line(event),
                "refused",
            )

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlTextError(
                        "Det står mer enn ett YAML-dokument her (en ekstra linje med ---). "
                        "Slå dem sammen til ett.",
                        _line(event),
                    )
            elif isinstance(event, yaml.AliasEvent):
                raise YamlTextError(
                    f"Henvisningen «*{event.anchor}» er ikke tillatt. Skriv verdien ut der den skal brukes.",
                    _line(event),
                    "refused",
                )
            elif isinstance(event, yaml.ScalarEvent):
                check_tag(event)
                attach(
                    Node(
                        line=_line(event),
                        scalar=event.value,
                        quoted=event.style in ("'", '"', "|", ">"),
                    )
                )
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                check_tag(event)
                if len(stack) >= MAX_DEPTH:
                    raise YamlTextError(
                        f"YAML-en er nøstet dypere enn {MAX_DEPTH} nivåer. Gjør strukturen flatere.",
                        _line(event),
                        "depth",
                    )
                if isinstance(event, yaml.MappingStartEvent):
                    node = Node(line=_line(event), mapping={})
                else:
                    node = Node(line=_line(event), sequence=[])
                attach(node)
                stack.append((node, None))
                pending_key.append(None)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                pending_key.pop()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlTextError(_explain_yaml_error(exc), line) from None
    except yaml.YAMLError as exc:
        raise YamlTextError(f"YAML-en kan ikke leses: {exc}", None) from None
    except RecursionError:  # pragma: no cover - guarded by the depth limits above
        raise YamlTextError("YAML-en er for dypt nøstet.", None, "depth") from None
    return root


def _explain_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    hints = {
        "mapping values are not allowed": (
            "Et kolon (:) midt i en verdi forvirrer YAML. Sett hele verdien i anførselstegn, "
            'for eksempel effektmål: "Mål: flere søkere".'
        ),
        "found character that cannot start any token": (
            "Et tegn her kan ikke starte en verdi. Ofte er det et tabulatortegn i innrykket "
            "(bruk mellomrom), eller en verdi som begynner med @ eller ` (sett den i anførselstegn)."
        ),
        "could not find expected ':'": (
            "En linje mangler kolon etter nøkkelen, eller et anførselstegn er ikke lukket."
        ),
        "found unexpected end of stream": "Et anførselstegn eller en klammeparentes er ikke lukket.",
        "found undefined alias": "Henvisninger (*navn) er ikke tillatt.",
    }
    for key, hint in hints.items():
        if key in problem:
            return f"Ugyldig YAML: {hint}"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "Ugyldig YAML: innrykket stemmer ikke. Sjekk at nøklene på samme nivå står rett under hverandre."
    return f"Ugyldig YAML ({problem or exc.context or 'ukjent feil'}). Sjekk innrykk, kolon og anførselstegn."

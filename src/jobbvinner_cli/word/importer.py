"""`jv import FILE.docx`: a filled-in Word file back into the document's Markdown.

The written file is the document as jv keeps it: the front matter jv keeps (merged with
the header fields from Word), the title, the text before the first section, then each
of the type's sections in the type's order, and last, under
«## Fra Word-filen, uten plass i malen», whatever matched no section (never dropped).
Images go to ``teams/<team>/bilder/`` with names made from the document's.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobbvinner_cli.errors import Hint, JvError
from jobbvinner_cli.layout import IMAGES_DIR
from jobbvinner_cli.pipeline.repo import PilotRepo, is_inside
from jobbvinner_cli.textio import build_folder
from jobbvinner_cli.word import ast
from jobbvinner_cli.word.bullets import typed_bullets
from jobbvinner_cli.word.fields import field_key
from jobbvinner_cli.word.identity import Identity, resolve
from jobbvinner_cli.word.images import plan_images
from jobbvinner_cli.word.lists import tidy
from jobbvinner_cli.word.sections import Part, is_prompt, split

UNPLACED_HEADING = "Fra Word-filen, uten plass i malen"
_MARK = "JVWORDDEL{}XQ"
GENERIC_PROMPT = ["Erstatt veiledningen med teamets tekst."]  # every section's first line
_PROMPT_MARK = "JVVEILEDNINGXQ"  # where the guidance was: the template's goes back there


@dataclass
class Mapping:
    word: str  # the heading as written in the Word file
    section: str | None  # the type's heading it went to (None: kept without a place)
    exact: bool


@dataclass
class Imported:
    path: Path
    display: str
    text: str
    identity: Identity
    mappings: list[Mapping] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # the type's sections not in the file
    prompts_left: list[str] = field(default_factory=list)  # sections with guidance left
    stripped: list[str] = field(default_factory=list)
    changed_fields: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    dropped_images: list[str] = field(default_factory=list)
    written: bool = False


def import_docx(
    pilot: Path | None,
    source: Path,
    *,
    given: Identity,
    dry_run: bool,
    force: bool,
    repo: PilotRepo | None = None,
) -> Imported:
    from jobbvinner_cli.authoring.scaffold import render_document
    from jobbvinner_cli.textio import write_atomic
    from jobbvinner_cli.word.reader import read_docx
    from jobbvinner_cli.word.safety import inspect_docx
    from jobbvinner_cli.word.template import outline

    repo = repo or PilotRepo.load(pilot)
    display = str(source)
    inspected = inspect_docx(source, display)
    folder = build_folder("import")
    try:
        tree = read_docx(inspected.data, folder, display)
        blocks = ast.flatten(tree.get("blocks", []))
        fields, blocks = _take_fields(blocks)
        title = ast.text(tree.get("meta", {}).get("title", {}).get("c", [])) or _first_title(blocks)
        identity = resolve(
            repo,
            given=given,
            keywords=inspected.keywords,
            title=title,
            kommune=fields.get("kommune", ""),
            display=display,
        )
        doctype = repo.doctype(identity.type_name)
        variant = doctype.variant_name(repo.pilot.variant_for(doctype.name))
        headings = doctype.headings(variant)
        target = repo.document_path(doctype, identity.nr, identity.team)
        rel = repo.rel(target)
        if target.exists() and not force and not dry_run:
            raise JvError(
                f"{rel} finnes allerede og blir ikke overskrevet. Se resultatet først med "
                "--dry-run.",
                path=rel,
                hint=Hint.REPLACE_FILE,
            )
        fresh, _ = render_document(repo, doctype, identity.nr, identity.team)
        template = outline(fresh, headings)
        existing = (
            outline(target.read_text(encoding="utf-8"), headings) if target.is_file() else None
        )
        result = Imported(target, rel, "", identity, stripped=list(inspected.stripped))
        parts, used = split(blocks, headings)
        tables = [i for i, sec in enumerate(doctype.sections(variant)) if sec.table]
        _place_tables(parts, [i for i in tables if i not in used], headings)
        _drop_title(parts[0], title)
        left: dict[int | None, bool] = {}  # part -> the guidance was left in it
        for part in parts:
            _tidy_lists(part)
            lines = [*template.prompt_lines.get(part.section, []), *GENERIC_PROMPT]
            key = -1 if part.unplaced else part.section
            part.blocks, left[key] = _without_prompts(part.blocks, lines)
        image_dir = target.parent / IMAGES_DIR
        planned = plan_images(
            parts,
            folder,
            image_dir,
            doctype.doc_id(identity.nr),
            result.images,
            result.dropped_images,
        )
        markdown = _write_parts(parts, tree, folder, display)
        text = _assemble(parts, markdown, template, existing, left, headings, result, fields)
        result.text = text
        if not dry_run:
            if planned and not is_inside(repo.root, image_dir.resolve()):
                raise JvError(f"{repo.rel(image_dir)} peker ut av pilotmappen.", path=rel)
            for src, dst in planned:
                write_atomic(dst, src.read_bytes())
            write_atomic(target, text)
            result.written = True
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _tidy_lists(part: Part) -> None:
    """Typed bullets as lists, Word's lists tight and nested (other blocks keep their style)."""
    blocks = typed_bullets(part.blocks)
    if any(b.get("t") in ("BulletList", "OrderedList") for b, _ in blocks):
        styles = {id(b): s for b, s in blocks}
        blocks = [(b, styles.get(id(b))) for b in tidy([b for b, _ in blocks])]
    part.blocks = blocks


def _place_tables(parts: list[Part], missing: list[int], headings: list[str]) -> None:
    """A table section whose heading the file lacks (the seeds' fremdriftsplan has the
    table right under the fields) gets the first table that is not in a section of its
    own: the month table, with its x marks."""
    for index in missing:
        for part in parts:
            if part.section is not None and part.section in missing:
                continue
            at = next((i for i, (b, _) in enumerate(part.blocks) if b.get("t") == "Table"), None)
            if at is not None:
                block = part.blocks.pop(at)
                rows = _table_rows(block[0])
                label = "tabellen " + " | ".join(rows[0][:4]) + " …" if rows else "tabellen"
                parts.append(Part(index, label, 1.0, part.level, [block]))
                break


def _take_fields(
    blocks: list[tuple[ast.Block, str | None]],
) -> tuple[dict[str, str], list[tuple[ast.Block, str | None]]]:
    """The header fields (a table of labels and values, or «Label: value» paragraphs)
    before the first heading; the blocks without them."""
    fields: dict[str, str] = {}
    out: list[tuple[ast.Block, str | None]] = []
    heading_seen = False
    content_seen = False
    for block, style in blocks:
        kind = block.get("t")
        if kind == "Header" and (fields or content_seen):  # the sections begin: no more fields
            heading_seen = True
        content_seen = content_seen or kind != "Header"
        if not heading_seen and kind == "Table":
            rows = _table_rows(block)
            keyed = [(field_key(r[0]), r[1]) for r in rows if len(r) >= 2]
            if sum(1 for k, _ in keyed if k) >= 2:
                fields.update({k: v for k, v in keyed if k})
                continue
        if not heading_seen and kind in ("Para", "Plain"):
            label, sep, value = ast.text(block["c"]).partition(":")
            key = field_key(label) if sep else None
            if key and len(label) <= 40:
                fields[key] = value.strip()
                continue
        out.append((block, style))
    return fields, out


def _table_rows(table: ast.Block) -> list[list[str]]:
    head, bodies = table["c"][3], table["c"][4]
    rows = [*head[1]]
    for body in bodies:
        rows += body[2] + body[3]
    return [[ast.text(cell[4]) for cell in row[1]] for row in rows]


def _first_title(blocks: list[tuple[ast.Block, str | None]]) -> str:
    """The title when Pandoc did not take it (a Title paragraph not first in the file, or
    the title typed as a heading)."""
    for block, style in blocks[:6]:
        if style == "Title" and block.get("t") in ("Para", "Plain"):
            return ast.text(block["c"])
    for block, _ in blocks[:3]:
        if block.get("t") == "Header":
            return ast.text(block["c"][2])
    return ""


def _drop_title(part: Part, title: str) -> None:
    """The title is the document's own (jv writes it); Word's copy of it is dropped."""
    for i, (block, style) in enumerate(part.blocks[:6]):
        kind = block.get("t")
        if kind == "Header" and (not title or ast.text(block["c"][2]) == title):
            del part.blocks[i]
            return
        if style == "Title" and kind in ("Para", "Plain"):
            del part.blocks[i]
            return


def _without_prompts(
    blocks: list[tuple[ast.Block, str | None]], prompts: list[str]
) -> tuple[list[tuple[ast.Block, str | None]], bool]:
    kept: list[tuple[ast.Block, str | None]] = []
    found = False

    def mark() -> None:
        nonlocal found
        if not found:
            kept.append((ast.para(_PROMPT_MARK), None))
        found = True

    for block, style in blocks:
        kind = block.get("t")
        if kind in ("Para", "Plain"):
            label = ast.text(block["c"])
            guidance = style == "Veiledning" and label.casefold().startswith("veiledning")
            if guidance or is_prompt(label, prompts):
                mark()
                continue
        elif kind in ("BulletList", "OrderedList"):
            items = block["c"] if kind == "BulletList" else block["c"][1]
            keep = []
            for item in items:
                only = item[0] if len(item) == 1 and item[0].get("t") in ("Plain", "Para") else None
                if only is not None and is_prompt(ast.text(only["c"]), prompts):
                    mark()
                    continue
                keep.append(item)
            if not keep:
                continue
            block = {**block, "c": keep if kind == "BulletList" else [block["c"][0], keep]}
        kept.append((block, style))
    return kept, found


def _write_parts(parts: list[Part], tree: dict[str, Any], folder: Path, display: str) -> list[str]:
    from jobbvinner_cli.word.reader import write_markdown

    blocks: list[Any] = []
    for i, part in enumerate(parts):
        blocks.append(ast.para(_MARK.format(i)))
        base = part.level
        for block, _ in part.blocks:
            if block.get("t") == "Header":  # a sub-heading inside a section
                level = min(6, 3 + max(0, int(block["c"][0]) - base - 1))
                block = {**block, "c": [level, ["", [], []], block["c"][2]]}
            blocks.append(block)
    text = write_markdown(blocks, tree.get("pandoc-api-version", [1, 23]), folder, display)
    pieces = re.split(r"^JVWORDDEL(\d+)XQ$", text, flags=re.M)
    out = [""] * len(parts)
    for index, body in zip(pieces[1::2], pieces[2::2], strict=True):
        out[int(index)] = body.strip("\n")
    return out


def _assemble(
    parts: list[Part],
    markdown: list[str],
    template: Any,
    existing: Any,
    left: dict[int | None, bool],
    headings: list[str],
    result: Imported,
    fields: dict[str, str],
) -> str:
    from jobbvinner_cli.word.frontmatter import merge

    base = existing or template
    front, result.changed_fields = merge(base.front_matter, fields)
    chunks = [f"---\n{front}\n---", base.title or template.title]

    def prompted(text: str, key: int | None) -> str:
        guidance = template.prompts.get(key, "")
        out = re.sub(rf"^{_PROMPT_MARK}$", lambda _: guidance, text, count=1, flags=re.M)
        return re.sub(r"\n{3,}", "\n\n", out).strip("\n")

    preamble = [
        prompted(markdown[i], None)
        for i, p in enumerate(parts)
        if p.section is None and not p.unplaced
    ]
    chunks += [c for c in preamble if c]
    by_section = {p.section: i for i, p in enumerate(parts) if p.section is not None}
    for index, heading in enumerate(headings):
        line = (existing.headings.get(index) if existing else None) or f"## {heading}"
        chunks.append(line)
        if index not in by_section:
            result.missing.append(heading)
            if template.prompts.get(index):
                chunks.append(template.prompts[index])
            continue
        part = parts[by_section[index]]
        result.mappings.append(Mapping(part.heading or "", heading, part.ratio >= 1.0))
        if left.get(index):
            result.prompts_left.append(heading)
        body = prompted(markdown[by_section[index]], index)
        if body:
            chunks.append(body)
    unplaced = [(p, markdown[i]) for i, p in enumerate(parts) if p.unplaced]
    if unplaced:
        chunks.append(f"## {UNPLACED_HEADING}")
        for part, body in unplaced:
            result.mappings.append(Mapping(part.heading or "", None, False))
            chunks.append(f"### {part.heading}")
            body = prompted(body, -1)
            if body:
                chunks.append(body)
    return "\n\n".join(chunks).rstrip("\n") + "\n"

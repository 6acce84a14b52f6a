"""The Word file's pictures: copied into the team's folder with safe names, or left out.

Only pictures inside the file are taken (a linked picture is never fetched), only
PNG, JPEG and GIF (what every output shows; Word's EMF/WMF drawings are not), each
named after the document: ``bilder/statusrapport-2-bilde-1.png``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobbvinner_cli.layout import IMAGES_DIR
from jobbvinner_cli.pipeline.repo import is_inside
from jobbvinner_cli.word import ast

if TYPE_CHECKING:
    from jobbvinner_cli.word.sections import Part

_IMAGE_KINDS = {b"\x89PNG": ".png", b"\xff\xd8\xff": ".jpg", b"GIF8": ".gif"}
DROPPED = "[Her var et bilde i Word-filen som ikke kunne tas med.]"
_WEB = re.compile(r"^(https?:|mailto:|tel:|#)", re.I)


def plan_images(
    parts: list[Part],
    folder: Path,
    image_dir: Path,
    doc_id: str,
    images: list[str],
    dropped: list[str],
) -> list[tuple[Path, Path]]:
    planned: list[tuple[Path, Path]] = []

    def fix(inlines: list[Any]) -> list[Any]:
        out = []
        for node in inlines:
            if node.get("t") == "Image":
                target = node["c"][2][0]
                new = image_copy(target, folder, image_dir, doc_id, len(planned) + 1)
                if new is None:
                    dropped.append(target)
                    out.append({"t": "Emph", "c": [{"t": "Str", "c": DROPPED}]})
                    continue
                planned.append(new)
                name = f"{IMAGES_DIR}/{new[1].name}"
                images.append(f"{image_dir.parent.name}/{name}")
                node = {**node, "c": [node["c"][0], node["c"][1], [name, node["c"][2][1]]]}
            elif node.get("t") == "Link" and not _WEB.match(node["c"][2][0] or "#"):
                out.extend(node["c"][1])
                continue
            out.append(node)
        return out

    for part in parts:
        part.blocks = [(ast.walk_inlines(b, fix), s) for b, s in part.blocks]
    return planned


def image_copy(
    target: str, folder: Path, image_dir: Path, doc_id: str, n: int
) -> tuple[Path, Path] | None:
    if ":" in target or target.startswith(("/", "\\")):
        return None  # a linked image: never fetched
    path = (folder / target).resolve()
    if not is_inside(folder.resolve(), path) or not path.is_file():
        return None
    head = path.read_bytes()[:8]
    ext = next((e for magic, e in _IMAGE_KINDS.items() if head.startswith(magic)), None)
    if ext is None:
        return None  # EMF/WMF and the like: not shown by PDF or HTML
    return path, image_dir / f"{doc_id}-bilde-{n}{ext}"

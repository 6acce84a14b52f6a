"""Merging what a Word file's header fields say into the front matter jv keeps.

The front matter of the written document (or, for a new one, the template's) is kept
line for line: dates, status, period, deadline and comments stay as they are. Only the
fields the writer fills in on top of the Word file (gruppeleder, effektmål,
resultatmål) are replaced, and only when the file has a value that differs.
"""

from __future__ import annotations

import json
import re

MERGED_KEYS = ("gruppeleder", "effektmål", "resultatmål")


def current_value(front: str, key: str) -> str | None:
    import yaml

    try:
        data = yaml.safe_load(front) or {}
    except yaml.YAMLError:
        return None
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, list):  # shown in Word as the items joined by «; »
        return "; ".join(" ".join(str(v).split()) for v in value)
    return " ".join(str(value).split()) if value is not None else None


def _was_list(front: str, key: str) -> bool:
    import yaml

    try:
        data = yaml.safe_load(front) or {}
    except yaml.YAMLError:
        return False
    return isinstance(data, dict) and isinstance(data.get(key), list)


def merge(front: str, values: dict[str, str]) -> tuple[str, list[str]]:
    """``front`` with ``values`` set; and the keys that changed."""
    lines = front.split("\n")
    changed: list[str] = []
    for key in MERGED_KEYS:
        value = " ".join(values.get(key, "").split())
        if not value or value == (current_value("\n".join(lines), key) or ""):
            continue
        text = "\n".join(lines)
        if _was_list(text, key):
            items = [v.strip() for v in value.split(";") if v.strip()]
            new = f"{key}:\n" + "\n".join(f"  - {json.dumps(v, ensure_ascii=False)}" for v in items)
        else:
            new = f"{key}: {json.dumps(value, ensure_ascii=False)}"
        start = next(
            (i for i, ln in enumerate(lines) if re.match(rf"{re.escape(key)}\s*:", ln)), None
        )
        if start is None:
            lines.append(new)
        else:
            end = start + 1
            while end < len(lines) and (
                (lines[end][:1] in (" ", "\t") and lines[end].strip())
                or lines[end].startswith("- ")
            ):
                end += 1
            lines[start:end] = [new]
        changed.append(key)
    return "\n".join(lines), changed

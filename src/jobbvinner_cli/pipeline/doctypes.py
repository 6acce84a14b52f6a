"""Where document types and templates come from: the package, then the pilot's templates/."""

from __future__ import annotations

from pathlib import Path

from jobbvinner_cli.errors import JvError
from jobbvinner_cli.layout import TYPES_DIR
from jobbvinner_cli.model.doctype import DocTypeDef, DocumentType
from jobbvinner_cli.pipeline.read import read_or_raise
from jobbvinner_cli.pipeline.schema import parse_config_text, validate_tree

PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
# The order the types are listed in help texts and the status table.
TYPE_ORDER = ("hovedplan", "fremdriftsplan", "statusrapport", "sluttrapport", "prosjektplan")


def _load_dir(
    folder: Path,
    base: Path,
    into: dict[str, DocumentType],
    problems: list[JvError] | None = None,
    *,
    in_pilot: bool = False,
) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yaml")):
        name = path.stem
        display = path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)
        try:
            if not name.isidentifier() or name != name.lower():
                raise JvError(
                    "Navnet på en dokumenttype må være små bokstaver uten mellomrom (for eksempel "
                    "«midtveisrapport.yaml»).",
                    path=display,
                )
            # a pilot's own type is read like every pilot file; the package's are jv's own
            text = read_or_raise(base, display) if in_pilot else path.read_text("utf-8")
            tree = parse_config_text(text, display)
            definition = validate_tree(tree, DocTypeDef, display)
        except JvError as exc:
            if problems is None:
                raise
            problems.append(exc)
            continue
        into[name] = DocumentType.from_def(name, definition)


def load_doctypes(
    pilot_templates: Path | None = None,
    pilot_root: Path | None = None,
    problems: list[JvError] | None = None,
) -> dict[str, DocumentType]:
    """All document types: the package's, replaced or extended by the pilot's own.

    With ``problems``, a pilot's broken type file is collected there (and the
    package's type of that name, if any, kept) instead of stopping everything.
    """
    types: dict[str, DocumentType] = {}
    _load_dir(PACKAGE_TEMPLATES / TYPES_DIR, PACKAGE_TEMPLATES, types)
    if pilot_templates is not None:
        _load_dir(
            pilot_templates / TYPES_DIR,
            pilot_root or pilot_templates,
            types,
            problems,
            in_pilot=pilot_root is not None,
        )
    ordered = {name: types[name] for name in TYPE_ORDER if name in types}
    ordered.update({name: t for name, t in sorted(types.items()) if name not in ordered})
    return ordered


__all__ = ["PACKAGE_TEMPLATES", "load_doctypes"]

"""Rendering: assembled Markdown → PDF (pandoc + Typst), DOCX and HTML.

Import from this package; its modules are internal. :mod:`.engine` has
``render()``, :mod:`.pandoc` and :mod:`.typst_pdf` run the two tools (under one
time limit, :mod:`.deadline`), :mod:`.typst_errors` and :mod:`.errors` turn
their failures into Norwegian messages at pilot source lines.
"""

from jobbvinner_cli.render.engine import RenderResult, render
from jobbvinner_cli.render.errors import RenderError, SourceSpan
from jobbvinner_cli.render.job import ReportMeta

__all__ = ["RenderError", "RenderResult", "ReportMeta", "SourceSpan", "render"]

"""Rendering engine: assembled Markdown → PDF (pandoc + Typst), DOCX and HTML."""

from jobbvinner_cli.render.engine import (
    RenderError,
    RenderResult,
    ReportMeta,
    SourceSpan,
    render,
)

__all__ = ["RenderError", "RenderResult", "ReportMeta", "SourceSpan", "render"]

"""Sizes beyond which a pilot file is not read as a document."""

from __future__ import annotations

MAX_FILE_BYTES = 1_000_000  # a plan is a few pages; anything this big is a mistake
MAX_FRONT_MATTER_CHARS = 64_000

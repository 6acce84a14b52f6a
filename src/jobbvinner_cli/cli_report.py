"""`jv build-report` and `jv export` (registered on the main app)."""

from __future__ import annotations

"""`jv check` and `jv status` (registered on the main app)."""

from __future__ import annotations

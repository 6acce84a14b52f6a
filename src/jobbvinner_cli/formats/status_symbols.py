"""How each delivery state is shown in the status grid: a symbol, and its colour."""

from __future__ import annotations

SYMBOLS = {  # by model.delivery.State: (symbol, Rich style name)
    "delivered": ("✓", "green"),
    "late": ("✓!", "yellow"),
    "missing": ("✗", "bold red"),
    "overdue": ("u!", "bold red"),
    "draft": ("u", "cyan"),
    "not_due": ("·", "dim"),
    "not_owed": ("–", "dim"),
    "excused": ("f", "dim"),
    "undated": ("…", "dim"),
    "unknown": ("?", "magenta"),
}

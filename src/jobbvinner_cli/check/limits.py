"""Numbers the rules use, in one place so the rule texts and the checks agree."""

from __future__ import annotations

from jobbvinner_cli.pipeline.limits import MAX_FILE_BYTES, MAX_FRONT_MATTER_CHARS
from jobbvinner_cli.pipeline.yamltext import MAX_DEPTH as MAX_NESTING

# A Markdown file has no pages. One page is counted as this many words: an A4 page in
# 11 pt with single spacing holds roughly 400–550 words of running text.
WORDS_PER_PAGE = 500
# Undelivered documents due within this many days are reported as info.
DUE_SOON_DAYS = 14
# A team has this many members (a warning outside the range).
TEAM_SIZE = (4, 6)

__all__ = [
    "DUE_SOON_DAYS",
    "MAX_FILE_BYTES",
    "MAX_FRONT_MATTER_CHARS",
    "MAX_NESTING",
    "TEAM_SIZE",
    "WORDS_PER_PAGE",
]

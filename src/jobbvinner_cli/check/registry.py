"""Every rule `jv check` knows, from the rule families, registered here explicitly.

Each family module holds its rules' definitions next to the code that checks them. The
registry drives `jv check --list-rules`, `--explain CODE` and docs/rules.md. Codes never
change meaning; a retired rule keeps its number unused. A new rule: define it in its
family's module, add it to that module's RULES, and use it with ``sink.add(RULE, …)``.
"""

from __future__ import annotations

from jobbvinner_cli.check import (
    appendices,
    consistency,
    content,
    deadlines,
    finalreport,
    gatheringdata,
    hostile,
    personal,
    pilotchecks,
    register,
)
from jobbvinner_cli.diagnostics import Rule
from jobbvinner_cli.pipeline import problems

_FAMILIES = (
    problems,
    content,
    deadlines,
    consistency,
    personal,
    pilotchecks,
    gatheringdata,
    register,
    appendices,
    finalreport,
    hostile,
)

# hostile.py's rules join the families they belong to
FAMILIES: tuple[str, ...] = tuple(
    dict.fromkeys(module.FAMILY for module in _FAMILIES if hasattr(module, "FAMILY"))
)
RULES: dict[str, Rule] = dict(
    sorted((rule.code, rule) for module in _FAMILIES for rule in module.RULES)
)

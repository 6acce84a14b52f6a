"""Rules for the tests themselves, so that a crash or a skipped check cannot pass unnoticed.

- Every `runner.invoke(...)` passes `catch_exceptions=False`: a traceback inside jv then
  fails the test instead of becoming an exit code the test may not look at.
- No test function ends early with a bare `return`: a test that cannot run says so with
  `pytest.skip("reason")`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(TESTS.rglob("*.py")):
        yield path.relative_to(TESTS).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def own_nodes(function: ast.FunctionDef) -> Iterator[ast.AST]:
    """The nodes of a function's body, without those of functions defined inside it."""
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            stack.extend(ast.iter_child_nodes(node))


def test_the_scan_finds_the_tests() -> None:
    names = [name for name, _ in modules()]
    assert "test_hygiene.py" in names and "check/pilotkit.py" in names


def test_every_invoke_lets_exceptions_through() -> None:
    offenders = []
    for name, tree in modules():
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "invoke"
            ):
                continue
            value = next((k.value for k in node.keywords if k.arg == "catch_exceptions"), None)
            if not (isinstance(value, ast.Constant) and value.value is False):
                offenders.append(f"{name}:{node.lineno}")
    assert offenders == []


def test_no_test_returns_early_instead_of_skipping() -> None:
    offenders = []
    for name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                offenders += [
                    f"{name}:{inner.lineno}"
                    for inner in own_nodes(node)
                    if isinstance(inner, ast.Return) and inner.value is None
                ]
    assert offenders == []

"""No module-level name is bound twice in the package: a second binding silently replaces the first for every function
that reads it (session 25: a new `_BACK` in the parser overrode the doubt's "it", "that", and broke "not sure if it was
weakness"; three older pairs, `_RECURS`, `_WHEN` and `_EASING`, had done the same since they were written)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import numbwise

PACKAGE = Path(numbwise.__file__).parent


def _bound_twice(source: str) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
    return sorted(n for n, count in names.items() if count > 1)


def test_no_module_level_name_is_bound_twice() -> None:
    found = {str(p.relative_to(PACKAGE)): twice for p in sorted(PACKAGE.rglob("*.py"))
             if (twice := _bound_twice(p.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_check_finds_a_name_bound_twice() -> None:
    assert _bound_twice("_A = 1\n\ndef f():\n    return _A\n\n_A = 2\n") == ["_A"]
    assert _bound_twice("_A = 1\n_B = 2\n") == []

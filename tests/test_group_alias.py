"""The candidate-group type is defined once (core/pairs.py) and imported by every pass that makes groups."""

from __future__ import annotations

import ast
from pathlib import Path

from rafahdiff.core import containment, context, pairs

CORE = Path(pairs.__file__).resolve().parent


def _defines_group(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else \
            [node.name] if type(node).__name__ == "TypeAlias" else []  # `type Group = …` (3.12+)
        if any(isinstance(t, ast.Name) and t.id == "Group" for t in targets):
            return True
    return False


def test_group_has_exactly_one_definition_in_core():
    assert [p.name for p in sorted(CORE.glob("*.py")) if _defines_group(p)] == ["pairs.py"]


def test_the_passes_share_that_one_alias():
    assert containment.Group is pairs.Group and context.Group is pairs.Group

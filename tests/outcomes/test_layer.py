"""matchfair.outcomes is an engine: it knows matchfair.core (and speaks through matchfair.i18n), never Django or the layers above."""

import ast
from pathlib import Path

import matchfair.outcomes

PACKAGE = Path(matchfair.outcomes.__file__).parent


def test_outcomes_imports_only_core_and_itself():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")
                if top[0] == "django" or (
                    top[0] == "matchfair" and top[1:2] not in (["core"], ["outcomes"], ["i18n"])
                ):
                    offenders.append(f"{path.name} imports {name}")
    assert offenders == []


def test_public_surface_is_pinned():
    assert len(set(matchfair.outcomes.__all__)) == len(matchfair.outcomes.__all__)
    for name in matchfair.outcomes.__all__:
        assert hasattr(matchfair.outcomes, name), name

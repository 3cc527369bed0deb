"""The layers of DESIGN.md: the core and the engines must not know the web framework."""

import ast
import importlib
from pathlib import Path

import pytest

import matchfair

PACKAGE = Path(matchfair.__file__).parent
FRAMEWORK_FREE = ["core", "matching", "scheduling", "outcomes"]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_and_engines_never_import_django_or_upper_layers():
    offenders = []
    for layer in FRAMEWORK_FREE:
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imported_modules(path):
                top = name.split(".")
                if top[0] == "django" or top[:2] in (["matchfair", "web"], ["matchfair", "cli"]):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_core_imports_no_engine():
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / "core").rglob("*.py")
        for name in _imported_modules(path)
        if name.startswith(("matchfair.matching", "matchfair.scheduling", "matchfair.outcomes"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "package",
    ["matchfair.core", "matchfair.matching", "matchfair.scheduling", "matchfair.outcomes"],
)
def test_public_surface_of_core_and_engines_is_pinned(package: str):
    # The order is ruff's (RUF022); this checks that every listed name exists, once.
    module = importlib.import_module(package)
    assert len(set(module.__all__)) == len(module.__all__)
    for name in module.__all__:
        assert hasattr(module, name), name

"""The layers of DESIGN.md: the engines never know the web framework, web packages import down.

One place holds each order, so that a new import that points the wrong way fails the suite
instead of waiting for a reviewer to notice it.
"""

import ast
import importlib
from pathlib import Path

import pytest

import matchfair

PACKAGE = Path(matchfair.__file__).parent
FRAMEWORK_FREE = ["core", "matching", "scheduling", "outcomes"]

# The packages of matchfair.web, bottom to top: the table of ../shared/DESIGN.md ("The web
# layer") with the rows and departures docs/development.md argues, the one copy of the order. A package may import only
# packages on a lower line, at module level and inside functions alike; the page apps share a
# line and never import each other. exchange sits below jobs because the job runners convert
# rows to core objects (through exchange) before they call the engines, so exchange must never
# need a job. Top-level modules of matchfair.web (settings, urls, home, ...) are not packages
# and have no line.
WEB_ORDER: list[tuple[str, ...]] = [
    ("audit",),
    ("security",),
    ("accounts",),
    ("events",),
    ("outbox",),
    ("access",),
    ("directory",),
    ("meetings",),
    ("outcomes",),
    ("notify",),
    ("talk",),
    ("eventday",),
    ("exchange",),
    ("jobs",),
    ("exports",),
    ("orga", "portal", "public", "api", "reports"),
    ("demo",),
]
WEB_LEVEL = {package: level for level, line in enumerate(WEB_ORDER) for package in line}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _web_modules_imported(
    path: Path, node: ast.Import | ast.ImportFrom, web_root: Path
) -> list[str]:
    """The dotted names one import statement reaches, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        # __init__ stays the last part, so one level up from a package's __init__ is the package.
        parts = ["matchfair", "web", *path.relative_to(web_root).with_suffix("").parts]
        base = ".".join([*parts[: -node.level], *([node.module] if node.module else [])])
    # ``from matchfair.web import events`` reaches the package it names.
    if base == "matchfair.web":
        return [f"matchfair.web.{alias.name}" for alias in node.names]
    return [base]


def upward_imports(web_root: Path) -> list[str]:
    """Every import of a web package that points up WEB_ORDER or into another page app.

    A top-level module (shared plumbing such as ``stored_text``) is outside the order,
    but what it imports counts as imported by the package that imports it.

    ``web_root`` is the folder of the package ``matchfair.web``. A package folder missing
    from WEB_ORDER is reported too, so that a new app cannot escape the order unnoticed.
    """
    found: list[str] = []
    shared = _packages_reached_by_top_level_modules(web_root)
    for package in sorted(web_root.iterdir()):
        if (package / "__init__.py").is_file() and package.name not in WEB_LEVEL:
            found.append(f"{package.name}: not in WEB_ORDER")
    for path in sorted(web_root.rglob("*.py")):
        parts = path.relative_to(web_root).parts
        if len(parts) < 2 or parts[0] not in WEB_LEVEL:
            continue
        source = parts[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for name in _web_modules_imported(path, node, web_root):
                target = name.split(".")
                if target[:2] != ["matchfair", "web"] or len(target) < 3:
                    continue
                imported = target[2]
                where = f"{path.relative_to(web_root).as_posix()}:{node.lineno}"
                if imported in shared:
                    found.extend(
                        f"{where}: {source} imports {name}, which imports matchfair.web.{package}"
                        for package in sorted(shared[imported])
                        if package != source and WEB_LEVEL[package] >= WEB_LEVEL[source]
                    )
                    continue
                if imported == source or imported not in WEB_LEVEL:
                    continue
                if WEB_LEVEL[imported] >= WEB_LEVEL[source]:
                    found.append(f"{where}: {source} imports {name}")
    return found


def _packages_reached_by_top_level_modules(web_root: Path) -> dict[str, set[str]]:
    """For each top-level module of ``matchfair.web``, the packages it imports, directly or
    through other top-level modules: a package importing the module imports those too."""
    direct: dict[str, set[str]] = {}
    for path in sorted(web_root.glob("*.py")):
        names = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for name in _web_modules_imported(path, node, web_root):
                    target = name.split(".")
                    if target[:2] == ["matchfair", "web"] and len(target) > 2:
                        names.add(target[2])
        direct[path.stem] = names
    reached: dict[str, set[str]] = {}
    for module in direct:
        seen, todo = set(), [module]
        while todo:
            for name in direct.get(todo.pop(), set()):
                if name not in seen:
                    seen.add(name)
                    todo.append(name)
        reached[module] = {name for name in seen if name in WEB_LEVEL}
    return reached


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


def _write(root: Path, relative: str, source: str = "") -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    for folder in path.relative_to(root).parents:
        if folder != Path():
            (root / folder / "__init__.py").touch()
    path.write_text(source, encoding="utf-8")


@pytest.mark.parametrize(
    ("relative", "source", "reported"),
    [
        pytest.param(
            "audit/services.py",
            "from matchfair.web.events.models import Edition\n",
            "audit/services.py:1: audit imports matchfair.web.events.models",
            id="module-level",
        ),
        pytest.param(
            "events/domain/publish.py",
            "def publish():\n    import matchfair.web.meetings.models\n",
            "events/domain/publish.py:2: events imports matchfair.web.meetings.models",
            id="inside-a-function",
        ),
        pytest.param(
            "meetings/rules.py",
            "from ..outcomes import models\n",
            "meetings/rules.py:1: meetings imports matchfair.web.outcomes",
            id="relative",
        ),
        pytest.param(
            "exchange/to_database.py",
            "from matchfair.web import jobs\n",
            "exchange/to_database.py:1: exchange imports matchfair.web.jobs",
            id="from-the-web-package",
        ),
        pytest.param(
            "orga/views.py",
            "from matchfair.web.portal.queries import agenda\n",
            "orga/views.py:1: orga imports matchfair.web.portal.queries",
            id="page-app-into-another-page-app",
        ),
    ],
)
def test_upward_imports_reports_an_import_up_the_order(
    tmp_path: Path, relative: str, source: str, reported: str
):
    _write(tmp_path, relative, source)
    assert upward_imports(tmp_path) == [reported]


def test_upward_imports_lets_imports_point_down_within_a_package_or_at_top_level_modules(
    tmp_path: Path,
):
    _write(
        tmp_path,
        "meetings/domain/requests.py",
        "from matchfair.web.events.models import Edition\n"
        "from matchfair.web import audit\n"
        "from ...directory import queries\n"
        "from .. import rules\n"
        "from . import moves\n"
        "from matchfair.web.meetings.models import Meeting\n"
        "from matchfair.core import Event\n"
        "import django.db\n"
        "def later():\n"
        "    from matchfair.web.languages import report_language\n",
    )
    _write(tmp_path, "languages.py", "from babel import Locale\n")
    _write(tmp_path, "portal/views.py", "from matchfair.web.jobs.queries import progress\n")
    _write(tmp_path, "demo/setup.py", "from matchfair.web.orga.views import edition\n")
    _write(tmp_path, "home.py", "from matchfair.web.demo import setup\n")
    assert upward_imports(tmp_path) == []


def test_upward_imports_counts_what_a_shared_top_level_module_imports(tmp_path: Path):
    _write(tmp_path, "stored_text.py", "from matchfair.web import wording\n")
    _write(tmp_path, "wording.py", "from matchfair.web.notify.dates import moment\n")
    _write(tmp_path, "audit/services.py", "from matchfair.web import stored_text\n")
    _write(tmp_path, "orga/views.py", "from matchfair.web.stored_text import render\n")
    assert upward_imports(tmp_path) == [
        "audit/services.py:1: audit imports matchfair.web.stored_text, "
        "which imports matchfair.web.notify"
    ]


def test_upward_imports_reports_a_package_missing_from_the_order(tmp_path: Path):
    _write(tmp_path, "badges/models.py", "from matchfair.web.portal import views\n")
    assert upward_imports(tmp_path) == ["badges: not in WEB_ORDER"]


def test_web_packages_import_only_downward():
    assert upward_imports(PACKAGE / "web") == []

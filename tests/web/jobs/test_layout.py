"""Inside ``jobs`` imports point one way: models <- domain.states <- runners <- tasks <- queue
<- refresh."""

import ast
from pathlib import Path

import matchfair.web.jobs

JOBS = Path(matchfair.web.jobs.__file__).parent
ORDER = [
    "matchfair.web.jobs.models",
    "matchfair.web.jobs.forms",
    "matchfair.web.jobs.queries",
    "matchfair.web.jobs.heartbeat",
    "matchfair.web.jobs.worker",
    "matchfair.web.jobs.domain.states",
    "matchfair.web.jobs.runners",
    "matchfair.web.jobs.tasks",
    "matchfair.web.jobs.domain.queue",
    "matchfair.web.jobs.domain.refresh",
]


def _module(path: Path) -> str:
    parts = path.relative_to(JOBS.parent.parent.parent).with_suffix("").parts
    return ".".join(parts)


def _jobs_imports(path: Path) -> set[str]:
    """The jobs modules ``path`` imports, at module level or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name in ORDER}


def test_the_job_modules_import_only_those_below_them():
    upward = [
        f"{_module(path)} imports {name}"
        for path in JOBS.rglob("*.py")
        if _module(path) in ORDER
        for name in _jobs_imports(path)
        if ORDER.index(name) >= ORDER.index(_module(path))
    ]
    assert upward == []


def test_the_order_knows_every_job_module_but_the_pages_and_commands():
    known = set(ORDER) | {
        "matchfair.web.jobs.__init__",
        "matchfair.web.jobs.domain.__init__",
        "matchfair.web.jobs.apps",
        "matchfair.web.jobs.context",
        "matchfair.web.jobs.supervisor",
    }
    modules = {
        _module(path)
        for path in JOBS.rglob("*.py")
        if "migrations" not in path.parts and "management" not in path.parts
    }
    assert modules - known == set()

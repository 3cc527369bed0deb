"""Every way a place is freed promotes from the waitlist: no page, endpoint or the demo
calls the functions that ``eventday.domain.waitlists`` wraps, only the wrappers."""

import ast
from pathlib import Path

import matchfair.web

WEB = Path(matchfair.web.__file__).parent
CALLERS = ("orga", "portal", "api", "reports", "demo")
WRAPPED = {
    "matchfair.web.events.domain.sign_ups": {"sign_up", "cancel_sign_up"},
    "matchfair.web.events.domain.programme": {"change_agenda_item"},
    "matchfair.web.outcomes.domain.participation_removal": {"remove_participation"},
}
PACKAGES = {module.rpartition(".")[0] for module in WRAPPED}


def bypasses(source: str) -> list[str]:
    """The wrapped functions (or their modules) that ``source`` imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom):
            continue
        names = {alias.name for alias in node.names}
        if node.module in WRAPPED:
            found += sorted(f"{node.module}.{name}" for name in names & WRAPPED[node.module])
        if node.module in PACKAGES:
            found += sorted({f"{node.module}.{name}" for name in names} & set(WRAPPED))
    return found


def test_no_caller_skips_the_waitlist():
    files = [path for app in CALLERS for path in (WEB / app).rglob("*.py")]
    assert len(files) > 50
    found = {str(path.relative_to(WEB)): bypasses(path.read_text()) for path in files}
    assert {path: names for path, names in found.items() if names} == {}


def test_the_check_sees_each_kind_of_bypass():
    assert bypasses("from matchfair.web.events.domain.sign_ups import sign_up") == [
        "matchfair.web.events.domain.sign_ups.sign_up"
    ]
    assert bypasses("from matchfair.web.events.domain import programme") == [
        "matchfair.web.events.domain.programme"
    ]
    assert bypasses("from matchfair.web.events.domain.programme import add_session") == []

"""Ids and names stored before they had to be one line (docs/formats.md) made one line.

An event file could carry CR, LF or other control characters in an id or a name;
such rows broke every download and export of their event. The data migrations
(``events`` 0002, ``directory`` 0006) run these once over the stored rows: each
refused character becomes a space, and an id that then equals another of its event
gets a number (``day1 pm-2``).
"""

from django.db.models import Model

from matchfair.core.one_line import FORBIDDEN, as_one_line


def _free(code: str, taken: set[str]) -> str:
    candidate, number = code, 2
    while candidate in taken:
        candidate, number = f"{code}-{number}", number + 1
    return candidate


def one_line_codes(model: type[Model], scope: str = "event_id") -> None:
    """Make every ``code`` of ``model`` one line, keeping codes unique within ``scope``."""
    rows = list(model.objects.values_list("pk", scope, "code"))
    taken: dict[object, set[str]] = {}
    for _pk, owner, code in rows:
        taken.setdefault(owner, set()).add(code)
    for pk, owner, code in rows:
        if FORBIDDEN.search(code):
            taken[owner].discard(code)
            fixed = _free(as_one_line(code), taken[owner])
            taken[owner].add(fixed)
            model.objects.filter(pk=pk).update(code=fixed)


def one_line_names(model: type[Model]) -> None:
    """Make every ``name`` of ``model`` one line."""
    names = model.objects.values_list("pk", "name")
    for pk, name in names.iterator(chunk_size=2000):
        if FORBIDDEN.search(name):
            model.objects.filter(pk=pk).update(name=as_one_line(name))

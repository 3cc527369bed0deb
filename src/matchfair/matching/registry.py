"""Choosing encoders from a configuration string, such as ``use+e5`` or ``st:MODEL``.

The string is what a person types (``--encoder``, ``MATCHFAIR_ENCODER``), so it is
short and names members joined by ``+``; several members form an ensemble whose
similarities are averaged (see ``dense.py``). A member ``a/b`` is routed: ``a``
reads the languages it knows and ``b`` the others, mapped into ``a``'s space
(``routing.py``); an ``st:`` model name keeps its slashes.

A model is loaded once per process: the encoders that hold one (``use``, ``e5``,
``st:``) are kept by name and handed out again, so the job worker's second run and
every search after the first find them loaded. Loading USE costs over a second, and
a recommendation refresh after one edit is meant to take a few seconds in all.
"""

import threading
from collections.abc import Callable

from matchfair.i18n import gettext as _
from matchfair.matching.e5 import E5Encoder
from matchfair.matching.encoder import Encoder
from matchfair.matching.fake import FakeEncoder
from matchfair.matching.routing import RoutedEncoder
from matchfair.matching.sbert import SentenceTransformerEncoder
from matchfair.matching.use import UseEncoder

#: The configuration used when none is given.
DEFAULT_SPEC = "auto"

#: ``auto`` adds e5 to USE up to this many texts to embed (about two minutes of e5
#: on two cores, once: the cache keeps the vectors). Past it, USE reads the texts in
#: its languages and e5 only the others (Finnish, Swedish, Danish, Norwegian...),
#: which keeps a directory of thousands of organizations within minutes.
AUTO_ENSEMBLE_MAX_TEXTS = 2000


#: The encoders of this process that hold a model, by name (see the module's docstring).
_LOADED: dict[str, Encoder] = {}
_LOADED_LOCK = threading.Lock()


class EncoderSpecError(ValueError):
    """A configuration string that names no known encoder."""


def _kept(name: str, make: Callable[[], Encoder]) -> Encoder:
    """The process's encoder called ``name``, made by ``make`` on first use."""
    with _LOADED_LOCK:
        if name not in _LOADED:
            _LOADED[name] = make()
        return _LOADED[name]


def _member(name: str) -> Encoder:
    if "/" in name and not name.startswith("st:"):
        primary, _slash, reader = name.partition("/")
        return RoutedEncoder(_member(primary.strip()), _member(reader.strip()))
    if name == "use":
        return _kept(name, UseEncoder)
    if name == "e5":
        return _kept(name, E5Encoder)
    if name == "fake":
        # Holds no model, and records what it encoded: each caller gets its own.
        return FakeEncoder()
    if name.startswith("st:") and len(name) > 3:
        return _kept(name, lambda: SentenceTransformerEncoder(name[3:]))
    raise EncoderSpecError(
        _("unknown encoder {name!r}: use auto, use, e5, st:MODEL or several joined by +").format(
            name=name
        )
    )


def choose_encoders(spec: str, text_count: int) -> list[Encoder]:
    """The encoders ``spec`` names for a corpus of ``text_count`` texts.

    ``auto`` means USE and e5 together for an event of ordinary size, whose
    recommendations are markedly better with both (docs/matching.md), and for a
    directory too large for e5's speed USE with e5 reading only what USE cannot.
    """
    spec = spec.strip()
    if spec == "auto":
        spec = "use+e5" if text_count <= AUTO_ENSEMBLE_MAX_TEXTS else "use/e5"
    names = [name.strip() for name in spec.split("+")]
    if any(not part.strip() for name in names for part in name.split("/")):
        raise EncoderSpecError(_("empty encoder name in {spec!r}").format(spec=spec))
    return [_member(name) for name in names]

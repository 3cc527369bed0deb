"""How far a long run has come: the one progress type the engines report and every watcher reads.

The scheduler reports its phase and the meetings it has placed, the recommender the
texts it has encoded; a progress bar on the command line and a background job on
the web take the same callback, so an engine never knows who is watching.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Progress:
    """One report of a long run; the fields an engine has nothing to say about stay at zero.

    ``phase`` is a code, not words ("greedy", "weight", "quality" for the scheduler;
    the encoder's key for the recommender): whoever shows it puts it into the
    reader's language. ``message`` is that wording, where a caller has made it.
    """

    phase: str
    fraction: float
    """How much of the whole run is done, from 0 to 1."""
    done: int = 0
    """Units of work done in this phase (texts encoded), out of ``total``."""
    total: int = 0
    meetings: int = 0
    """Meetings placed so far (the scheduler)."""
    weight: int = 0
    """The placed meetings' total weight (the scheduler)."""
    message: str = ""


ProgressCallback = Callable[[Progress], None]
"""What an engine calls with each report; it must return quickly (the engine waits)."""

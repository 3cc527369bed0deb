"""The error every rule of an event's own data raises, so that one ``except`` catches them all.

Pages and the API show its message to the person who asked for the change; the
rules that live in apps above events (a session with meetings on it, an
organization's participation) raise subclasses of it.
"""


class EventRuleError(ValueError):
    """A request that breaks a rule of the event (a full agenda item, a session without slots)."""

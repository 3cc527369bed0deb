"""Replacing an event's recommendations with the rows of a new recommender run.

The old recommendations go and the new ones arrive in one transaction, so the
pages show one run's suggestions, never a mix. ``exchange`` turns the engine's
result into rows; this module writes them.
"""

from django.db import transaction

from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Recommendation

BATCH = 1000


@transaction.atomic
def replace_recommendations(*, event: Event, recommendations: list[Recommendation]) -> int:
    """Make ``recommendations`` (unsaved rows of ``event``) the event's only ones; how many."""
    Recommendation.objects.filter(event=event).delete()
    Recommendation.objects.bulk_create(recommendations, batch_size=BATCH)
    return len(recommendations)

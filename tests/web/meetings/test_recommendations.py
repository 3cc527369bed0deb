"""meetings.domain.recommendations: a new run's recommendations replace the old ones."""

import pytest

from matchfair.web.directory.models import Participation
from matchfair.web.meetings.domain.recommendations import replace_recommendations
from matchfair.web.meetings.models import Recommendation

pytestmark = pytest.mark.django_db


def test_new_recommendations_replace_the_previous_runs(event):
    sides = {p.code: p for p in Participation.objects.filter(event=event)}

    def row(code: str, partner: str, score: float) -> Recommendation:
        return Recommendation(
            event=event, participation=sides[code], partner=sides[partner], score=score
        )

    replace_recommendations(event=event, recommendations=[row("smart-eye", "tegnology", 0.4)])
    stored = replace_recommendations(
        event=event,
        recommendations=[row("tegnology", "smart-eye", 0.9), row("smart-eye", "tegnology", 0.8)],
    )

    assert stored == 2
    assert sorted(Recommendation.objects.filter(event=event).values_list("score", flat=True)) == [
        0.8,
        0.9,
    ]

"""Taking an organization out of an event, unless meetings or outcomes hang on it.

Taking an organization out removes its participation in this event only; the
directory entry and its delegates' accounts stay. Published meetings and recorded
outcomes (feedback, agreements, projects) are never deleted behind anybody's back: a
removal is refused while there are any. It lives here, the highest app it reads.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.meetings.domain.participation import meetings_of
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting, MeetingRequest, Recommendation
from matchfair.web.outcomes.models import AgreementParty, Feedback, MeetingOutcome


@dataclass(frozen=True)
class ParticipationDependents:
    """What hangs on a participation; the first two block its removal, the rest goes with it."""

    published: int
    outcomes: int
    drafts: int
    requests: int
    opportunities: int
    sign_ups: int
    recommendations: int

    @property
    def blocked(self) -> bool:
        return bool(self.published or self.outcomes)


def participation_dependents(*, participation: Participation) -> ParticipationDependents:
    meetings = Meeting.objects.filter(meetings_of(participation)).aggregate(
        published_count=Count("id", filter=Q(published=True)),
        draft_count=Count("id", filter=Q(published=False)),
    )
    outcomes = (
        MeetingOutcome.objects.filter(meetings_of(participation)).count()
        + Feedback.objects.filter(by=participation).count()
        + AgreementParty.objects.filter(participation=participation).count()
        + participation.hosted_projects.count()
        + participation.interests.count()
    )
    return ParticipationDependents(
        published=meetings["published_count"],
        outcomes=outcomes,
        drafts=meetings["draft_count"],
        requests=MeetingRequest.objects.filter(
            Q(requester=participation) | Q(recipient=participation)
        ).count(),
        opportunities=participation.opportunities.count(),
        sign_ups=participation.signups.count(),
        recommendations=Recommendation.objects.filter(
            Q(participation=participation) | Q(partner=participation)
        ).count(),
    )


@transaction.atomic
def remove_participation(*, participation: Participation) -> ParticipationDependents:
    """Take the organization out of the event, with its requests, drafts and opportunities."""
    lock_schedule(event=participation.event)
    dependents = participation_dependents(participation=participation)
    if dependents.published:
        raise EventRuleError(
            ngettext(
                "It has %(count)d published meeting; it cannot be removed from the event.",
                "It has %(count)d published meetings; it cannot be removed from the event.",
                dependents.published,
            )
            % {"count": dependents.published}
        )
    if dependents.outcomes:
        raise EventRuleError(
            _(
                "Outcomes are recorded for it (meeting feedback, agreements or projects); "
                "it cannot be removed from the event."
            )
        )
    record(
        participation.event,
        "participation.removed",
        participation,
        stored_text.gettext(
            "%(organization)s; removed: %(requests)s, %(drafts)s, %(opportunities)s",
            organization=f"{participation.organization.name} ({participation.code})",
            requests=stored_text.ngettext(
                "%(count)d request", "%(count)d requests", dependents.requests
            ),
            drafts=stored_text.ngettext(
                "%(count)d draft meeting", "%(count)d draft meetings", dependents.drafts
            ),
            opportunities=stored_text.ngettext(
                "%(count)d opportunity", "%(count)d opportunities", dependents.opportunities
            ),
        ),
    )
    participation.delete()
    return dependents

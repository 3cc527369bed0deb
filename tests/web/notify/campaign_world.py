"""The campaign tests' event: organizations that differ in each filter of a segment.

| code        | country | kind       | group  | attendance | password | opportunity | request to answer | published meeting |
|-------------|---------|------------|--------|------------|----------|-------------|-------------------|-------------------|
| sonnenwerk  | DE      | company    | europe | onsite     | yes (de) | yes         | yes               | no                |
| vignoble    | FR      | company    | europe | online     | yes (fr) | no          | no                | yes               |
| hanyu       | CN      | university | china  | onsite     | yes (zh) | no          | no                | yes               |
| imported    | CN      | company    | china  | onsite     | no (en)  | no          | no                | no                |
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser

from matchfair.web.directory.models import Opportunity, Organization, Participation
from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.models import Meeting, MeetingRequest
from tests.web import factories


@dataclass
class CampaignWorld:
    event: Event
    owner: AbstractBaseUser
    german: Participation
    french: Participation
    chinese: Participation
    imported: Participation
    imported_user: AbstractBaseUser


def build_campaign_world(owner: AbstractBaseUser) -> CampaignWorld:
    event = factories.event(owner)
    german = factories.participant(
        event, name="Sonnenwerk GmbH", country="DE", email="anna@sonnenwerk.example", language="de"
    )
    french = factories.participant(
        event,
        name="Vignoble SARL",
        country="FR",
        email="luc@vignoble.example",
        language="fr",
        attendance="online",
    )
    chinese = factories.participant(
        event,
        name="Hanyu University",
        country="CN",
        email="li@hanyu.example",
        language="zh-hans",
        kind="university",
    )
    Participation.objects.filter(pk__in=[german.pk, french.pk]).update(group="europe")
    Participation.objects.filter(pk=chinese.pk).update(group="china")
    imported = Participation.objects.create(
        event=event,
        organization=Organization.objects.create(name="Imported Co", country="CN", kind="company"),
        code="imported",
        group="china",
    )
    imported_user = factories.delegate(imported, "wang")
    Opportunity.objects.create(
        event=event, participation=german, code="cells", kind="offer", title="Battery cells"
    )
    MeetingRequest.objects.create(
        event=event, requester=french, recipient=german, status=MeetingRequest.Status.REQUESTED
    )
    session = Session.objects.get(event=event)
    start = session.start
    Meeting.objects.create(
        event=event,
        a=french,
        b=chinese,
        session=session,
        start=start,
        end=start + timedelta(minutes=30),
        published=True,
    )
    return CampaignWorld(event, owner, german, french, chinese, imported, imported_user)

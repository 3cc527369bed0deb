"""Meeting requests: a short message, answers, the organizer's quota and deadline, notifications."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from matchfair.web.audit.models import AuditEntry
from matchfair.web.meetings.domain.requests import RequestRuleError
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.notify.domain.requests import answer_request
from matchfair.web.notify.models import Notification
from tests.web import factories


def _ask(client, me, other, message="Lassen Sie uns über Speicher sprechen."):
    return client.post(reverse("portal:partner", args=[me.pk, other.pk]), {"message": message})


def test_a_request_reaches_the_partner_in_the_portal_and_by_email(
    german_client, german, french, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(german_client, german, french)
    assert response.status_code == 302
    sent = MeetingRequest.objects.get(requester=german, recipient=french)
    assert (sent.status, sent.mandatory, sent.note.message) == (
        "requested",
        False,
        "Lassen Sie uns über Speicher sprechen.",
    )
    inbox = Notification.objects.get(user=factories.user_of(french))
    assert (
        inbox.text
        == "Sonnenwerk GmbH vous propose un rendez-vous à EU-China Cooperation Fair 2026."
    )
    assert [m.to for m in mail.outbox] == [["paul@vignoble.example"]]
    assert mail.outbox[0].subject == "Demande de rendez-vous de Sonnenwerk GmbH"


def test_the_partner_accepts_and_the_requester_is_told(
    german_client, german, french_client, french
):
    _ask(german_client, german, french)
    sent = MeetingRequest.objects.get(requester=german, recipient=french)
    response = french_client.post(
        reverse("portal:answer", args=[french.pk, sent.pk]), {"answer": "accept"}
    )
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == "accepted"
    assert sent.note.answered_at is not None
    told = Notification.objects.get(user=factories.user_of(german))
    assert told.text == "Vignoble Exportateur hat Ihre Terminanfrage angenommen."


def test_a_declined_request_can_be_asked_again(german_client, german, french_client, french):
    _ask(german_client, german, french)
    sent = MeetingRequest.objects.get(requester=german, recipient=french)
    french_client.post(reverse("portal:answer", args=[french.pk, sent.pk]), {"answer": "decline"})
    sent.refresh_from_db()
    assert sent.status == "declined"
    assert _ask(german_client, german, french).status_code == 302


def test_only_the_recipient_answers(german_client, german, french):
    _ask(german_client, german, french)
    sent = MeetingRequest.objects.get(requester=german, recipient=french)
    german_client.post(reverse("portal:answer", args=[german.pk, sent.pk]), {"answer": "accept"})
    sent.refresh_from_db()
    assert sent.status == "requested"


def test_one_open_request_per_pair(german_client, german, french_client, french):
    partner_page = reverse("portal:partner", args=[german.pk, french.pk])
    assert not german_client.get(partner_page).context["open_request"]
    _ask(german_client, german, french)
    assert german_client.get(partner_page).context["open_request"]
    again = _ask(german_client, german, french)
    assert "You have asked to meet Vignoble Exportateur already." in str(
        again.context["form"].non_field_errors()
    )
    back = _ask(french_client, french, german)
    assert "Sonnenwerk GmbH has asked to meet you already: answer their request." in str(
        back.context["form"].non_field_errors()
    )


def test_the_quota_counts_requests_sent_but_not_tailor_made_meetings(german_client, german, fair):
    rules = rules_of(fair)
    rules.request_quota = 1
    rules.save()
    first = factories.participant(fair, name="Paris Robotique", country="FR", email="a@pr.example")
    second = factories.participant(fair, name="Lyon Capteurs", country="FR", email="b@lc.example")
    assert _ask(german_client, german, first).status_code == 302
    response = _ask(german_client, german, second)
    assert "has sent its 1 meeting request, the most allowed" in str(
        response.context["form"].non_field_errors()
    )
    assert not MeetingRequest.objects.filter(recipient=second).exists()
    page = german_client.get(reverse("portal:requests", args=[german.pk])).content.decode()
    assert "Your organization has sent 1 of 1 request." in page


def test_after_the_request_deadline_nothing_is_sent_or_answered(
    german_client, german, french_client, french, fair
):
    _ask(german_client, german, french)
    rules = rules_of(fair)
    rules.request_deadline = timezone.now() - timedelta(minutes=1)
    rules.save()
    sent = MeetingRequest.objects.get(requester=german, recipient=french)
    french_client.post(reverse("portal:answer", args=[french.pk, sent.pk]), {"answer": "accept"})
    sent.refresh_from_db()
    assert sent.status == "requested"
    other = factories.participant(fair, name="Lyon Capteurs", country="FR", email="b@lc.example")
    response = _ask(german_client, german, other)
    assert "could be sent and answered until" in str(response.context["form"].non_field_errors())


def test_a_too_long_message_is_refused_on_its_field(german_client, german, french):
    response = _ask(german_client, german, french, message="x" * 501)
    assert response.context["form"].errors["message"]
    assert not MeetingRequest.objects.exists()


def test_an_organization_of_another_event_cannot_be_asked(german_client, german, owner):
    elsewhere = factories.event(owner, name="Another fair")
    stranger = factories.participant(
        elsewhere, name="Far Away", country="JP", email="far@away.example"
    )
    response = _ask(german_client, german, stranger)
    assert response.status_code == 404


def test_the_header_counts_unread_notifications_until_the_inbox_is_opened(
    german_client, german, french_client, french
):
    _ask(german_client, german, french)
    assert french_client.get(reverse("portal:my_events")).context["unread_notifications"] == 1
    french_client.get(reverse("portal:notifications"))
    assert french_client.get(reverse("portal:my_events")).context["unread_notifications"] == 0


def test_the_partner_page_names_the_language_of_their_texts(french_client, german, french):
    page = french_client.get(
        reverse("portal:partner", args=[french.pk, german.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert page.context["language"] == "allemand"
    assert [language for _opportunity, language in page.context["opportunities"]] == ["allemand"]


def test_answers_sent_together_give_one_answer_one_entry_one_email(
    german_client, german, french, django_capture_on_commit_callbacks
):
    """Thirty answers that each loaded the open request before any was stored: one wins.

    That is the interleaving of parallel clicks or API calls (each request's view has
    read the request before the first answer commits); the answer reads the state
    again under the row's lock, so the other 29 are refused.
    """
    with django_capture_on_commit_callbacks(execute=True):
        _ask(german_client, german, french)
    sent = MeetingRequest.objects.get(requester=german, recipient=french)
    copies = [MeetingRequest.objects.get(pk=sent.pk) for _copy in range(30)]
    mail.outbox.clear()
    outcomes = []
    with django_capture_on_commit_callbacks(execute=True):
        for index, copy in enumerate(copies):
            try:
                answer_request(recipient=french, meeting_request=copy, accept=index % 2 == 0)
            except RequestRuleError as error:
                outcomes.append(str(error))
            else:
                outcomes.append("answered")
    assert outcomes == ["answered"] + ["This request has been answered already."] * 29
    sent.refresh_from_db()
    assert sent.status == "accepted"
    answered = AuditEntry.objects.filter(event=french.event, action__startswith="request.")
    assert list(answered.exclude(action="request.sent").values_list("action", flat=True)) == [
        "request.accepted"
    ]
    assert len(mail.outbox) == 1

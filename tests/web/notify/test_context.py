"""The unread count in the header: for delegates only, one number."""

from django.test import RequestFactory
from django.utils import timezone

from matchfair.web.notify.context import unread_notifications
from matchfair.web.notify.models import Notification
from tests.web.factories import make_user


def test_a_delegate_sees_the_unread_count(german, german_user, fair):
    Notification.objects.create(user=german_user, event=fair, text="one")
    Notification.objects.create(user=german_user, event=fair, text="two", read_at=timezone.now())
    request = RequestFactory().get("/")
    request.user = german_user
    assert unread_notifications(request) == {"unread_notifications": 1}


def test_an_organizer_gets_nothing(db):
    request = RequestFactory().get("/")
    request.user = make_user("organizer", staff=True)
    assert unread_notifications(request) == {}

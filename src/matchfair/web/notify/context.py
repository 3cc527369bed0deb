"""The unread-notification count in every page's header, for people with a portal inbox."""

from django.http import HttpRequest

from matchfair.web.notify.models import Notification


def unread_notifications(request: HttpRequest) -> dict[str, int]:
    """One small query per page for delegates; nothing for anonymous visitors or organizers."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(user, "delegate"):
        return {}
    return {
        "unread_notifications": Notification.objects.filter(user=user, read_at__isnull=True).count()
    }

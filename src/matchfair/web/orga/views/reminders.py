"""The organizer's Reminders page: which scheduled reminders the event sends, and when."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.notify.domain.reminders import settings_of
from matchfair.web.notify.forms import ReminderSettingsForm
from matchfair.web.notify.models import SentReminder
from matchfair.web.notify.tasks import schedule_reminders


@organizer_required
def reminders(request: HttpRequest, event: Event) -> HttpResponse:
    form = ReminderSettingsForm(request.POST or None, instance=settings_of(event))
    if request.method == "POST" and form.is_valid():
        form.save()
        # The worker's periodic run starts here if none is queued yet.
        schedule_reminders()
        messages.success(request, _("The reminder settings are saved."))
        return redirect("orga:reminders", event.pk)
    return render(
        request,
        "orga/campaigns/reminders.html",
        {
            "event": event,
            "form": form,
            "sent": SentReminder.objects.filter(event=event).order_by("-sent_at")[:50],
        },
    )

"""The audit record's codes in the reader's words: actions and the rows they changed.

An entry keeps its action (``request.accepted``) and subject (``meetingrequest:137``)
as codes, which the API returns as they are; the trail page shows what they mean
in the language of the organizer reading it ("Meeting request accepted", "Meeting
request #137"). A code added later and not named here shows as it is.
"""

from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ACTIONS: dict[str, Promise] = {
    "request.sent": gettext_lazy("Meeting request sent"),
    "request.accepted": gettext_lazy("Meeting request accepted"),
    "request.declined": gettext_lazy("Meeting request declined"),
    "request.tailor-made": gettext_lazy("Tailor-made meeting added"),
    "meeting.moved": gettext_lazy("Meeting moved"),
    "meeting.cancelled": gettext_lazy("Meeting cancelled"),
    "request.withdrawn": gettext_lazy("Meeting request withdrawn"),
    "meeting.spot-booked": gettext_lazy("Meeting booked on the spot"),
    "meeting.present": gettext_lazy("Side at the meeting"),
    "meeting.no-show": gettext_lazy("Meeting marked a no-show"),
    "screens.link-made": gettext_lazy("Screens' link made"),
    "screens.link-revoked": gettext_lazy("Screens' link revoked"),
    "schedule.published": gettext_lazy("Schedule published"),
    "schedule.stored": gettext_lazy("Scheduler result stored"),
    "session.changed": gettext_lazy("Session changed"),
    "session.deleted": gettext_lazy("Session deleted"),
    "participation.changed": gettext_lazy("Participant changed"),
    "participation.removed": gettext_lazy("Participant removed"),
    "organization.merged": gettext_lazy("Organizations merged"),
    "interpreter.added": gettext_lazy("Interpreter added"),
    "interpreter.changed": gettext_lazy("Interpreter changed"),
    "interpreter.deleted": gettext_lazy("Interpreter deleted"),
    "agenda-item.changed": gettext_lazy("Programme item changed"),
    "agenda-item.deleted": gettext_lazy("Programme item deleted"),
    "agenda-item.sign-up-cancelled": gettext_lazy("Programme place given back"),
    "agenda-item.waitlist-promoted": gettext_lazy("Programme place given from the waitlist"),
    "agenda-item.waitlist-removed": gettext_lazy("Taken off a programme waitlist"),
    "agenda-item.waitlist-moved-up": gettext_lazy("Moved to the top of a programme waitlist"),
    "api-token.created": gettext_lazy("API token created"),
    "api-token.revoked": gettext_lazy("API token revoked"),
    "role.organizer.granted": gettext_lazy("Co-organizer added"),
    "role.organizer.withdrawn": gettext_lazy("Co-organizer removed"),
    "role.viewer.granted": gettext_lazy("Viewer added"),
    "role.viewer.withdrawn": gettext_lazy("Viewer removed"),
    "agreement.intention": gettext_lazy("Agreement: intention"),
    "agreement.signed": gettext_lazy("Agreement: signed"),
    "agreement.implemented": gettext_lazy("Agreement: implemented"),
    "agreement.cancelled": gettext_lazy("Agreement: cancelled"),
    "badge.added": gettext_lazy("Badge added"),
    "badge.removed": gettext_lazy("Badge removed"),
    "badge.checked-in": gettext_lazy("Badge checked in"),
    "role.check-in.granted": gettext_lazy("Check-in staff added"),
    "role.check-in.withdrawn": gettext_lazy("Check-in staff removed"),
    "talk.messaging_switched": gettext_lazy("Messaging between participants switched"),
    "talk.message_reported": gettext_lazy("Message reported"),
    "talk.report_decided": gettext_lazy("Reported message hidden or kept"),
    "export.workbook": gettext_lazy("Export: Excel workbook"),
    "export.event-file": gettext_lazy("Export: event file"),
    "export.badges": gettext_lazy("Export: badges PDF"),
    "export.api-contacts": gettext_lazy("Export: contacts read through the API"),
    "export.personal-data": gettext_lazy("Export: a person's own data"),
}


def action_label(action: str) -> str:
    """What ``action`` did, in the current language (the code itself when unnamed)."""
    label = ACTIONS.get(action)
    return str(label) if label is not None else action


def subject_label(subject: str) -> str:
    """The changed row as "Meeting request #137" (from ``meetingrequest:137``)."""
    model_name, _colon, key = subject.partition(":")
    for model in apps.get_models():
        if model._meta.model_name == model_name:
            return _("%(kind)s #%(id)s") % {
                "kind": str(model._meta.verbose_name).capitalize(),
                "id": key,
            }
    return subject

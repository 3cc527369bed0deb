"""The person's own pages: their events, settings, inbox and the organization's team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from matchfair.web.directory.domain.invitations import InvitationError, add_colleague
from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.notify.domain.personal import (
    answer_zone_question,
    choose_language,
    new_calendar_token,
    settings_of,
    zone_of,
)
from matchfair.web.notify.domain.portal_rules import PortalRuleError
from matchfair.web.notify.models import Notification
from matchfair.web.notify.rules import participant_page
from matchfair.web.outbox.domain.muting import choose_mail_kinds, muted_kinds
from matchfair.web.outbox.forms import MailKindsForm
from matchfair.web.outbox.models import MUTABLE_KINDS
from matchfair.web.portal.forms import ColleagueForm, PersonalSettingsForm
from matchfair.web.site_url import site_url


@login_required
def my_events(request: HttpRequest) -> HttpResponse:
    """Every event the person's organization takes part in."""
    delegate = getattr(request.user, "delegate", None)
    participations = (
        Participation.objects.filter(organization_id=delegate.organization_id)
        .select_related("event", "organization")
        .order_by("-event__created_at")
        if delegate
        else Participation.objects.none()
    )
    unread = Notification.objects.filter(user=request.user, read_at__isnull=True).count()
    return render(
        request, "portal/my_events.html", {"participations": participations, "unread": unread}
    )


@login_required
def personal_settings(request: HttpRequest) -> HttpResponse:
    personal = settings_of(request.user)
    form = PersonalSettingsForm(request.POST or None, instance=personal)
    if request.method == "POST" and form.is_valid():
        # Saving the settings answers the browser-zone question as well: whoever chose
        # here, even "the event's time zone", is not asked again on their agenda; and
        # the language is theirs, no longer one a sign-in takes from the browser.
        form.instance.zone_asked = True
        form.instance.language_known = True
        form.save()
        messages.success(request, _("Your settings are saved."))
        return redirect("portal:settings")
    muted = muted_kinds(request.user)
    mail_form = MailKindsForm(
        initial={"receive": [kind for kind in MUTABLE_KINDS if kind not in muted]}
    )
    return render(
        request,
        "portal/settings.html",
        {
            "form": form,
            "personal": personal,
            "zone_now": zone_of(request.user),
            "mail_form": mail_form,
        },
    )


@require_POST
@login_required
def mail_kinds(request: HttpRequest) -> HttpResponse:
    """The e-mail switches of Settings: each kind on or muted (the inbox keeps them all)."""
    form = MailKindsForm(request.POST)
    if form.is_valid():
        choose_mail_kinds(user=request.user, receive=form.cleaned_data["receive"])
        messages.success(request, _("Your e-mail choices are saved."))
    else:
        messages.error(request, _("Choose among the kinds of e-mail listed."))
    return redirect(reverse("portal:settings") + "#notifications")


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """The language menu: Django's switch for the pages and, for a signed-in person, the
    account's language too, so their e-mails read as their pages do."""
    response = set_language(request)
    if request.user.is_authenticated and request.POST.get("language"):
        choose_language(user=request.user, language=request.POST["language"])
    return response


@require_POST
@login_required
def answer_zone(request: HttpRequest) -> HttpResponse:
    """The answer to the agenda's one question: use the browser's time zone, or keep the
    event's. Back to the page it was asked on."""
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("portal:settings")
    zone = request.POST.get("zone", "").strip() if request.POST.get("use") else ""
    try:
        answer_zone_question(user=request.user, zone=zone)
    except PortalRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Times are now shown in %(zone)s; Settings can change it.")
            % {"zone": zone or zone_of(request.user)},
        )
    return redirect(back)


@require_POST
@login_required
def renew_calendar(request: HttpRequest) -> HttpResponse:
    """A new subscription link; the old one stops working (it was shared by mistake)."""
    new_calendar_token(user=request.user)
    messages.success(request, _("Your calendar link is renewed: subscribe again with the new one."))
    return redirect("portal:settings")


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """The inbox; opening it marks everything read."""
    items = list(Notification.objects.filter(user=request.user).select_related("event")[:200])
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    with timezone.override(zone_of(request.user)):
        return render(request, "portal/notifications.html", {"items": items})


@participant_page
def team(request: HttpRequest, participation: Participation) -> HttpResponse:
    """The organization's delegates; each one may add a colleague with their own login."""
    organization = participation.organization
    form = ColleagueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with translation.override(translation.get_language()):
                add_colleague(
                    participation=participation,
                    by=request.user,
                    contact_name=form.cleaned_data["contact_name"],
                    email=form.cleaned_data["email"],
                    site_url=site_url(request),
                )
        except InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                _("%(email)s will receive a link to choose a password.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("portal:team", participation.pk)
    return render(
        request,
        "portal/team.html",
        {
            "section": "team",
            "participation": participation,
            "portal_event": participation.event,
            "delegates": Delegate.objects.filter(organization=organization).select_related("user"),
            "form": form,
        },
    )

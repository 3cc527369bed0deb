"""Password reset by email and password change, with Django's views (mail via EMAIL_BACKEND).

The templates are named explicitly: the admin app ships templates under Django's
default names, and it comes first in INSTALLED_APPS. Reset mails are limited per
address and recipient (``security.reset_limits``); a reset through the mailed link
makes the browser a known device (``security.trusted_devices``).
"""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from matchfair.web.portal.views.password_set import PasswordSetView
from matchfair.web.security.reset_limits import LimitedPasswordResetView


def _page(view: type, name: str, **options: object) -> object:
    return view.as_view(template_name=f"portal/{name}.html", **options)


urlpatterns = [
    path(
        "password-reset/",
        _page(
            LimitedPasswordResetView,
            "password_reset_form",
            email_template_name="portal/password_reset_email.html",
            subject_template_name="portal/password_reset_subject.txt",
            success_url=reverse_lazy("portal:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        _page(auth_views.PasswordResetDoneView, "password_reset_done"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        _page(PasswordSetView, "password_reset_confirm"),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        _page(auth_views.PasswordResetCompleteView, "password_reset_complete"),
        name="password_reset_complete",
    ),
    path(
        "password/",
        _page(
            auth_views.PasswordChangeView,
            "password_change_form",
            success_url=reverse_lazy("portal:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        _page(auth_views.PasswordChangeDoneView, "password_change_done"),
        name="password_change_done",
    ),
]

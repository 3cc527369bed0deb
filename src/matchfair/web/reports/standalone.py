"""Django configured for rendering reports only: no database, no project settings.

``matchfair report event.json`` turns a file into a report on a machine where the
web platform was never set up. The templates, gettext catalogs and locale data it
needs belong to this app, so that configuration is the whole of what it takes; a
process that already has settings (the web server, the test suite) keeps them.
"""

import django
from django.conf import settings


def configure_for_reports() -> None:
    """Set up Django for template rendering and translation unless it is already configured."""
    if not settings.configured:
        settings.configure(
            # Without project settings there is no LOCALE_PATHS: the renderer's texts must be
            # in its own app's locale/ folder, so reports keep a catalog beside the web layer's.
            INSTALLED_APPS=["matchfair.web.reports"],
            TEMPLATES=[
                {"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}
            ],
            USE_I18N=True,
            LANGUAGE_CODE="en",
        )
    django.setup()

"""WSGI entry point, for ``matchfair serve`` and for any WSGI server in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.web.settings")

application = get_wsgi_application()

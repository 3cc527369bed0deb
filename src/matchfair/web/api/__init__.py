"""The REST API under /api/ (django-ninja) and the token page: the same domain as the pages."""

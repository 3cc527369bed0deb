"""The REST API under /api/ (django-ninja): the same services as the pages, for integrators."""

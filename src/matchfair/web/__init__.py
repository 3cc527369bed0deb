"""The web platform: Django project of organizer and participant pages, jobs, imports and exports.

It stores the event in the database and converts to and from the ``matchfair.core``
types (``matchfair.web.exchange``) whenever an engine or a file format is involved.
"""

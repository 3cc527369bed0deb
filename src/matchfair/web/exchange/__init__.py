"""Conversion between the database and the ``matchfair.core`` types.

The engines and the file formats speak ``core``; the pages speak models. This is
the one place where the two meet, so an event exported from the web is the same
file the command line reads.
"""

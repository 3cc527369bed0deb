"""Dashboards and event reports: the figures of ``matchfair.outcomes`` for people to read."""

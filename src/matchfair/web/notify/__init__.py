"""Telling participants what concerns them, and the portal's rules and settings behind it.

The data app under the participant pages: its models keep the Django label "portal" (the
tables and migrations of the participant portal, moved here without moving a table).
"""

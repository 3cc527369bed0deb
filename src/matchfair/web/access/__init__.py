"""Roles per event (organizer, participant, viewer) and what each role may read or change."""

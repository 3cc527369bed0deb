"""Outcome pages: the organizer's (one module per job), the participant's, the e-mail link's."""

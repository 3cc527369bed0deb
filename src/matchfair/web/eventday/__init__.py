"""The event day: cancellations, badges and check-in, presence, on-the-spot meetings, screens, waitlists."""

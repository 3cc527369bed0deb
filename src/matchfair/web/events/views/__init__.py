"""The organizer's event pages, one module per job."""

"""Every organizer page, under one URL namespace (``orga:``)."""

"""The organizer's pages of roles in an event (API tokens are the api app's)."""

"""The organizer's pages of roles and API tokens."""

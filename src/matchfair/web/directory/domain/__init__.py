"""The directory's rules that decide or write: identity, invitations, merges, name keys."""

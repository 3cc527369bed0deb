"""Writes of the event day: each function checks its rule, writes and audits in one transaction."""

"""One router per topic; each reaches an event through ``api.scope`` and calls data apps only."""

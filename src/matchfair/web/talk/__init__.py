"""Messages between participants: a conversation per pair of organizations in an event."""

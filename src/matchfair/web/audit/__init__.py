"""The audit trail: who changed a meeting, a meeting request or an agreement, and when."""

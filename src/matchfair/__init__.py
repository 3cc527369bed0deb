"""Matchfair: partner matching, meeting scheduling and outcome tracking for cooperation events."""

__version__ = "0.1.0"

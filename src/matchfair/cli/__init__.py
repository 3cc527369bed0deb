"""The ``matchfair`` command: file commands that need no database, and server commands."""

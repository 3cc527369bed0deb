"""The mail outbox: every e-mail is a row, written in its reader's language and delivered by the worker."""

"""Defences against hostile input and guessing: headers, request sizes, login attempt limits."""

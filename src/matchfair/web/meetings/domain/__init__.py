"""What meetings decides and writes: each module one topic, keyword-only functions.

Each function checks the rules, writes, and records the audit entry in one
transaction; pages, the API and job runners call them and hold no rule of their own.
"""

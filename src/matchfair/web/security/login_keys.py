"""The identity a login attempt is counted under: the name as the login form and backend see it."""

import unicodedata

# Longer names cannot belong to an account (e-mail addresses stop at 254 characters).
MAX_LENGTH = 254


def account_key(username: str) -> str:
    """The account name normalised as Django's login form does (NFKC, surrounding spaces),
    and case-folded, so that ``victim ``, ``ｖｉｃｔｉｍ`` and ``Victim`` all count as ``victim``.

    Django's backend matches names exactly, so folding case only ever joins attempts on
    names that differ in case, never separates attempts on one account.
    """
    return unicodedata.normalize("NFKC", username).strip().casefold()[:MAX_LENGTH]

"""The portal page app: the home page, sign-in and password pages, and every participant page."""

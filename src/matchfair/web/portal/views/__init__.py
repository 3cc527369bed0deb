"""The portal's pages, one module per part of a person's path: home, sign-up, profile, catalog,
requests, agenda, outcomes, the feedback link, and the old /events/my/ addresses."""

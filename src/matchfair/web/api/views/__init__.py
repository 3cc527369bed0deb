"""The pages of the api app: an organizer's API tokens (the endpoints are in ``routers``)."""

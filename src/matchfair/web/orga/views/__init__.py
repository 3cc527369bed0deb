"""The organizer's pages, one module per topic; ``orga/urls.py`` routes them all."""

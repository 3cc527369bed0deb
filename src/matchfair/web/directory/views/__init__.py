"""The organizer's pages about participants: the list, invitations, spreadsheet imports."""

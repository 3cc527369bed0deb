"""Files an organizer takes away: the event and schedule files, Excel, PDF agendas, table plans."""

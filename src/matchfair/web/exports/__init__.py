"""Files people take away: event and schedule files, Excel, PDF agendas, table plans, calendars."""

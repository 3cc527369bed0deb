"""The participant portal: profiles, partner search, meeting requests, agendas, notifications."""

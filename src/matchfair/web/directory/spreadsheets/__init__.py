"""Importing participants and opportunities from Excel or CSV: read, map columns, import."""

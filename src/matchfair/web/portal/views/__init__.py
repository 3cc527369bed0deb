"""The participant portal's pages, one module per part of the participant's path."""

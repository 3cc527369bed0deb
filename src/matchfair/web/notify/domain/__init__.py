"""What notify decides and writes: keyword-only functions the pages, API and jobs call."""

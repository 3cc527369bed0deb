"""The organizer's meeting pages: requests and tailor-made meetings, the schedule review."""

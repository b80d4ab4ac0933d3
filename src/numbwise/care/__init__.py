"""Self-care: exercise sessions, break reminders and treatment guidance (core: no click, rich or web)."""

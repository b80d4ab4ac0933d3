"""Self-care: exercise sessions, reminders and care plans."""

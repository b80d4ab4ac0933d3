"""Self-care: exercise sessions, routines and adherence statistics (plain data in and out)."""

"""kapitza."""

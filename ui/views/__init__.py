"""One view per role."""

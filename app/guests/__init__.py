"""Guest lists, tickets, check-in and search."""

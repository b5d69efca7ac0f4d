"""Help: the sales method in the rep's own window (Help ▸ Sales Method)."""

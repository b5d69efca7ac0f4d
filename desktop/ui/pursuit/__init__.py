"""The pursuit workspace: everything the methodology asks the rep to know about one deal."""

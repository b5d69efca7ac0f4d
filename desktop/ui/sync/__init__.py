"""File ▸ Export / Import, Undo Last Import, and the Review screen (sync by file)."""

"""File ▸ Export / Import, Undo Last Sync Import, and the Review screen (sync by file)."""

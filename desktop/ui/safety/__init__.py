"""Data safety in the window: backups, restore, the integrity check, the one-writer lock."""

"""The UI kit every screen shares: formatting, icons, base models, edit widgets, stage colours.

Nothing here knows a screen; screens import it, never each other.
"""

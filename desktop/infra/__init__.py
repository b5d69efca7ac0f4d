"""QtCore-only services for the app: paths, typed settings, translations. No widgets here."""

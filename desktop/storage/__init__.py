"""SQLAlchemy storage: engine and sessions, ORM tables, migrations, the sync-stamping write path."""

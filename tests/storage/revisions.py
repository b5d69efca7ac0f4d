"""What the migration tests share: a database moved to a schema revision (up or down) through
Alembic as the app runs it, and the names its schema holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from desktop.storage import migrate


def move_to(path: Path, revision: str, *, down: bool = False) -> None:
    """Upgrade (or with `down`, downgrade) the database at `path` to `revision`."""
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
    engine.dispose()


def names(path: Path, kind: str) -> set[str]:
    """The names of the schema's objects of one kind ("table", "index", "trigger")."""
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}

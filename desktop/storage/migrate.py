"""Schema versions with Alembic: upgrade on open, refuse a database written by a newer version."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_version(engine: Engine) -> None:
    """Raise unless the file is empty, or a Pursuit database this version can read."""
    from desktop.storage.db import DatabaseTooNew, NotAPursuitDatabase

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = MigrationContext.configure(conn).get_current_revision()
    if not tables:
        return
    if "alembic_version" not in tables or revision is None:
        raise NotAPursuitDatabase("the file holds tables but no Pursuit schema version")
    known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
    if revision not in known:
        raise DatabaseTooNew(f"schema revision {revision} is newer than this program knows")


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine) -> bool:
    """Bring the schema to head in one transaction; True when anything ran."""
    if not needs_upgrade(engine):
        return False
    cfg = _config()
    with engine.execution_options(sqlite_begin="BEGIN IMMEDIATE").connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    return True

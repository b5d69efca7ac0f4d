"""Schema versions with Alembic: upgrade on open, refuse a database written by a newer version.

Opening a database that is already at head (every start but the first after an update) only
reads `alembic_version` and the revision ids of the scripts; Alembic itself, ~150 ms of imports,
is loaded only when there is something to upgrade.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@cache
def revisions() -> dict[str, str | None]:
    """Every migration script's revision id and the one it follows, read from the scripts'
    `revision = ...` and `down_revision = ...` lines (as Alembic reads them, without importing)."""
    found: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    name = target.id if isinstance(target, ast.Name) else ""
                    if name in ("revision", "down_revision") and node.value is not None:
                        values[name] = ast.literal_eval(node.value)
        revision, down = values.get("revision"), values.get("down_revision")
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            raise RuntimeError(f"{script.name}: a linear migration needs revision ids")
        found[revision] = down
    return found


def head_revision() -> str:
    """The one revision no other script follows."""
    followed = set(revisions().values())
    heads = [revision for revision in revisions() if revision not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text  # here: `revisions` is read without SQLAlchemy

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_version(engine: Engine) -> None:
    """Raise unless the file is empty, or a Pursuit database this version can read."""
    from sqlalchemy import inspect

    from desktop.storage.db import DatabaseTooNew, NotAPursuitDatabase

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    if not tables:
        return
    revision = current_revision(engine) if "alembic_version" in tables else None
    if revision is None:
        raise NotAPursuitDatabase("the file holds tables but no Pursuit schema version")
    if revision not in revisions():
        raise DatabaseTooNew(f"schema revision {revision} is newer than this program knows")


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def _config() -> Config:
    """Alembic's configuration for our scripts (imports Alembic)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine) -> bool:
    """Bring the schema to head in one transaction; True when anything ran."""
    if not needs_upgrade(engine):
        return False
    from alembic import command

    cfg = _config()
    with engine.execution_options(sqlite_begin="BEGIN IMMEDIATE").connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    return True

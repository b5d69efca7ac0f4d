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
def _scripts() -> list[dict[str, object]]:
    """Each migration script's `revision`, `down_revision` and `vacuum` (a script that leaves
    much of the file free asks for a VACUUM after the upgrade), read from its module-level
    assignments (as Alembic reads the ids), without importing it."""
    found = []
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        values: dict[str, object] = {"script": script.name}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    name = target.id if isinstance(target, ast.Name) else ""
                    if name in ("revision", "down_revision", "vacuum") and node.value is not None:
                        values[name] = ast.literal_eval(node.value)
        found.append(values)
    return found


@cache
def revisions() -> dict[str, str | None]:
    """Every migration script's revision id and the one it follows, read from the scripts'
    `revision = ...` and `down_revision = ...` lines (as Alembic reads them, without importing)."""
    found: dict[str, str | None] = {}
    for values in _scripts():
        script = values["script"]
        revision, down = values.get("revision"), values.get("down_revision")
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            raise RuntimeError(f"{script}: a linear migration needs revision ids")
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


def pending(current: str | None) -> list[str]:
    """The revisions an upgrade from `current` runs, newest first."""
    found: list[str] = []
    revision: str | None = head_revision()
    while revision is not None and revision != current:
        found.append(revision)
        revision = revisions()[revision]
    return found


def compacting(current: str | None) -> bool:
    """Whether an upgrade from `current` runs a script that asks for a VACUUM after it."""
    asking = {v["revision"] for v in _scripts() if v.get("vacuum") is True}
    return not asking.isdisjoint(pending(current))


def compact(engine: Engine) -> bool:
    """VACUUM the database, and empty the WAL it went through; True when done.

    VACUUM writes the whole database into a temporary file, then back through the WAL: it needs
    the database's size free twice (in the temporary folder and beside the file). Without that
    room the file is left as it is — correct, its free pages reused by later writes — rather
    than filling the disk.
    """
    import os
    import shutil
    import tempfile

    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        assert driver is not None
        file = next(row[2] for row in driver.execute("PRAGMA database_list") if row[1] == "main")
        size = os.path.getsize(file)
        folders = {os.path.dirname(os.path.abspath(file)), tempfile.gettempdir()}
        need = size * (1.1 if len(folders) == 2 else 2.2)
        if any(shutil.disk_usage(folder).free < need for folder in folders):
            return False
        driver.execute("VACUUM")
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return True


def _config() -> Config:
    """Alembic's configuration for our scripts (imports Alembic)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine) -> bool:
    """Bring the schema to head in one transaction; True when anything ran. A script that
    asks for it (`vacuum = True`: it freed much of the file) is followed by `compact`."""
    current = current_revision(engine)
    if current == head_revision():
        return False
    from alembic import command

    cfg = _config()
    with engine.execution_options(sqlite_begin="BEGIN IMMEDIATE").connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    if current is not None and compacting(current):
        compact(engine)
    return True

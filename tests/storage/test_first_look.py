"""The start-up's first look (storage.first_look): a connection only where opening in full would
change nothing; every unusual file is left to `Database.open`."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.storage import db, files, first_look, migrate
from desktop.storage.db import Database
from tests.safety.disks import read_only, small_disk


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A database as a rep's is between two starts: created, migrated, closed."""
    path = (tmp_path / "pursuit.db").resolve()
    Database.open(path).close()
    return path


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


def change(path: Path, sql: str, *args: object) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(sql, args)


def test_the_newest_file_name_is_the_head_revision() -> None:
    assert first_look.newest_revision() == migrate.head_revision()
    for script in (migrate.MIGRATIONS / "versions").glob("[0-9]*.py"):
        assert script.name.split("_", 1)[0] in migrate.revisions(), script.name


def test_the_driver_waits_as_long_as_the_engine() -> None:
    assert first_look.BUSY_TIMEOUT_MS == db.BUSY_TIMEOUT_MS


def test_a_database_as_it_should_be_is_read_through_the_driver(made: Path) -> None:
    before = dump(made)
    look = first_look.open_unchanged(made)
    assert look is not None
    assert look.connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert not look.connection.in_transaction
    with look.read() as connection:
        assert connection.execute("SELECT count(*) FROM pursuits").fetchone() == (0,)
    assert not look.connection.in_transaction
    look.close()
    # The first look changed nothing, and the full open that follows finds nothing to change.
    assert dump(made) == before
    Database.open(made, create=False).close()
    assert dump(made) == before


@pytest.mark.parametrize(
    "spoil",
    [
        "missing",
        "folder",
        "empty",
        "not_sqlite",
        "plain_sqlite",
        "older_schema",
        "newer_schema",
        "copied",
        "clock_ahead",
        "no_site",
        "rollback_journal",
        "read_only",
    ],
)
def test_anything_unusual_takes_the_full_open(made: Path, tmp_path: Path, spoil: str) -> None:
    path = made
    if spoil == "missing":
        path = tmp_path / "none.db"
    elif spoil == "folder":
        path = tmp_path / "folder.db"
        path.mkdir()
    elif spoil == "empty":
        path = tmp_path / "empty.db"
        path.touch()
    elif spoil == "not_sqlite":
        path = tmp_path / "notes.db"
        path.write_text("not a database", encoding="utf-8")
    elif spoil == "plain_sqlite":
        path = tmp_path / "other.db"
        change(path, "CREATE TABLE t (x)")
    elif spoil == "older_schema":
        change(made, "UPDATE alembic_version SET version_num = ?", "0009")
    elif spoil == "newer_schema":
        change(made, "UPDATE alembic_version SET version_num = ?", "9999")
    elif spoil == "copied":
        path = tmp_path / "copy.db"
        shutil.copyfile(made, path)
    elif spoil == "clock_ahead":
        change(made, "UPDATE sync_state SET hlc = ?", first_look.now_ms() + 3_600_000)
    elif spoil == "no_site":
        change(made, "DELETE FROM sync_state")
    elif spoil == "rollback_journal":
        change(made, "PRAGMA journal_mode = DELETE")
    elif spoil == "read_only":
        made.chmod(0o444)
        if files.writable(made):
            # Root passes every permission check (as in CI): a read-only disk, for real.
            with small_disk(tmp_path / "cd", "16M") as disk:
                path = (disk / "p.db").resolve()
                Database.open(path).close()
                look = first_look.open_unchanged(path)  # made here: only the disk is wrong
                assert look is not None
                look.close()
                read_only(disk)
                assert first_look.open_unchanged(path) is None
            return
    assert first_look.open_unchanged(path.resolve()) is None


def test_a_file_deleted_after_the_look_is_missing_not_empty(made: Path) -> None:
    from desktop.storage.errors import DatabaseMissing

    look = first_look.open_unchanged(made)
    assert look is not None
    made.rename(made.with_name("moved.db"))
    with pytest.raises(DatabaseMissing), look.read() as connection:
        connection.execute("SELECT count(*) FROM pursuits")  # never reached: the file is gone
    look.close()

"""A read-only snapshot of a database through the sqlite3 driver alone, for commands that read
once and exit (`pursuit agenda`).

Why it exists: importing SQLAlchemy and the ORM tables costs more than such a command's whole
read (0.4 s against 0.15 s at 50,000 activities), and a read that only runs the hand-written SQL
of `storage.queries` needs neither. It refuses what `db.Database.open(read_only=True)` refuses —
no file, a folder, a file that is not SQLite, a database without a Pursuit schema or with one
newer than this program — with the same codes (the CLI's messages), and never writes: the file
is opened `mode=ro` (`immutable` on read-only media, as there).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from desktop.storage import files, migrate
from desktop.storage.files import writable

BUSY_TIMEOUT_MS = 5000


class Unreadable(Exception):
    """The file cannot be read as a Pursuit database; `code` names the user's message."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@contextmanager
def read_snapshot(path: Path | str) -> Iterator[sqlite3.Connection]:
    """The database at `path` in one read transaction (a consistent snapshot in WAL mode);
    raises Unreadable (or sqlite3.Error while reading) with nothing written."""
    path = Path(path).expanduser().resolve()
    if not path.exists():
        raise Unreadable("db_missing", f"no database at {path}")
    if path.is_dir():
        raise Unreadable("not_pursuit_db", f"{path} is a folder")
    if path.stat().st_size == 0:
        raise Unreadable("not_pursuit_db", f"{path} is an empty file")
    head = files.read_head(path, 16)  # not opened by hand while SQLite holds it (files.hold)
    if head is not None and head != b"SQLite format 3\x00":
        raise Unreadable("not_pursuit_db", f"{path} is not an SQLite database")
    uri = "file:" + ("" if path.as_posix().startswith("/") else "/")
    uri += quote(path.as_posix(), safe="/:") + "?mode=ro"
    if not writable(path.parent):  # read-only media: no -shm beside it, nobody changes it
        uri += "&immutable=1"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    let_go = files.hold(path)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("BEGIN")
        try:
            _check_version(connection, path)
        except sqlite3.DatabaseError as exc:
            raise Unreadable("not_pursuit_db", str(exc)) from exc
        yield connection
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        connection.close()
        let_go()


def _check_version(connection: sqlite3.Connection, path: Path) -> None:
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    row = (
        connection.execute("SELECT version_num FROM alembic_version").fetchone() if found else None
    )
    if row is None:
        raise Unreadable("not_pursuit_db", f"{path} holds no Pursuit database")
    if row[0] not in migrate.revisions():
        raise Unreadable("db_too_new", f"schema revision {row[0]} is newer than this program knows")

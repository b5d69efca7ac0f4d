"""The start-up's first look at a database, through the sqlite3 driver alone.

Why it exists: importing SQLAlchemy and building the ORM classes costs several times what a bare
window takes to appear, and opening a database that is already as it should be (at the newest
schema, its own sync identity, its clock sane: every start but the first after an update or a
copy) changes nothing in it. So the app first asks `open_unchanged`: when opening the file for
writing would change nothing, it gets a driver connection and paints its first screen from reads
that need only the driver (`storage.queries`); `db.Database.open` follows once the window is up.
Whatever is unusual (no file, not SQLite, an empty file, read-only, a schema to migrate or newer
than this program, a copied file that needs a new sync identity, a clock to repair) answers None
and the caller takes `db.Database.open`, which does and says what it always did.

The checks here only read, so they can be conservative: anything they are not sure of sends the
open down the full path.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from desktop.storage import files, migrate
from desktop.storage.errors import DatabaseMissing
from desktop.storage.files import writable

BUSY_TIMEOUT_MS = 5000  # as db.BUSY_TIMEOUT_MS (db imports SQLAlchemy; tests keep them equal)


class FirstLook:
    """The driver connection of a first look, for reads until the database is opened in full."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection
        self.thread = threading.get_ident()  # sqlite3 refuses the connection on another
        self._let_go = files.hold(path)  # SQLite's locks: see files.hold

    def usable_here(self) -> bool:
        """Whether this thread may read through it (the one that looked)."""
        return threading.get_ident() == self.thread

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """One read snapshot (a deferred BEGIN in WAL mode), as `Database.read` gives. Raises
        DatabaseMissing when the file was deleted or moved meanwhile, as it does."""
        if not self.path.exists():
            raise DatabaseMissing(f"{self.path} was deleted or moved")
        self.connection.execute("BEGIN")
        try:
            yield self.connection
        finally:
            self.connection.execute("ROLLBACK")

    def close(self) -> None:
        """Close the connection (from another thread sqlite3 refuses: it is closed when
        collected)."""
        if self.usable_here():
            self.connection.close()
        self._let_go()


def open_unchanged(path: Path) -> FirstLook | None:
    """The database at `path` (resolved) through the driver, with the pragmas `db.Database`
    sets, when `Database.open(path)` would find nothing to do; else None."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        head = files.read_head(path, 16)
        if head is not None and head != b"SQLite format 3\x00":
            return None
        if not writable(path):
            return None
    except OSError:
        return None
    uri = "file:" + ("" if path.as_posix().startswith("/") else "/")
    uri += quote(path.as_posix(), safe="/:") + "?mode=rw"
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    # Any error here (not a database, locked, damaged) leaves the verdict to the full open,
    # which says what is wrong in the rep's words.
    with contextlib.suppress(sqlite3.Error):
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = FULL")
        if _unchanged(connection, path):
            return FirstLook(path, connection)
    connection.close()
    return None


def _unchanged(connection: sqlite3.Connection, path: Path) -> bool:
    """What `Database.open` checks, read in one snapshot: WAL mode already on (it would set
    it), the schema at head (no migration, not too new), one sync site made for this very path
    (a copied file gets a new one) and a clock not ahead of now (it would be repaired beyond the
    bound; ahead at all is left to the full open to judge)."""
    (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
    if str(mode).lower() != "wal":
        return False
    connection.execute("BEGIN")
    try:
        if not connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone():
            return False
        versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if versions != [(newest_revision(),)]:
            return False
        sites = connection.execute("SELECT db_path, hlc FROM sync_state").fetchall()
    finally:
        connection.execute("ROLLBACK")
    if len(sites) != 1:
        return False
    site_path, hlc = sites[0]
    return site_path in (None, str(path)) and isinstance(hlc, int) and hlc <= now_ms()


def newest_revision() -> str:
    """The head revision without reading the scripts: each script's file name starts with its
    revision id (`0010_people.py` is revision "0010"), so the newest is the last name in order.
    tests/storage/test_first_look.py holds this equal to `migrate.head_revision()`."""
    names = sorted(p.name for p in (migrate.MIGRATIONS / "versions").glob("[0-9]*.py"))
    return names[-1].split("_", 1)[0] if names else ""


def now_ms() -> int:
    return int(time.time() * 1000)

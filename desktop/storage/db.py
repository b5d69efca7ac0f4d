"""Opening a database: engine, SQLite pragmas, migrations, and the unit-of-work session.

SQLite runs in WAL mode with `synchronous=FULL` (a power cut loses nothing committed), foreign keys
on and a busy timeout. pysqlite's own transaction handling is switched off so that we issue BEGIN
ourselves: writes take `BEGIN IMMEDIATE` (the write lock up front, no upgrade deadlock), reads a
plain deferred BEGIN, which in WAL mode is a consistent snapshot.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.storage import backup, migrate, sync_meta
from desktop.storage.tables import SyncState

BUSY_TIMEOUT_MS = 5000


class StorageError(Exception):
    """A database that cannot be used; the message is for the log, `code` for the user's message."""

    code = "storage"


class NotAPursuitDatabase(StorageError):
    code = "not_pursuit_db"


class DatabaseTooNew(StorageError):
    code = "db_too_new"


class DatabaseMissing(StorageError):
    code = "db_missing"


class DatabaseReadOnly(StorageError):
    code = "db_read_only"


class DiskFull(StorageError):
    code = "disk_full"


class WriteSession(Session):
    """Sessions that stamp sync metadata on flush (see sync_meta)."""


sync_meta.install(WriteSession)


def _configure(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see "begin" below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def translate_error(exc: BaseException) -> StorageError | None:
    """Map SQLite's failures to the conditions the user is told about."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "database or disk is full" in text or ("disk i/o error" in text and "full" in text):
        return DiskFull(text)
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnly(text)
    if "file is not a database" in text or "file is encrypted" in text:
        return NotAPursuitDatabase(text)
    if "unable to open database" in text or "no such table" in text:
        return DatabaseMissing(text)
    return None


class Database:
    """An open Pursuit database file."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self._writer = sessionmaker(
            bind=engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"),
            class_=WriteSession,
            expire_on_commit=False,
        )
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, read_only: bool = False) -> Database:
        """Open (and when `create`, create and migrate) the database at `path`.

        Raises DatabaseMissing, NotAPursuitDatabase or DatabaseTooNew with nothing changed.
        """
        path = Path(path).expanduser().resolve()
        if not path.exists():
            if not create or read_only:
                raise DatabaseMissing(f"no database at {path}")
            path.parent.mkdir(parents=True, exist_ok=True)
        elif path.is_dir():
            raise NotAPursuitDatabase(f"{path} is a folder")
        else:
            _check_header(path)
            if not read_only and not os.access(path, os.W_OK):
                raise DatabaseReadOnly(f"{path} is read-only")
        url = f"sqlite:///{path}"
        if read_only:
            url = f"sqlite:///file:{path}?mode=ro&uri=true"
        engine = create_engine(url, future=True)
        _configure(engine, read_only=read_only)
        db = cls(path, engine, read_only=read_only)
        try:
            migrate.check_version(engine)
            if not read_only:
                if migrate.current_revision(engine) is not None and migrate.needs_upgrade(engine):
                    backup.backup_before_migration(path)
                migrate.upgrade(engine)
                with db.write() as session:
                    sync_meta.ensure_site(session, str(path))
        except (OperationalError, DatabaseError) as exc:
            engine.dispose()
            raise translate_error(exc) or NotAPursuitDatabase(str(exc)) from exc
        except StorageError:
            engine.dispose()
            raise
        return db

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): committed on success, rolled back on error."""
        if self.read_only:
            raise DatabaseReadOnly("opened read-only")
        if not self.path.exists():
            # Deleted or moved while open: SQLite would write into an unlinked file and lose it.
            self._checkpoint_into_moved_file()
            raise DatabaseMissing(f"{self.path} was deleted or moved")
        session = self._writer()
        try:
            yield session
            session.commit()
        except (OperationalError, DatabaseError, sqlite3.Error) as exc:
            # sqlite3.Error too: bulk writers (the sync importer) use the driver's cursor.
            session.rollback()
            mapped = translate_error(exc)
            if mapped is not None:
                raise mapped from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot (deferred BEGIN in WAL mode)."""
        session = self._reader()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def site_id(self) -> str:
        with self.read() as session:
            return session.scalars(select(SyncState.site_id)).one()

    def _checkpoint_into_moved_file(self) -> None:
        """Copy committed WAL pages into the (moved) file through an open connection.

        The WAL is named after the old path; once the connections close, SQLite no longer finds
        it for the moved file, so what was committed would be missing there.
        """
        with contextlib.suppress(OperationalError, DatabaseError), self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def renew_site(self) -> str:
        """Give this database a new sync identity (after a restore: it is an older copy)."""
        with self.write() as session:
            return sync_meta.renew_site(session)

    def close(self) -> None:
        self.engine.dispose()


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite at all before SQLAlchemy touches it."""
    if path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        head = fh.read(16)
    if head != b"SQLite format 3\x00":
        raise NotAPursuitDatabase(f"{path} is not an SQLite database")

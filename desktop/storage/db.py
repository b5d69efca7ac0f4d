"""Opening a database: engine, SQLite pragmas, migrations, and the unit-of-work session.

SQLite runs in WAL mode with `synchronous=FULL` (a power cut loses nothing committed), foreign keys
on and a busy timeout. pysqlite's own transaction handling is switched off so that we issue BEGIN
ourselves: writes take `BEGIN IMMEDIATE` (the write lock up front, no upgrade deadlock), reads a
plain deferred BEGIN, which in WAL mode is a consistent snapshot.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import URL, Engine, create_engine, event, inspect, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain.text import has_controls, strip_controls
from desktop.storage import backup, files, migrate, people, sync_meta
from desktop.storage.errors import DatabaseMissing as DatabaseMissing
from desktop.storage.errors import DatabaseReadOnly as DatabaseReadOnly
from desktop.storage.errors import DatabaseTooNew as DatabaseTooNew
from desktop.storage.errors import DiskFull as DiskFull
from desktop.storage.errors import NotAPursuitDatabase as NotAPursuitDatabase
from desktop.storage.errors import StorageError as StorageError
from desktop.storage.errors import translate_error as translate_error
from desktop.storage.files import writable
from desktop.storage.tables import SyncState

BUSY_TIMEOUT_MS = 5000


class WriteSession(Session):
    """Sessions that stamp sync metadata on flush (see sync_meta)."""


def _strip_typed_controls(session: Session, _context: Any, _instances: Any) -> None:
    """Control characters never reach the database (a paste from Word brings U+000B): every
    text a write session flushes is cleaned first (before the sync stamps record it)."""
    for record in (*session.new, *session.dirty):
        state = inspect(record)
        for attr in state.mapper.column_attrs:
            value = state.dict.get(attr.key)
            if isinstance(value, str) and has_controls(value):
                setattr(record, attr.key, strip_controls(value))


# Registered before the sync stamping, so the stamped values are the cleaned ones.
event.listen(WriteSession, "before_flush", _strip_typed_controls)
# The copies of a person's fields on their memberships, kept equal before they are stamped.
event.listen(WriteSession, "before_flush", people.keep_people)
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


class Database:
    """An open Pursuit database file."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        # Until closed, nothing in this process opens the file by hand (SQLite's locks).
        self._let_go = files.hold(path)
        self._writer = sessionmaker(
            bind=engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"),
            class_=WriteSession,
            expire_on_commit=False,
        )
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, read_only: bool = False) -> Database:
        """Open (and when `create`, create and migrate) the database at `path`.

        Only creating makes a file: every connection opens the file with `mode=rw` (or `ro`), so
        a database deleted or moved while open is reported as missing, never silently replaced
        by an empty one. On read-only media a read-only open reads it as it is (`immutable`).
        Raises DatabaseMissing, NotAPursuitDatabase, DatabaseReadOnly or DatabaseTooNew with
        nothing changed.
        """
        path = Path(path).expanduser().resolve()
        immutable = False
        if not path.exists():
            if not create or read_only:
                raise DatabaseMissing(f"no database at {path}")
            path.parent.mkdir(parents=True, exist_ok=True)
            _create_file(path)
        elif path.is_dir():
            raise NotAPursuitDatabase(f"{path} is a folder")
        else:
            _check_header(path, empty_ok=create and not read_only)
            if not read_only and not writable(path):
                raise DatabaseReadOnly(f"{path} is read-only")
            immutable = read_only and not writable(path.parent)
        query = {"mode": "ro" if read_only else "rw", "uri": "true"}
        if immutable:
            # Read-only media: no -shm can be made beside the file, and nobody can change it.
            query["immutable"] = "1"
        url = URL.create("sqlite", database=sqlite_uri(path), query=query)
        # hide_parameters: error text must never carry the values a rep typed into the log.
        engine = create_engine(url, future=True, hide_parameters=True)
        _configure(engine, read_only=read_only)
        db = cls(path, engine, read_only=read_only)
        try:
            migrate.check_version(engine)
            if not read_only:
                revision = migrate.current_revision(engine)
                if revision is None and not create:
                    raise NotAPursuitDatabase(f"{path} holds no Pursuit database")
                if revision is not None and migrate.needs_upgrade(engine):
                    backup.backup_before_migration(path)
                migrate.upgrade(engine)
                with db.write() as session:
                    sync_meta.ensure_site(session, str(path))
        except (OperationalError, DatabaseError) as exc:
            db.close()
            raise translate_error(exc) or NotAPursuitDatabase(str(exc)) from exc
        except StorageError:
            db.close()
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
        """A read-only snapshot (deferred BEGIN in WAL mode).

        Raises DatabaseMissing when the file was deleted or moved while open: a pooled
        connection would go on reading the unlinked file as if nothing had happened.
        """
        if not self.path.exists():
            raise DatabaseMissing(f"{self.path} was deleted or moved")
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
        self._let_go()


def _check_header(path: Path, *, empty_ok: bool) -> None:
    """Refuse a file that is not SQLite at all before SQLAlchemy touches it.

    An empty file becomes a database only when the caller creates one (`demo`); reading it, or
    backing it up, must not turn it into one.
    """
    if path.stat().st_size == 0:
        if empty_ok:
            return
        raise NotAPursuitDatabase(f"{path} is an empty file")
    head = files.read_head(path, 16)
    if head is not None and head != b"SQLite format 3\x00":
        raise NotAPursuitDatabase(f"{path} is not an SQLite database")


def sqlite_uri(path: Path) -> str:
    """`path` as an SQLite URI file name (`?`, `#`, `%` and spaces in a name are escaped)."""
    posix = path.as_posix()
    return "file:" + ("/" if not posix.startswith("/") else "") + quote(posix, safe="/:")


def _create_file(path: Path) -> None:
    """Make the new, empty database file; the engine then only ever opens existing files."""
    try:
        sqlite3.connect(path).close()
    except sqlite3.Error as exc:
        raise translate_error(exc) or StorageError(str(exc)) from exc
    if not path.exists():  # sqlite3 creates the file lazily on some builds: make sure
        path.touch()

"""The conditions a database can be refused for, and SQLite's failures mapped onto them.

Why its own module: the start-up's first look at a database (`storage.first_look`) and the error
messages of the UI need these names before SQLAlchemy is imported; `storage.db`, which imports it,
gives the same classes under its own names.
"""

from __future__ import annotations


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

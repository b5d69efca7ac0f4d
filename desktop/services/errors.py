"""Errors a caller shows to the user. `code` picks the message; `field` names the bad input."""

from __future__ import annotations

from desktop.storage.errors import (
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    NotAPursuitDatabase,
    StorageError,
    translate_error,
)

__all__ = [
    "DatabaseMissing",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "DiskFull",
    "InvalidInput",
    "NotAPursuitDatabase",
    "NotFound",
    "StorageError",
    "translate_error",
]


class InvalidInput(ValueError):
    """A value the rules refuse. Nothing was saved."""

    def __init__(self, field: str, code: str, message: str = "") -> None:
        super().__init__(message or f"{field}: {code}")
        self.field = field
        self.code = code


class NotFound(LookupError):
    """The record is gone (deleted elsewhere, or never existed)."""

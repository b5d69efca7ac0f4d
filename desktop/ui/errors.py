"""Errors shown to the user: what happened, what did not change, what to do. Logged in full."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.infra import paths
from desktop.services.errors import InvalidInput, NotFound, StorageError

log = logging.getLogger(__name__)


def message_for(exc: BaseException) -> str:
    """The user's message for an exception (translated)."""
    code = getattr(exc, "code", "")
    storage = {
        "db_missing": QCoreApplication.translate(
            "Errors", "The database file is missing or was moved. Nothing was changed."
        ),
        "not_pursuit_db": QCoreApplication.translate(
            "Errors", "This file is not a Pursuit database. Nothing was changed."
        ),
        "db_too_new": QCoreApplication.translate(
            "Errors",
            "This database was written by a newer version of Pursuit. Please update "
            "the program. Nothing was changed.",
        ),
        "db_read_only": QCoreApplication.translate(
            "Errors", "The database is read-only, so the change was not saved."
        ),
        "disk_full": QCoreApplication.translate(
            "Errors",
            "The disk is full, so the change was not saved. Free some space and try again.",
        ),
    }
    if isinstance(exc, StorageError):
        return storage.get(
            code,
            QCoreApplication.translate(
                "Errors", "The database could not be used. Nothing was changed."
            ),
        )
    if isinstance(exc, InvalidInput):
        return QCoreApplication.translate(
            "Errors", "Invalid value: {0}. Nothing was saved."
        ).format(exc.field)
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "Errors", "This item no longer exists (it may have been deleted). Nothing was changed."
        )
    return QCoreApplication.translate(
        "Errors", "Something went wrong. Nothing was changed. Details are in {0}."
    ).format(str(paths.log_file()))


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    log.error("operation failed", exc_info=exc)
    if QApplication.instance() is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Errors", "Pursuit"),
        message_for(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("error_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)
    box.finished.connect(lambda *_: _forget(box))
    box.destroyed.connect(lambda *_: _forget(box))  # also when its window goes first
    box.open()  # never exec(): a modal loop would freeze tests and hide the window behind it


# Boxes on screen (a parentless one would otherwise be garbage-collected while shown).
_open_boxes: list[QMessageBox] = []


def _forget(box: QMessageBox) -> None:
    if box in _open_boxes:
        _open_boxes.remove(box)


def open_error_boxes() -> list[QMessageBox]:
    """The error boxes still on screen (tests read and close them)."""
    return [box for box in _open_boxes if shiboken6.isValid(box)]

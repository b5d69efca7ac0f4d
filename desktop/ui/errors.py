"""Errors shown to the user: what happened, what did not change, what to do. Logged in full.

`ctx.perform` sends every failure here. Most get the app's standard message for their kind; a
refusal (InvalidInput) that a service's own screen explains better — a reports-to loop on the
stakeholder map — is looked up in `REFUSALS` by the service's module and the refused (field, code).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.infra import paths
from desktop.services.errors import InvalidInput, NotFound, StorageError

log = logging.getLogger(__name__)


def _stakeholder_map_refusals() -> Mapping[tuple[str, str], str]:
    return {
        ("name", "required"): QCoreApplication.translate(
            "StakeholderMapMessages", "A person needs a name. The previous name was kept."
        ),
        ("reports_to_id", "loop"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "That would make a loop in the org chart: the chosen manager already reports to "
            "this person, directly or through others. Nothing was changed.",
        ),
        ("reports_to_id", "other_pursuit"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "The manager must be on this pursuit's map. Nothing was changed.",
        ),
        ("to_id", "self_link"): QCoreApplication.translate(
            "StakeholderMapMessages", "A person cannot be linked to themselves."
        ),
        ("to_id", "other_pursuit"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "Both people must be on this pursuit's map. Nothing was changed.",
        ),
        ("link_kind", "duplicate"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "These two people are already linked this way. Nothing was changed.",
        ),
        ("source", "same_pursuit"): QCoreApplication.translate(
            "StakeholderMapMessages", "This person is already on this map."
        ),
        ("source", "other_account"): QCoreApplication.translate(
            "StakeholderMapMessages",
            "Only people from other pursuits of the same account can be reused.",
        ),
    }


def _pursuit_edit_refusals() -> Mapping[tuple[str, str], str]:
    # Today moving a next step that has a date but no words (an older database holds some).
    needs_action = QCoreApplication.translate(
        "Errors",
        "A next step's date needs its action: write on the pursuit's overview what is to "
        "be done. Nothing was saved.",
    )
    return {
        ("next_step", "needs_action"): needs_action,
        ("next_step_due", "needs_action"): needs_action,
    }


# Per service module, the refusals its screen words itself: (field, code) -> message. Built on
# each use, so that a change of language shows at once.
REFUSALS: dict[str, Callable[[], Mapping[tuple[str, str], str]]] = {
    "desktop.services.stakeholder_map": _stakeholder_map_refusals,
    "desktop.services.pursuit_edits": _pursuit_edit_refusals,
}


def refusal_message(exc: InvalidInput, service: str) -> str | None:
    """The screen's own words for a refused input to `service`, or None for the standard ones."""
    table = REFUSALS.get(service)
    return None if table is None else table().get((exc.field, exc.code))


def message_for(exc: BaseException, service: str = "") -> str:
    """The user's message for an exception (translated) raised by a function of `service`."""
    if isinstance(exc, InvalidInput):
        explained = refusal_message(exc, service)
        if explained is not None:
            return explained
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
        return invalid_input_message(exc)
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "Errors", "This item no longer exists (it may have been deleted). Nothing was changed."
        )
    return QCoreApplication.translate(
        "Errors", "Something went wrong. Nothing was changed. Details are in {0}."
    ).format(str(paths.log_file()))


def _field_names() -> Mapping[str, str]:
    """The words for the fields a service refuses (its InvalidInput.field is a column name)."""
    return {
        "name": QCoreApplication.translate("Errors", "The name"),
        "title": QCoreApplication.translate("Errors", "The title"),
        "subject": QCoreApplication.translate("Errors", "The subject"),
        "body": QCoreApplication.translate("Errors", "The text"),
        "account": QCoreApplication.translate("Errors", "The account"),
        "account_id": QCoreApplication.translate("Errors", "The account"),
        "company": QCoreApplication.translate("Errors", "The company"),
        "owner": QCoreApplication.translate("Errors", "The owner"),
        "stage": QCoreApplication.translate("Errors", "The stage"),
        "status": QCoreApplication.translate("Errors", "The status"),
        "amount": QCoreApplication.translate("Errors", "The amount"),
        "currency": QCoreApplication.translate("Errors", "The currency"),
        "expected_close": QCoreApplication.translate("Errors", "The expected close date"),
        "next_step_due": QCoreApplication.translate("Errors", "The next step's due date"),
        "due_on": QCoreApplication.translate("Errors", "The due date"),
        "date": QCoreApplication.translate("Errors", "The date"),
        "starts_at": QCoreApplication.translate("Errors", "The start time"),
        "duration_minutes": QCoreApplication.translate("Errors", "The duration"),
        "tag": QCoreApplication.translate("Errors", "The tag"),
        "passphrase": QCoreApplication.translate("Errors", "The passphrase"),
        "need": QCoreApplication.translate("Errors", "The need"),
        "objective": QCoreApplication.translate("Errors", "The objective"),
        "next_steps": QCoreApplication.translate("Errors", "The next steps"),
        "email": QCoreApplication.translate("Errors", "The email address"),
        "phone": QCoreApplication.translate("Errors", "The phone number"),
    }


def invalid_input_message(exc: InvalidInput) -> str:
    """A refused value in words: which field and why, never the service's field or code names
    (`title`, `out_of_range`), which mean nothing to a rep."""
    field = _field_names().get(exc.field)
    if field is None:
        return QCoreApplication.translate("Errors", "A value was not accepted. Nothing was saved.")
    reasons = {
        "required": QCoreApplication.translate("Errors", "{0} is required. Nothing was saved."),
        "too_long": QCoreApplication.translate("Errors", "{0} is too long. Nothing was saved."),
        "bad_date": QCoreApplication.translate(
            "Errors", "{0} is not a valid date. Nothing was saved."
        ),
        "bad_datetime": QCoreApplication.translate(
            "Errors", "{0} is not a valid date and time. Nothing was saved."
        ),
        "out_of_range": QCoreApplication.translate(
            "Errors", "{0} is out of range. Nothing was saved."
        ),
        "duplicate": QCoreApplication.translate(
            "Errors", "{0} is already in use. Nothing was saved."
        ),
        "too_short": QCoreApplication.translate("Errors", "{0} is too short. Nothing was saved."),
    }
    text = reasons.get(
        exc.code, QCoreApplication.translate("Errors", "{0} was not accepted. Nothing was saved.")
    )
    return text.format(field)


def show_error(parent: QWidget | None, exc: BaseException, service: str = "") -> None:
    """Tell the user about a failure of a function of `service` (a module name), over `parent`."""
    if isinstance(exc, InvalidInput) and refusal_message(exc, service) is not None:
        # A refusal the screen explains is an answer, not a fault: over the window in use.
        log.info("input refused by %s: %s (%s)", service, exc.field, exc.code)
        parent = parent or QApplication.activeWindow()
    else:
        log.error("operation failed", exc_info=exc)
    _open(parent, message_for(exc, service), "error_box")


def show_message(parent: QWidget | None, text: str) -> None:
    """A warning that is no exception (nothing to reuse, an export that could not be written)."""
    _open(parent or QApplication.activeWindow(), text, "message_box")


def _open(parent: QWidget | None, text: str, name: str) -> None:
    if QApplication.instance() is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Errors", "Pursuit"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName(name)
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
    """The error and warning boxes still on screen (tests read and close them)."""
    return [box for box in _open_boxes if shiboken6.isValid(box)]

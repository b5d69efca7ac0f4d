"""Purge… (永久清除): blank a pursuit or a person for good, here and through sync everywhere.

The one place the app asks "are you sure?" (UI-GUIDE.md, "Feel"): a purge cannot be undone, and
every computer that imports this database's files blanks the record too. The question names the
record and says so; Cancel is the default.

After a purge the undo stack is cleared. Its commands hold the purged content in memory (the
"before" values of earlier edits, a deleted person's fields to put back), and undoing one would
write that content into the purged record again — here, where the purge was meant to remove it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from desktop.services.changes import Changes
from desktop.services.sync import purge
from desktop.ui.context import AppContext, OperationFailed

KINDS = ("pursuit", "stakeholder")


def _texts(kind: str, name: str) -> tuple[str, str]:
    """The question and what follows from it, for one kind of record."""
    if kind == "pursuit":
        question = (
            QCoreApplication.translate(
                "PurgeConfirmation", 'Purge the pursuit "{0}" for good?'
            ).format(name)
            if name
            else QCoreApplication.translate("PurgeConfirmation", "Purge this pursuit for good?")
        )
        what = QCoreApplication.translate(
            "PurgeConfirmation",
            "Everything in it is blanked: its stakeholders, buying criteria, visits, notes and "
            "answers.",
        )
    else:
        question = (
            QCoreApplication.translate("PurgeConfirmation", "Purge {0} for good?").format(name)
            if name
            else QCoreApplication.translate("PurgeConfirmation", "Purge this person for good?")
        )
        what = QCoreApplication.translate(
            "PurgeConfirmation",
            "Everything about this person is blanked: contact details, roles, relationship "
            "plan and links.",
        )
    undo = QCoreApplication.translate(
        "PurgeConfirmation", "This cannot be undone, and the undo history is cleared."
    )
    spread = QCoreApplication.translate(
        "PurgeConfirmation",
        "Through sync the purge reaches every other computer: each one that imports your "
        "files blanks it too.",
    )
    backups = QCoreApplication.translate(
        "PurgeConfirmation", "Earlier backups of this database still contain it."
    )
    instead = QCoreApplication.translate(
        "PurgeConfirmation", "If you may want it back, use Delete instead."
    )
    # Three short paragraphs: what goes and that it is for good; that it spreads; what remains.
    text = "\n\n".join((_sentences(what, undo), spread, _sentences(backups, instead)))
    return question, text


def _sentences(*parts: str) -> str:
    """Sentences in a row: Chinese ones follow each other without a space."""
    text = parts[0]
    for sentence in parts[1:]:
        text += ("" if text.endswith(("。", "！", "？")) else " ") + sentence
    return text


class _PurgeBox(QMessageBox):
    """The question, keeping its Purge button at hand (tests press it through qtbot)."""

    purge_button: QPushButton


def confirm_purge(
    ctx: AppContext,
    kind: str,
    record_id: str,
    name: str,
    parent: QWidget | None,
    done: Callable[[Changes], None] | None = None,
) -> QMessageBox:
    """Ask (window-modal, never `exec`), then purge on "Purge" and clear the undo stack.

    Returns the box on screen: tests press its `purge_button` or Cancel through qtbot.
    `done(changes)` runs after a purge that went through.
    """
    if kind not in KINDS:
        raise ValueError(f"no purge offered for {kind!r}")
    question, details = _texts(kind, name)
    box = _PurgeBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("PurgeConfirmation", "Purge"),
        question,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("confirm_purge")
    box.setInformativeText(details)
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if informative is not None:  # a readable measure instead of a narrow column
        informative.setMinimumWidth(informative.fontMetrics().averageCharWidth() * 56)
    button = box.addButton(
        QCoreApplication.translate("PurgeConfirmation", "Purge"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    button.setObjectName("purge_button")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.purge_button = button

    def finished(_result: int) -> None:
        if box.clickedButton() is not button:
            return
        changes = purge_now(ctx, kind, record_id, name, parent)
        if changes is not None and done is not None:
            done(changes)

    box.finished.connect(finished)
    box.open()
    return box


def purge_now(
    ctx: AppContext, kind: str, record_id: str, name: str, parent: QWidget | None
) -> Changes | None:
    """Purge through `ctx.perform` (screens refresh from its Changes), then clear undo."""
    try:
        changes = ctx.perform_in(parent, purge.purge, kind, record_id)
    except OperationFailed:
        return None
    ctx.undo_stack.clear()
    window = parent.window() if parent is not None else None
    status = getattr(window, "statusBar", None)
    if status is not None:
        status().showMessage(
            QCoreApplication.translate("PurgeConfirmation", '"{0}" was purged.').format(name)
            if name
            else QCoreApplication.translate("PurgeConfirmation", "Purged."),
            10000,
        )
    return changes

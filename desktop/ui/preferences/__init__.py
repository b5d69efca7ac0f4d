"""Preferences (设置, Ctrl+,): the dialog, and its place in the Edit menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QKeySequence

from desktop.ui.common.icons import icon


def open_preferences(window: Any) -> Any:
    """Show the dialog (not modal-blocking: opened with open())."""
    from desktop.ui.preferences.dialog import PreferencesDialog

    dialog = PreferencesDialog(window.ctx, window)
    # The window is rebuilt in the new language once the dialog has gone.
    dialog.language_chosen.connect(
        lambda code: QTimer.singleShot(0, lambda: window.language_requested.emit(code))
    )
    dialog.finished.connect(dialog.deleteLater)
    window.preferences_dialog = dialog
    dialog.open()
    return dialog


def install(window: Any) -> None:
    """Edit ▸ Preferences… (Ctrl+,; the application menu on macOS)."""
    action = QAction(
        icon("settings"), QCoreApplication.translate("Preferences", "&Preferences…"), window
    )
    action.setObjectName("action_preferences")
    keys = [QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]
    unique = []
    for key in keys:
        if not key.isEmpty() and key not in unique:
            unique.append(key)
    action.setShortcuts(unique)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda _c=False: open_preferences(window))
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(action)
    window.preferences_action = action

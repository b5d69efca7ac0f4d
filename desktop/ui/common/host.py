"""What a screen or a plug-in may ask of the window that hosts it, without importing it.

The main window is the composition root: it imports every screen. A screen or an extension
(backup, sync) that needs the window's menus, status bar or navigation types it as `WindowHost`,
so no module under a screen's package imports `desktop.ui.main_window`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

if TYPE_CHECKING:
    from desktop.ui.context import AppContext


class WindowHost(Protocol):
    """The main window as its screens and extensions see it."""

    ctx: AppContext
    file_menu: QMenu
    file_extra_anchor: QAction
    edit_menu: QMenu
    screens: dict[str, QWidget]

    def statusBar(self) -> QStatusBar: ...

    # `QWidget.window()`: the host itself as a widget, the parent of the dialogs and actions it
    # owns (a Protocol cannot say "is a QMainWindow").
    def window(self) -> QWidget: ...

    def show_screen(self, key: str) -> QWidget | None: ...

    def has_screen(self, key: str) -> bool: ...

    def open_pursuit(self, pursuit_id: str, tab: str | None = None) -> bool: ...

    # The pursuit open or selected on the screen shown (its `current_pursuit_id`), else None.
    def current_pursuit(self) -> str | None: ...

    def note_backup(self, when: datetime | None) -> None: ...

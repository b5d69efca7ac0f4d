"""Global search (Ctrl+K, and the box at the right of the toolbar): pursuits, accounts,
stakeholders, visits, coaching answers and notes, through the FTS5 index of services.search."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QToolBar, QWidget

from desktop.services.search import Hit
from desktop.ui.common.icons import icon
from desktop.ui.search.popup import SearchPopup

SHORTCUT = "Ctrl+K"


class SearchBox(QLineEdit):
    """The toolbar's search box: it only opens the popup (which does the searching). A click
    or a keystroke opens it; Tab passes through the box like through any field, so a rep
    moving by keyboard is not caught in the popup on the way to the screen."""

    def __init__(self, open_popup: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolbar_search")
        self.open_popup = open_popup
        self.setPlaceholderText(
            QCoreApplication.translate("Search", "Search  {0}").format(
                QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setFixedWidth(260)
        self.setToolTip(
            QCoreApplication.translate("Search", "Search everything ({0})").format(SHORTCUT)
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.open_popup(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() and event.text().isprintable():
            self.open_popup(self.text() + event.text())
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: Any) -> None:  # Chinese typed through an input method
        if event.commitString():
            self.open_popup(self.text() + event.commitString())
            return
        super().inputMethodEvent(event)


class _Opener(QObject):
    """Keeps the popup and jumps to what was chosen."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.popup = SearchPopup(window.ctx, window)
        self.popup.activated.connect(self.jump)
        self.box: SearchBox | None = None

    def open(self, text: str = "") -> None:
        anchor = self.box if self.box is not None and self.box.isVisible() else None
        self.popup.popup(text, anchor)

    def jump(self, hit: Hit) -> bool:
        return jump(self.window, hit)


def jump(window: Any, hit: Hit) -> bool:
    """Show `hit` where it lives: a pursuit's workspace (on the right tab), the account's page,
    the visit in Visits. Falls back to the board when there is no pursuit workspace."""

    def pursuit(pursuit_id: str | None, tab: str | None = None) -> bool:
        if not pursuit_id:
            return False
        opener = getattr(window, "open_pursuit", None)
        if opener is not None and opener(pursuit_id, tab):
            return True
        return bool(window.open_item("pursuit", pursuit_id))

    if hit.kind == "pursuit":
        return pursuit(hit.id)
    if hit.kind == "account":
        return bool(window.open_item("account", hit.id))
    if hit.kind == "visit":
        return bool(window.open_item("visit", hit.id)) or pursuit(hit.pursuit_id, "visits")
    if hit.kind == "stakeholder":
        return pursuit(hit.pursuit_id, "stakeholders")
    if hit.kind == "coaching_answer":
        return pursuit(hit.pursuit_id, "coaching")
    return pursuit(hit.pursuit_id, "overview")  # a note: its pursuit's overview


def install(window: Any) -> None:
    """Edit ▸ Search everything… (Ctrl+K) and the search box at the right of the toolbar."""
    opener = _Opener(window)
    window.search = opener
    action = QAction(
        icon("search"), QCoreApplication.translate("Search", "Search everything…"), window
    )
    action.setObjectName("action_search")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _c=False: opener.open())
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(action)
    window.search_action = action

    bar = QToolBar(QCoreApplication.translate("Search", "Search"), window)
    bar.setObjectName("search_toolbar")
    bar.setMovable(False)
    bar.setFloatable(False)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    box = SearchBox(opener.open)
    bar.addWidget(box)
    opener.box = box
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.search_box = box

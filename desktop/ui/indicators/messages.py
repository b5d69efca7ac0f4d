"""The line above the grid that says what happened: a refused paste or edit, an export, an undo
hint — and the wording of a refusal, which names the row, the column and the reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.services.indicators import MAX_PASTE_ROWS, CellRefused


class MessageBar(QFrame):
    """A line above the grid that says what happened (a refused paste, an export)."""

    STYLES = {
        "warning": "background: #FFF4E5; border: 1px solid #F5B041; color: #5D4037;",
        "info": "background: #EAF2FD; border: 1px solid #90B4E8; color: #1A3A63;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.label = QLabel()
        self.label.setObjectName("message_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setAutoRaise(True)
        close.setText("✕")
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.kind = ""
        # The refusal shown last: it goes once an edit goes through (the fault is fixed), while
        # another message that replaced it stays.
        self._refusal = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        self.label.setText(text)
        self.setStyleSheet(f"QFrame#message_bar {{ {self.STYLES[kind]} border-radius: 4px; }}")
        self.show()
        if kind == "info":
            self._timer.start(8000)
        else:
            self._timer.stop()

    def show_refusal(self, text: str) -> None:
        """A refused edit or paste: up until it is dismissed or an edit goes through."""
        self.show_message(text, "warning")
        self._refusal = text

    def edit_went_through(self) -> None:
        """An edit was saved: a refusal still shown is out of date (a valid value was typed)."""
        if self._refusal and self.isVisible() and self.label.text() == self._refusal:
            self.hide()
        self._refusal = ""

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def refusal_text(
        self, refused: CellRefused, *, title: str, classes: str, pasted: bool = False
    ) -> str:
        """Where (row and column `title`), why, and that nothing changed. `classes` lists the
        class labels a cell of the override column accepts."""
        if refused.row is not None:
            where = self.tr('Row {0}, column "{1}"').format(refused.row + 1, title)
        else:
            where = self.tr('Column "{0}"').format(title)
        value = "" if refused.value is None else str(refused.value)
        if refused.code == "not_a_score":
            reason = self.tr('"{0}" is not a whole number from 1 to 5').format(value)
        elif refused.code == "required" and refused.column == "name":
            reason = self.tr("a criterion needs a name")
        elif refused.code == "required":
            reason = self.tr("the importance cannot be empty")
        elif refused.code == "unknown_class":
            reason = self.tr('"{0}" is not a class ({1})').format(value, classes)
        elif refused.code == "too_many_rows":
            reason = self.tr("the block has more than {0} rows").format(MAX_PASTE_ROWS)
        elif refused.code == "read_only":
            reason = self.tr("this column is computed and cannot be typed into")
        else:
            reason = self.tr('"{0}" cannot be used here').format(value)
        tail = self.tr("Nothing was pasted.") if pasted else self.tr("Nothing was changed.")
        return self.tr("{0}: {1}. {2}").format(where, reason, tail)

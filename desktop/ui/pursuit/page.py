"""The base of the workspace's own sections: a scrolling page that shows one pursuit."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop.ui.context import AppContext
from desktop.ui.pursuit.editing import Autosaver
from desktop.ui.pursuit.widgets import ErrorLabel


class SectionPage(QScrollArea):
    """A section of the pursuit workspace (Overview, Coaching …).

    Subclasses build their widgets in `__init__`, fill them in `load()` from services (called on
    `set_pursuit` and after every change the workspace hears of), and may jump to a field with
    `focus_target`. They translate with their own `self.tr` (this base class has no strings).
    """

    def __init__(self, ctx: AppContext, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.autosaver = autosaver
        self.pursuit_id: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.content.setObjectName("section_content")
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(18, 14, 18, 18)
        self.column.setSpacing(12)
        self.setWidget(self.content)

    def set_pursuit(self, pursuit_id: str) -> None:
        if pursuit_id != self.pursuit_id:
            self.autosaver.flush()
            self.pursuit_id = pursuit_id
            self.reset()
        self.load()

    def reset(self) -> None:
        """Forget the previous pursuit's per-record widgets (bindings included)."""

    def load(self) -> None:
        raise NotImplementedError

    def focus_target(self, target: str) -> bool:
        """Scroll to and focus the field or block called `target`; False when there is none."""
        widget = self.content.findChild(QWidget, target)
        if widget is None:
            return False
        self.reveal(widget)
        return True

    def reveal(self, widget: QWidget) -> None:
        def go() -> None:
            self.ensureWidgetVisible(widget, 40, 60)
            widget.setFocus()

        QTimer.singleShot(0, go)


def with_error(widget: QWidget, name: str) -> tuple[QWidget, ErrorLabel]:
    """The editor and the message line under it, as one cell of a form."""
    widget.setObjectName(name)
    cell = QWidget()
    box = QVBoxLayout(cell)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(widget)
    error = ErrorLabel()
    error.setObjectName(f"{name}_error")
    box.addWidget(error)
    return cell, error


def form() -> QFormLayout:
    layout = QFormLayout()
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    layout.setHorizontalSpacing(12)
    layout.setVerticalSpacing(6)
    return layout

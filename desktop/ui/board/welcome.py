"""The board's first-run note: on a database without pursuits the board still shows its eight
columns — the method's stages with their names, milestones and win rates, which a new rep should
see first — and this note over them says what the columns are and offers the first action (a new
pursuit, or demo data to see the board at work).

A floating frame over the columns, like the no-match note: the board stays one model/view, and
the note's text wraps in a width it is given, so neither language is clipped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

MAX_WIDTH = 520


class WelcomeNote(QFrame):
    new_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget, top: Callable[[], int]) -> None:
        super().__init__(parent)
        self.setObjectName("board_empty")
        self._top = top
        self.title = QLabel(self.tr("Start with your first pursuit"))
        self.title.setObjectName("board_empty_title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.text = QLabel(
            self.tr(
                "The eight columns are the stages of the method, each with its milestone and win "
                "rate. Add a pursuit you are working on and move it along as the customer reaches "
                "each milestone, or load demo data to see the board at work."
            )
        )
        self.text.setObjectName("board_empty_text")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New pursuit"))
        self.new_button.setObjectName("empty_new")
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_requested)
        self.demo_button = QPushButton(self.tr("Load demo data"))
        self.demo_button.setObjectName("empty_demo")
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(28, 20, 28, 20)
        box.setSpacing(10)
        box.addWidget(self.title)
        box.addWidget(self.text)
        box.addSpacing(4)
        box.addLayout(buttons)
        parent.installEventFilter(self)
        self.hide()

    def place(self) -> None:
        """Centred over the columns, below their heads, as wide as the text reads well."""
        host = self.parentWidget()
        if host is None:
            return
        width = max(220, min(MAX_WIDTH, host.width() - 32))
        layout = self.layout()
        height = layout.heightForWidth(width) if layout is not None else -1
        if height < 0:
            height = self.sizeHint().height()
        top = max(8, min(self._top(), host.height() - height - 8))
        self.setGeometry((host.width() - width) // 2, top, width, height)

    def showEvent(self, event: QShowEvent) -> None:
        self.place()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()

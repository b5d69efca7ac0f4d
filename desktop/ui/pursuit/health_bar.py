"""The deal-health strip at the top of the workspace: every red flag, each a link to its fix."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop.domain.health import AMBER, RedFlag
from desktop.ui.pursuit.widgets import AMBER as AMBER_COLOR
from desktop.ui.pursuit.widgets import GREEN, RED, FlowLayout, check_icon, flag_icon

PAD = 8  # above and below the chips, while the bar has the room


class HealthBar(QFrame):
    """风险提示: the coach's red flags, always in sight; clicking one opens the place to fix it."""

    flag_clicked = Signal(object)  # RedFlag

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("health_bar")
        self.lang = lang
        self.flags: list[RedFlag] = []
        self.buttons: list[QToolButton] = []
        self.title = QLabel()
        self.title.setObjectName("health_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.icon = QLabel()
        self.icon.setFixedSize(18, 18)
        self.flow_host = QWidget()
        self.flow = FlowLayout(self.flow_host, spacing=6)
        self.flow_host.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # On a short window the chips that do not fit fold into "+N", a menu of the rest: never
        # a chip cut in half.
        self.more = QToolButton()
        self.more.setObjectName("flags_more")
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.setStyleSheet(
            f"QToolButton {{ border: 1px solid {RED}; border-radius: 11px;"
            f" padding: 2px 10px; color: {RED}; background: palette(base); }}"
            "QToolButton::menu-indicator { image: none; }"
            "QToolButton:focus { border: 2px solid palette(highlight); padding: 1px 9px; }"
        )
        self.more.setMenu(QMenu(self.more))
        self.flow.set_overflow(self.more)
        self.flow.on_fold = self._folded
        row = QHBoxLayout(self)
        row.setContentsMargins(12, PAD, 12, PAD)
        self.row = row
        row.setSpacing(8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.title, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.flow_host, 1)
        self.set_flags([])

    # Squeezed below its minimum (a page whose tabs ask for more than the window has: the
    # Timeline at 1280×720 and 200 %), the bar gives up its padding before its chips, which then
    # stay whole; what it asks of the layout stays what it needs with the padding, so giving it
    # up never makes the layout squeeze it further.
    def resizeEvent(self, event: QResizeEvent) -> None:
        chip = self.more.height() if self.buttons else 0
        spare = event.size().height() - 2 * self.frameWidth() - chip
        pad = max(0, min(PAD, spare // 2))
        if pad != self.row.contentsMargins().top():
            self.row.setContentsMargins(12, pad, 12, pad)
        super().resizeEvent(event)

    def _lost_padding(self) -> int:
        return 2 * (PAD - self.row.contentsMargins().top())

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint() + QSize(0, self._lost_padding())

    def sizeHint(self) -> QSize:
        return super().sizeHint() + QSize(0, self._lost_padding())

    def heightForWidth(self, width: int) -> int:
        return super().heightForWidth(width) + self._lost_padding()

    def set_flags(self, flags: list[RedFlag]) -> None:
        self.flags = list(flags)
        for button in self.buttons:
            self.flow.removeWidget(button)
            button.hide()  # gone now, not only once the event loop deletes it
            button.deleteLater()
        self.buttons = []
        if not flags:
            self.icon.setPixmap(check_icon(GREEN).pixmap(QSize(16, 16)))
            self.title.setText(self.tr("No red flags: the deal follows the method."))
            self.title.setStyleSheet(f"color: {GREEN};")
            self.setStyleSheet(
                "#health_bar { border: 1px solid #A5D6A7; border-radius: 8px;"
                " background: rgba(46, 125, 50, 0.06); }"
            )
            return
        self.icon.setPixmap(flag_icon(RED).pixmap(QSize(16, 16)))
        self.title.setText(self.tr("Red flags ({0}):").format(len(flags)))
        self.title.setStyleSheet(f"color: {RED};")
        self.setStyleSheet(
            "#health_bar { border: 1px solid #EF9A9A; border-radius: 8px;"
            " background: rgba(211, 47, 47, 0.05); }"
        )
        for flag in flags:
            color = AMBER_COLOR if flag.level == AMBER else RED
            button = QToolButton()
            button.setObjectName(f"flag_{flag.code}")
            button.setText(flag.reason(self.lang) + "  ›")
            button.setIcon(flag_icon(color))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(self.tr("Open the place to fix this"))
            button.setStyleSheet(
                f"QToolButton {{ border: 1px solid {color}; border-radius: 11px;"
                f" padding: 2px 10px 2px 6px; color: {color}; background: palette(base); }}"
                f"QToolButton:hover {{ background: {color}; color: white; }}"
                # Tab reaches the chips: a focus ring, the padding one less to keep their size.
                "QToolButton:focus { border: 2px solid palette(highlight);"
                " padding: 1px 9px 1px 5px; }"
            )
            button.clicked.connect(lambda _=False, f=flag: self.flag_clicked.emit(f))
            self.flow.addWidget(button)
            self.buttons.append(button)
        # "+N" has no icon: left to its text it stood a pixel or two shorter than the flags on
        # its line, its border cut off from theirs. As tall as they are, it reads as one of them.
        self.more.setFixedHeight(max(button.sizeHint().height() for button in self.buttons))
        self.flow_host.updateGeometry()

    def _folded(self, widgets: list[QWidget]) -> None:
        """Name the folded flags on the "+N" chip's menu, each opening its fix like its chip."""
        flags = [self.flags[self.buttons.index(w)] for w in widgets if w in self.buttons]
        self.more.setText(f"+{len(flags)}")
        self.more.setToolTip("\n".join(flag.reason(self.lang) for flag in flags))
        menu = self.more.menu()
        assert menu is not None  # given in __init__
        menu.clear()
        for flag in flags:
            color = AMBER_COLOR if flag.level == AMBER else RED
            action = menu.addAction(flag_icon(color), flag.reason(self.lang))
            action.triggered.connect(lambda _=False, f=flag: self.flag_clicked.emit(f))

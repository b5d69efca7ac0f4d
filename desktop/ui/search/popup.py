"""The search popup (Ctrl+K or the toolbar box): type, see results grouped by kind, Enter jumps.

Each group shows its best few and says how many match in all; when there are more, its last row
"Show all N…" lists the rest of that kind in the popup (until the query changes).

Keys: ↑ / ↓ (and Page Up / Down, Home / End) move between results, skipping the group headers;
Enter opens the chosen one in its screen (or on "Show all", shows them); Esc closes. A keystroke
searches at once (the index answers in milliseconds); keystrokes that arrive together are
searched once.
"""

from __future__ import annotations

import logging
import time
from collections import Counter

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import search
from desktop.services.search import Hit
from desktop.ui.common.icons import icon
from desktop.ui.context import AppContext
from desktop.ui.search.delegate import ResultDelegate
from desktop.ui.search.model import HitRole, MoreRole, ResultsModel

log = logging.getLogger(__name__)
PER_KIND = 8  # results shown per kind, until "Show all"
WIDTH = 620


class SearchPopup(QFrame):
    """A floating search field with its results under it."""

    activated = Signal(object)  # the Hit chosen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("search_popup")
        self.ctx = ctx
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.last_search_ms = 0.0  # how long the last search took (benchmarks read it)
        self.expanded: tuple[str, str] | None = None  # (query, kind) whose all are shown
        # Where focus was when the popup opened: Esc (or a click away) gives it back there,
        # not to whatever Qt picks in the window. A choice jumps elsewhere and keeps its own.
        self._return_to: QWidget | None = None
        self._chosen = False

        self.field = QLineEdit()
        self.field.setObjectName("search_field")
        self.field.setPlaceholderText(
            self.tr("Search pursuits, accounts, people, visits, answers and notes")
        )
        self.field.setClearButtonEnabled(True)
        self.field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        font = QFont(self.field.font())
        font.setPointSizeF(font.pointSizeF() + 2)
        self.field.setFont(font)
        self.field.setMinimumHeight(36)
        self.field.installEventFilter(self)

        self.model = ResultsModel(self)
        self.list = QListView()
        self.list.setObjectName("search_results")
        self.list.setModel(self.model)
        self.list.setItemDelegate(ResultDelegate(ctx.catalog, ctx.lang, self))
        self.list.setUniformItemSizes(False)
        self.list.setMouseTracking(True)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.clicked.connect(self._clicked)

        self.message = QLabel()
        self.message.setObjectName("search_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #6B7280; padding: 18px;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.message)
        self.pages.addWidget(self.list)
        self.hint = QLabel(self.tr("↑ ↓ to choose  ·  Enter to open  ·  Esc to close"))
        self.hint.setObjectName("search_hint")
        self.hint.setStyleSheet("color: #8A8F98; padding: 2px 8px 4px 8px;")
        small = QFont(self.hint.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        self.hint.setFont(small)

        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 4)
        box.setSpacing(6)
        box.addWidget(self.field)
        box.addWidget(self.pages, 1)
        box.addWidget(self.hint)
        self.resize(WIDTH, 120)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # coalesce keystrokes queued together, no waiting
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self._show_message("")

    # --- showing ---------------------------------------------------------------------------------
    def popup(self, text: str = "", anchor: QWidget | None = None) -> None:
        """Show under `anchor` (the toolbar box), or at the top centre of the window."""
        parent = self.parentWidget()
        if anchor is not None and anchor.isVisible():
            top_left = anchor.mapToGlobal(QPoint(anchor.width(), 0)) - QPoint(WIDTH, 0)
            top_left.setY(anchor.mapToGlobal(QPoint(0, 0)).y() - 8)
        elif parent is not None:
            window = parent.window()
            top_left = window.mapToGlobal(QPoint((window.width() - WIDTH) // 2, 60))
        else:
            top_left = QPoint(100, 100)
        if parent is not None:
            screen = parent.window().geometry()
            top_left.setX(max(screen.left() + 8, top_left.x()))
        self.move(top_left)
        if not self.isVisible():
            focus = QApplication.focusWidget()
            self._return_to = focus if focus is not None and focus.window() is not self else None
            self._chosen = False
        self.field.setText(text)
        self.field.setFocus()
        self.field.end(False)
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus()
        self.run_search()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        back, self._return_to = self._return_to, None
        if self._chosen or back is None or not shiboken6.isValid(back):
            return
        if back.isVisible() and back.isEnabled():
            back.window().activateWindow()
            back.setFocus(Qt.FocusReason.PopupFocusReason)

    def _fit(self) -> None:
        rows = self.model.rowCount()
        if rows and self.pages.currentWidget() is self.list:
            height = sum(self.list.sizeHintForRow(r) for r in range(rows)) + 4
            height = min(height, 520)
        else:
            height = 70
        self.pages.setFixedHeight(height)
        self.adjustSize()
        self.resize(WIDTH, self.sizeHint().height())

    def _show_message(self, text: str) -> None:
        if not text:
            text = self.tr(
                "Type a name, a word or a phone number. Chinese works with two characters or "
                "more; one character looks at names."
            )
        self.message.setText(text)
        self.pages.setCurrentWidget(self.message)
        self._fit()

    # --- searching -------------------------------------------------------------------------------
    def run_search(self) -> None:
        self._timer.stop()
        text = self.field.text().strip()
        if not text:
            self.model.clear()
            self._show_message("")
            return
        if self.expanded is not None and self.expanded[0] != text:
            self.expanded = None  # a new query shows the best few of each kind again
        started = time.perf_counter()
        try:
            hits, totals = self._find(text)
        except Exception:  # a broken index must not break typing
            log.exception("search failed")
            hits, totals = [], {}
        self.model.set_hits(hits, text, totals)
        if hits:
            self.pages.setCurrentWidget(self.list)
            self.select_row(self.model.hit_rows()[0])
            self._fit()
        else:
            self._show_message(self.tr('Nothing found for "{0}".').format(text))
        self.last_search_ms = (time.perf_counter() - started) * 1000

    def _find(self, text: str) -> tuple[list[Hit], dict[str, int]]:
        """The best few hits of each kind (all of the kind "Show all" chose) and, for the
        kinds whose few were all there was room for, how many match in all."""
        ws, lang = self.ctx.workspace, self.ctx.lang
        hits = search.search(ws, text, limit=PER_KIND, lang=lang)
        shown = Counter(hit.kind for hit in hits)
        full = tuple(kind for kind, n in shown.items() if n >= PER_KIND)
        totals = search.count(ws, text, full) if full else {}
        kind = self.expanded[1] if self.expanded is not None else None
        if kind is not None and totals.get(kind, 0) > PER_KIND:
            every = search.search(ws, text, limit=search.COUNT_CAP, lang=lang, kinds=(kind,))
            at = next(n for n, hit in enumerate(hits) if hit.kind == kind)
            hits = hits[:at] + every + hits[at + shown[kind] :]
        return hits, totals

    def show_all(self, kind: str) -> None:
        """List every match of `kind` (up to the count's cap) and choose the first one that
        was not shown before."""
        self.expanded = (self.field.text().strip(), kind)
        self.run_search()
        rows = [
            r for r in self.model.hit_rows() if self.model.index(r, 0).data(HitRole).kind == kind
        ]
        if len(rows) > PER_KIND:
            self.select_row(rows[PER_KIND])

    def current_hit(self) -> Hit | None:
        index = self.list.currentIndex()
        return index.data(HitRole) if index.isValid() else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def step(self, delta: int) -> None:
        """Move the choice `delta` results on (headers are skipped, the ends hold)."""
        rows = self.model.choice_rows()
        if not rows:
            return
        current = self.list.currentIndex().row()
        position = rows.index(current) if current in rows else -1
        position = max(0, min(len(rows) - 1, position + delta))
        if position == 0 and delta < 0:
            self.list.scrollToTop()  # show the first group's header too
        self.select_row(rows[position])

    # --- keys and clicks -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down:
                self.step(1)
                return True
            if key == Qt.Key.Key_Up:
                self.step(-1)
                return True
            if key == Qt.Key.Key_PageDown:
                self.step(6)
                return True
            if key == Qt.Key.Key_PageUp:
                self.step(-6)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activate_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)

    def _clicked(self, index: QModelIndex) -> None:
        self._choose(index)

    def activate_current(self) -> None:
        if self._timer.isActive():
            self.run_search()  # Enter right after typing: search first
        self._choose(self.list.currentIndex())

    def _choose(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        kind = index.data(MoreRole)
        if kind:
            self.show_all(kind)
            return
        hit = index.data(HitRole)
        if hit is not None:
            self._activate(hit)

    def _activate(self, hit: Hit) -> None:
        self._chosen = True
        self.close()
        self.activated.emit(hit)

"""Find and filter on the board: the filter itself (plain data) and the bar that edits it.

`BoardFilter.matches` runs for every card at every keystroke (10,000 cards), so it works on a
precomputed lower-case haystack per card (account, title, stakeholder names, tags, next step) and
plain comparisons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QRectF, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.queries.board import BoardCard
from desktop.ui.common import format as fmt
from desktop.ui.common.widgets import OptionalDateEdit


@dataclass(frozen=True)
class BoardFilter:
    """What the board shows: a search text and optional narrowing filters."""

    text: str = ""
    close_from: date | None = None
    close_to: date | None = None
    amount_min: int | None = None  # minor units
    amount_max: int | None = None
    stale_only: bool = False
    overdue_only: bool = False
    tags: frozenset[str] = field(default_factory=frozenset)
    show_closed: bool = False  # won / lost / abandoned pursuits too
    # Whose pursuits (a manager's roll-up): the name of the database they came from, "" for this
    # computer's own; None for everyone's.
    rep: str | None = None

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(self.text.lower().split())

    def narrowing(self) -> int:
        """How many filters (besides the search text) narrow the board."""
        return sum(
            (
                self.close_from is not None or self.close_to is not None,
                self.amount_min is not None or self.amount_max is not None,
                self.stale_only,
                self.overdue_only,
                bool(self.tags),
                self.rep is not None,
            )
        )

    @property
    def needs_details(self) -> bool:
        """Whether it filters on what a card's details hold (its last touch, its tags): then
        the board reads them before it filters (`BoardCard.details`)."""
        return self.stale_only or bool(self.tags)

    @property
    def active(self) -> bool:
        return bool(self.terms) or self.narrowing() > 0

    def cleared(self) -> BoardFilter:
        return BoardFilter(show_closed=self.show_closed)

    def admits(self, card: BoardCard) -> bool:
        """Whether the board holds the card at all (closed ones only when asked for)."""
        return card.status == "open" or self.show_closed

    def matcher(
        self, today: date, stale_limit: Callable[[int], int]
    ) -> Callable[[BoardCard, str], bool]:
        """`matches` with everything that does not depend on the card worked out once: the board
        calls it for 10,000 cards at a keystroke."""
        terms = self.terms
        show_closed = self.show_closed
        plain = not (
            self.close_from
            or self.close_to
            or self.amount_min is not None
            or self.amount_max is not None
            or self.stale_only
            or self.overdue_only
            or self.tags
            or self.rep is not None
        )
        if plain:
            if not terms:
                return lambda card, _hay: show_closed or card.status == "open"
            if len(terms) == 1:
                term = terms[0]
                return lambda card, hay: (show_closed or card.status == "open") and term in hay
            return lambda card, hay: (
                (show_closed or card.status == "open") and all(t in hay for t in terms)
            )
        return lambda card, hay: self.matches(card, hay, today, stale_limit)

    def matches(
        self, card: BoardCard, haystack: str, today: date, stale_limit: Callable[[int], int]
    ) -> bool:
        if not (card.status == "open" or self.show_closed):
            return False
        for term in self.terms:
            if term not in haystack:
                return False
        if self.close_from is not None or self.close_to is not None:
            close = card.expected_close
            if close is None:
                return False
            if self.close_from is not None and close < self.close_from:
                return False
            if self.close_to is not None and close > self.close_to:
                return False
        if self.amount_min is not None and card.amount < self.amount_min:
            return False
        if self.amount_max is not None and card.amount > self.amount_max:
            return False
        if self.stale_only and not is_stale(card, today, stale_limit):
            return False
        if self.overdue_only and not is_overdue(card, today):
            return False
        if self.rep is not None and card.origin != self.rep:
            return False
        return not self.tags or not self.tags.isdisjoint(card.tags)

    # --- remembered between runs (database_state(path, "board")["filter"], infra.settings) -
    def to_state(self) -> dict[str, Any]:
        """Everything but the search text, which is for the moment."""
        return {
            "close_from": self.close_from.isoformat() if self.close_from else None,
            "close_to": self.close_to.isoformat() if self.close_to else None,
            "amount_min": self.amount_min,
            "amount_max": self.amount_max,
            "stale_only": self.stale_only,
            "overdue_only": self.overdue_only,
            "tags": sorted(self.tags),
            "show_closed": self.show_closed,
            "rep": self.rep,
        }

    @classmethod
    def from_state(cls, state: Any) -> BoardFilter:
        """A filter from saved state; anything malformed falls back to "not set"."""
        if not isinstance(state, dict):
            return cls()

        def day(name: str) -> date | None:
            try:
                return date.fromisoformat(state[name]) if state.get(name) else None
            except (TypeError, ValueError):
                return None

        def amount(name: str) -> int | None:
            value = state.get(name)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        tags = state.get("tags")
        return cls(
            close_from=day("close_from"),
            close_to=day("close_to"),
            amount_min=amount("amount_min"),
            amount_max=amount("amount_max"),
            stale_only=state.get("stale_only") is True,
            overdue_only=state.get("overdue_only") is True,
            tags=frozenset(t for t in tags if isinstance(t, str))
            if isinstance(tags, list)
            else (frozenset()),
            show_closed=state.get("show_closed") is True,
            rep=state["rep"] if isinstance(state.get("rep"), str) else None,
        )


def is_stale(card: BoardCard, today: date, stale_limit: Callable[[int], int]) -> bool:
    """Rotting: untouched (no activity done, note, visit held or stage change) for longer than
    its stage's limit (catalog default, or Preferences). Not known before the card's details
    (its last touch) are read: not stale until then."""
    return (
        card.status == "open"
        and card.details
        and card.days_since_touch(today) > stale_limit(card.stage)
    )


def is_overdue(card: BoardCard, today: date) -> bool:
    return card.status == "open" and card.next_step_due is not None and card.next_step_due < today


def haystack(card: BoardCard, names: str = "", tags: Iterable[str] | None = None) -> str:
    """The lower-case text a search matches against (`tags`: the card's, when they were read
    after the card: `board.board_details`)."""
    return " ".join(
        (
            card.account,
            card.title,
            names,
            " ".join(card.tags if tags is None else tags),
            card.next_step,
            card.origin,
        )
    ).lower()


# --- the bar -----------------------------------------------------------------------------------
class FilterBar(QWidget):
    """Search box, a Filters button with its panel, active-filter summary and the board totals."""

    filter_changed = Signal(object)  # BoardFilter

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board_filter_bar")
        self.lang = lang
        self._filter = BoardFilter()
        self._tags: list[str] = []

        self.search = QLineEdit()
        self.search.setObjectName("board_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Find account, pursuit or person…"))
        self.search.setMinimumWidth(240)
        self.search.setMaximumWidth(340)
        self.search.textChanged.connect(self._text_changed)

        self.filters_button = QToolButton()
        self.filters_button.setObjectName("board_filters_button")
        self.filters_button.setCheckable(True)
        self.filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.filters_button.toggled.connect(self._toggle_panel)

        self.rep = RepChoice(self)
        self.rep.setObjectName("board_rep")
        self.rep.chosen.connect(self._rep_chosen)

        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("board_clear_filters")
        self.clear_button.setFlat(True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self.clear)

        self.summary = QLabel()
        self.summary.setObjectName("board_totals")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        # Its figures must not set how narrow the window may be (a label's minimum is its text):
        # in a window narrower than they need, they are cut at the right instead.
        self.summary.setMinimumWidth(1)

        row = QHBoxLayout()
        row.setContentsMargins(12, 8, 12, 4)
        row.setSpacing(8)
        row.addWidget(self.search)
        row.addWidget(self.filters_button)
        row.addWidget(self.rep)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(self.summary)

        self.panel = FilterPanel(lang, self)
        self.panel.hide()
        self.panel.changed.connect(self._panel_changed)

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addLayout(row)
        box.addWidget(self.panel)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(0)  # coalesce a burst of edits into one pass over the cards
        self._debounce.timeout.connect(lambda: self.filter_changed.emit(self._filter))
        self._update_buttons()

    @property
    def current(self) -> BoardFilter:
        return self._filter

    def set_filter(self, board_filter: BoardFilter, *, emit: bool = True) -> None:
        self._filter = board_filter
        with QSignalBlocker(self.search):
            self.search.setText(board_filter.text)
        self.panel.show_filter(board_filter, self._tags)
        self.rep.show_rep(board_filter.rep)
        self._update_buttons()
        if emit:
            self.filter_changed.emit(board_filter)

    def set_tags(self, tags: Iterable[str]) -> None:
        self._tags = sorted(set(tags) | set(self._filter.tags))
        self.panel.show_filter(self._filter, self._tags)

    def set_reps(self, origins: Iterable[str]) -> None:
        """The databases the cards came from ("" this computer): the choice shows only when
        some came from another one (a team's files merged, a manager's roll-up)."""
        self.rep.set_reps(
            set(origins) | ({self._filter.rep} if self._filter.rep is not None else set())
        )
        self.rep.show_rep(self._filter.rep)

    def _rep_chosen(self, rep: object) -> None:
        self._filter = replace(self._filter, rep=rep if isinstance(rep, str) else None)
        self._update_buttons()
        self._debounce.start()

    def clear(self) -> None:
        self.set_filter(self._filter.cleared())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_summary(self, html: str, tooltip: str = "") -> None:
        self.summary.setText(html)
        self.summary.setToolTip(tooltip)

    def _text_changed(self, text: str) -> None:
        self._filter = replace(self._filter, text=text)
        self._update_buttons()
        self.filter_changed.emit(self._filter)

    def _panel_changed(self) -> None:
        self._filter = self.panel.read(self._filter)
        self._update_buttons()
        self._debounce.start()

    def _toggle_panel(self, shown: bool) -> None:
        self.panel.setVisible(shown)

    def _update_buttons(self) -> None:
        count = self._filter.narrowing()
        self.filters_button.setText(
            self.tr("Filters ({0})").format(count) if count else self.tr("Filters")
        )
        self.filters_button.setProperty("active", count > 0)
        self.clear_button.setVisible(self._filter.active)


class FilterPanel(QFrame):
    """The filters under the search box: expected close, amount, stale, overdue, tags."""

    changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board_filter_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.lang = lang
        self.close_from = OptionalDateEdit(self.tr("any"))
        self.close_to = OptionalDateEdit(self.tr("any"))
        self.amount_min = QLineEdit()
        self.amount_max = QLineEdit()
        for edit, hint in ((self.amount_min, self.tr("from")), (self.amount_max, self.tr("to"))):
            edit.setPlaceholderText(hint)
            edit.setMaximumWidth(120)
            edit.setClearButtonEnabled(True)
        self.amount_hint = QLabel(self.tr("e.g. 500,000 or 500k"))
        self.amount_hint.setObjectName("board_amount_hint")
        self.amount_hint.setEnabled(False)
        # What was made of a date range given backwards (hidden while there is nothing to say).
        self.dates_note = QLabel()
        self.dates_note.setObjectName("board_dates_note")
        self.dates_note.hide()
        self.stale_only = QCheckBox(self.tr("Stale only (longer in the stage than its limit)"))
        self.stale_only.setObjectName("filter_stale")
        self.overdue_only = QCheckBox(self.tr("Next step overdue only"))
        self.overdue_only.setObjectName("filter_overdue")
        self.tags = TagChoices()
        self.no_tags = QLabel(self.tr("No tags yet: add them in a pursuit's dialog."))
        self.no_tags.setEnabled(False)

        dates = QHBoxLayout()
        dates.addWidget(self.close_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.close_to)
        dates.addWidget(self.dates_note)
        dates.addStretch(1)
        amounts = QHBoxLayout()
        amounts.addWidget(self.amount_min)
        amounts.addWidget(QLabel("–"))
        amounts.addWidget(self.amount_max)
        amounts.addWidget(self.amount_hint)
        amounts.addStretch(1)
        checks = QHBoxLayout()
        checks.addWidget(self.stale_only)
        checks.addSpacing(16)
        checks.addWidget(self.overdue_only)
        checks.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(12, 6, 12, 8)
        form.addRow(self.tr("Expected close"), dates)
        form.addRow(self.tr("Amount"), amounts)
        form.addRow(self.tr("Signals"), checks)
        tags_box = QVBoxLayout()
        tags_box.addWidget(self.tags)
        tags_box.addWidget(self.no_tags)
        form.addRow(self.tr("Tags"), tags_box)

        for date_edit in (self.close_from, self.close_to):
            date_edit.dateChanged.connect(self._dates_edited)
        for line in (self.amount_min, self.amount_max):
            line.textChanged.connect(self._amount_edited)
        self.stale_only.toggled.connect(self.changed)
        self.overdue_only.toggled.connect(self.changed)
        self.tags.itemChanged.connect(lambda _item: self.changed.emit())

    def show_filter(self, board_filter: BoardFilter, tags: list[str]) -> None:
        blockers = [
            QSignalBlocker(w)
            for w in (
                self.close_from,
                self.close_to,
                self.amount_min,
                self.amount_max,
                self.stale_only,
                self.overdue_only,
                self.tags,
            )
        ]
        self.close_from.set_value(board_filter.close_from)
        self.close_to.set_value(board_filter.close_to)
        self.amount_min.setText(_amount_text(board_filter.amount_min))
        self.amount_max.setText(_amount_text(board_filter.amount_max))
        self.stale_only.setChecked(board_filter.stale_only)
        self.overdue_only.setChecked(board_filter.overdue_only)
        self.tags.clear()
        for tag in tags:
            item = QListWidgetItem(tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if tag in board_filter.tags else Qt.CheckState.Unchecked
            )
            self.tags.addItem(item)
        self.tags.setVisible(bool(tags))
        self.no_tags.setVisible(not tags)
        self.tags.fit_height()
        del blockers
        self._say_amounts()
        self._say_dates()

    def read(self, current: BoardFilter) -> BoardFilter:
        """The filter the fields give. A range given backwards (2M – 500k) is read the right way
        round, and the note beside it says so; an amount that is none narrows nothing."""
        low, high = _in_order(self._amount(self.amount_min), self._amount(self.amount_max))
        first, last = _in_order(self.close_from.value(), self.close_to.value())
        return replace(
            current,
            close_from=first,
            close_to=last,
            amount_min=low,
            amount_max=high,
            stale_only=self.stale_only.isChecked(),
            overdue_only=self.overdue_only.isChecked(),
            tags=frozenset(
                self.tags.item(i).text()
                for i in range(self.tags.count())
                if self.tags.item(i).checkState() == Qt.CheckState.Checked
            ),
        )

    @staticmethod
    def _amount(edit: QLineEdit) -> int | None:
        return fmt.parse_money(edit.text()) if edit.text().strip() else None

    def _amount_edited(self) -> None:
        self._say_amounts()
        self.changed.emit()

    def _dates_edited(self) -> None:
        self._say_dates()
        self.changed.emit()

    def _say_amounts(self) -> None:
        """Mark an amount that is none and say why beside the fields (in place of the example),
        or that a range given backwards is read the right way round."""
        edits = (self.amount_min, self.amount_max)
        bad = [e for e in edits if e.text().strip() and fmt.parse_money(e.text()) is None]
        for edit in edits:
            edit.setProperty("invalid", edit in bad)
            edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {RED}; }}" if edit in bad else "")
        low, high = self._amount(self.amount_min), self._amount(self.amount_max)
        if bad:
            text = self.tr('"{0}" is not an amount (e.g. 500,000 or 500k): not applied.').format(
                bad[0].text().strip()
            )
        elif low is not None and high is not None and low > high:
            text = self.tr("Reversed range: showing {0} – {1}.").format(
                self.amount_max.text().strip(), self.amount_min.text().strip()
            )
        else:
            text = ""
        _note(
            self.amount_hint,
            text or self.tr("e.g. 500,000 or 500k"),
            problem=bool(text),
            refused=bool(bad),
        )

    def _say_dates(self) -> None:
        first, last = self.close_from.value(), self.close_to.value()
        if first is not None and last is not None and first > last:
            text = self.tr("Reversed range: showing {0} – {1}.").format(
                last.isoformat(), first.isoformat()
            )
            _note(self.dates_note, text, problem=True)
        self.dates_note.setVisible(first is not None and last is not None and first > last)


class RepChoice(QComboBox):
    """Whose pursuits: everyone's, this computer's own, or one colleague's database (by the name
    it gave its files). Hidden while every pursuit was made on this computer."""

    chosen = Signal(object)  # str | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setToolTip(self.tr("Show the pursuits of one rep (the database they came from)"))
        self.activated.connect(lambda index: self.chosen.emit(self.itemData(index)))
        self.set_reps(())

    def set_reps(self, origins: Iterable[str]) -> None:
        current = self.currentData()
        with QSignalBlocker(self):
            self.clear()
            self.addItem(self.tr("Every rep"), None)
            names = sorted(set(origins))
            if "" in names:
                self.addItem(self.tr("This computer"), "")
            for name in names:
                if name:
                    self.addItem(name, name)
            self.setCurrentIndex(max(0, self.findData(current)) if current is not None else 0)
        self.setVisible(any(names))

    def show_rep(self, rep: str | None) -> None:
        with QSignalBlocker(self):
            index = 0 if rep is None else self.findData(rep)
            self.setCurrentIndex(max(0, index))


class TagChoices(QListWidget):
    """The tags to filter by, as check boxes that wrap like words: as tall as its rows (up to
    three, then it scrolls), on the panel's own background rather than a white box."""

    MAX_ROWS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_tags")
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.transparent)  # only this role
        self.setPalette(palette)
        self.viewport().setAutoFillBackground(False)
        self._height = self._row_height()

    def _row_height(self) -> int:
        """One row of tags with the spacing around it."""
        if self.count():
            item = self.visualRect(self.model().index(0, 0)).height()
        else:
            item = self.fontMetrics().height() + 2
        return item + 2 * self.spacing()

    def fit_height(self) -> None:
        """As tall as the wrapped rows of tags need, at most MAX_ROWS of them."""
        frame = 2 * self.frameWidth()
        if self.count():
            self.doItemsLayout()
            last = self.visualRect(self.model().index(self.count() - 1, 0))
            bottom = last.bottom() + self.verticalScrollBar().value() + self.spacing() + 1
        else:
            bottom = 0
        row = self._row_height()
        wanted = min(max(bottom, row), self.MAX_ROWS * row) + frame
        if wanted != self._height:
            self._height = wanted
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self.fit_height)  # after the items have wrapped anew


class NoMatchNote(QFrame):
    """Over the board when the search and filters leave no card: says so and offers to clear
    them. A note floating over the (empty) columns, so the board stays one model/view."""

    clear_requested = Signal()
    show_closed_requested = Signal()  # the board is empty because every pursuit is closed

    def __init__(self, parent: QWidget, top: Callable[[], int]) -> None:
        super().__init__(parent)
        self.setObjectName("board_no_match")
        self._top = top
        self._all_closed = False
        self.title = QLabel()
        self.title.setObjectName("board_no_match_title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.text = QLabel(
            self.tr("Change the search or the filters, or clear them to see every pursuit.")
        )
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("board_no_match_clear")
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(
            lambda: (
                self.show_closed_requested if self._all_closed else self.clear_requested
            ).emit()
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(28, 20, 28, 20)
        box.setSpacing(8)
        box.addWidget(self.title)
        box.addWidget(self.text)
        box.addSpacing(4)
        box.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        parent.installEventFilter(self)
        self.hide()

    def show_all_closed(self) -> None:
        """No filter, yet no card: every pursuit is closed, and closed ones are hidden."""
        self._all_closed = True
        self.title.setText(self.tr("No open pursuits"))
        self.text.setText(self.tr("Every pursuit is closed: collected, lost or abandoned."))
        self.clear_button.setText(self.tr("Show closed"))
        self.place()
        self.show()
        self.raise_()

    def show_for(self, board_filter: BoardFilter) -> None:
        """Say what left the board empty: the search words, the filters, or both."""
        self._all_closed = False
        self.text.setText(
            self.tr("Change the search or the filters, or clear them to see every pursuit.")
        )
        self.clear_button.setText(self.tr("Clear filters"))
        text = " ".join(board_filter.terms)
        if text and not board_filter.narrowing():
            self.title.setText(self.tr('No pursuits match "{0}"').format(text))
        elif text:
            self.title.setText(self.tr('No pursuits match "{0}" and the filters').format(text))
        else:
            self.title.setText(self.tr("No pursuits match the filters"))
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        """Centred over the columns, a little below their heads."""
        host = self.parentWidget()
        if host is None:
            return
        width = max(200, min(460, host.width() - 32))
        layout = self.layout()
        height = layout.heightForWidth(width) if layout is not None else -1
        if height < 0:
            height = self.sizeHint().height()
        top = max(8, min(self._top(), host.height() - height - 8))
        self.setGeometry((host.width() - width) // 2, top, width, height)

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


RED = "#D32F2F"  # refusals and warnings (UI-GUIDE: red flags and overdue)


Bound = TypeVar("Bound", int, date)


def _in_order(low: Bound | None, high: Bound | None) -> tuple[Bound | None, Bound | None]:
    """A range's bounds the right way round (a range given backwards is meant forwards)."""
    if low is not None and high is not None and low > high:
        return high, low
    return low, high


def _note(label: QLabel, text: str, *, problem: bool, refused: bool = False) -> None:
    """A line beside filter fields: a grey hint, or what the rep should know (in plain text, in
    red when what they typed was refused)."""
    label.setText(text)
    label.setEnabled(problem)
    label.setProperty("problem", problem)
    label.setStyleSheet(f"color: {RED};" if refused else "")


def _amount_text(amount: int | None) -> str:
    return "" if amount is None else fmt.amount_input(amount)

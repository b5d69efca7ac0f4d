"""The Pursuits screen's parts: icons, the filter bar and the tag dialog."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.methodology import Catalog
from desktop.ui.common.icons import icon
from desktop.ui.common.pursuit_table import STATUSES, ListFilter


class Chip(QToolButton):
    """A checkable filter chip ("Red flags", "Stale", "Overdue")."""

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setObjectName(name)
        self.setCheckable(True)
        self.setAutoRaise(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setStyleSheet(
            "QToolButton { border: 1px solid palette(mid); border-radius: 11px;"
            " padding: 2px 10px; }"
            "QToolButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight); }"
        )


class FilterBar(QWidget):
    """Search text, status, stage, tag and the chips. Emits `filter_changed` as they change."""

    filter_changed = Signal(object)  # ListFilter

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pursuits_filter_bar")
        self.catalog = catalog
        self.lang = lang
        self._quiet = False
        self.search = QLineEdit()
        self.search.setObjectName("list_search")
        self.search.setPlaceholderText(self.tr("Filter by account, pursuit, next step or tag"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(200)
        self.status = QComboBox()
        self.status.setObjectName("list_status")
        statuses = catalog.vocab("pursuit_statuses")
        self.status.addItem(self.tr("Open"), ["open"])
        self.status.addItem(
            self.tr("Closed (collected, lost, abandoned)"), ["collected", "lost", "abandoned"]
        )
        for key in STATUSES[1:]:
            self.status.addItem(statuses.label(key, lang), [key])
        self.status.addItem(self.tr("All statuses"), [])
        self.stage = QComboBox()
        self.stage.setObjectName("list_stage")
        self.stage.addItem(self.tr("All stages"), 0)
        for stage in catalog.stages:
            self.stage.addItem(f"{stage.number} {stage.label(lang)}", stage.number)
        self.tag = QComboBox()
        self.tag.setObjectName("list_tag")
        self.tag.addItem(self.tr("All tags"), "")
        self.rep = QComboBox()
        self.rep.setObjectName("list_rep")
        self.rep.setToolTip(self.tr("Show the pursuits of one rep (the database they came from)"))
        self.set_reps(())
        self.flagged = Chip(self.tr("Red flags"), "chip_flagged")
        self.flagged.setToolTip(self.tr("Only pursuits with red flags"))
        self.stale = Chip(self.tr("Stale"), "chip_stale")
        self.stale.setToolTip(self.tr("Only open pursuits longer in their stage than its limit"))
        self.overdue = Chip(self.tr("Overdue"), "chip_overdue")
        self.overdue.setToolTip(
            self.tr("Only open pursuits whose next step or expected close date is past")
        )
        self.clear = QToolButton()
        self.clear.setObjectName("list_clear_filter")
        self.clear.setText(self.tr("Clear filters"))
        self.clear.setAutoRaise(True)
        self.clear.clicked.connect(lambda: self.set_filter(ListFilter(), emit=True))

        # The combos may shrink below their longest item (the text elides; the popup still shows
        # it whole), so the bar never makes the window wider than a 1024-pixel screen.
        self.status.setMinimumWidth(96)
        self.stage.setMinimumWidth(120)
        self.tag.setMinimumWidth(78)

        box = QHBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 6)
        box.setSpacing(8)
        box.addWidget(self.search, 3)
        box.addWidget(self.status)
        box.addWidget(self.stage, 1)
        box.addWidget(self.tag)
        box.addWidget(self.rep)
        box.addSpacing(4)
        box.addWidget(self.flagged)
        box.addWidget(self.stale)
        box.addWidget(self.overdue)
        box.addWidget(self.clear)
        box.addStretch(0)

        # Typing filters after a short pause (10,000 rows re-filter in a few ms anyway).
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(120)
        self._typing.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        for combo in (self.status, self.stage, self.tag, self.rep):
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        for chip in (self.flagged, self.stale, self.overdue):
            chip.toggled.connect(lambda _c: self._emit())

    @property
    def current(self) -> ListFilter:
        stage = self.stage.currentData() or 0
        return ListFilter(
            text=self.search.text().strip(),
            statuses=frozenset(self.status.currentData() or []),
            stages=frozenset({stage}) if stage else frozenset(),
            tag=self.tag.currentData() or "",
            flagged=self.flagged.isChecked(),
            stale=self.stale.isChecked(),
            overdue=self.overdue.isChecked(),
            rep=rep if isinstance(rep := self.rep.currentData(), str) else None,
        )

    def set_filter(self, list_filter: ListFilter, *, emit: bool = False) -> None:
        self._quiet = True
        try:
            self.search.setText(list_filter.text)
            statuses = sorted(list_filter.statuses)
            for number in range(self.status.count()):
                if sorted(self.status.itemData(number) or []) == statuses:
                    self.status.setCurrentIndex(number)
                    break
            stage = min(list_filter.stages) if len(list_filter.stages) == 1 else 0
            self.stage.setCurrentIndex(max(0, self.stage.findData(stage)))
            if list_filter.tag and self.tag.findData(list_filter.tag) < 0:
                self.tag.addItem(list_filter.tag, list_filter.tag)
            self.tag.setCurrentIndex(max(0, self.tag.findData(list_filter.tag)))
            self.flagged.setChecked(list_filter.flagged)
            self.stale.setChecked(list_filter.stale)
            self.overdue.setChecked(list_filter.overdue)
            if list_filter.rep is not None and self.rep.findData(list_filter.rep) < 0:
                self.rep.addItem(list_filter.rep or self.tr("This computer"), list_filter.rep)
            index = 0 if list_filter.rep is None else self.rep.findData(list_filter.rep)
            self.rep.setCurrentIndex(max(0, index))
        finally:
            self._quiet = False
        self._typing.stop()
        self._update_clear()
        if emit:
            self.filter_changed.emit(self.current)

    def set_tags(self, tags: Sequence[str]) -> None:
        current = self.tag.currentData() or ""
        self._quiet = True
        try:
            self.tag.clear()
            self.tag.addItem(self.tr("All tags"), "")
            for tag in tags:
                self.tag.addItem(tag, tag)
            if current and self.tag.findData(current) < 0:
                self.tag.addItem(current, current)
            self.tag.setCurrentIndex(max(0, self.tag.findData(current)))
        finally:
            self._quiet = False

    def set_reps(self, origins: Sequence[str] | set[str]) -> None:
        """The databases the pursuits came from ("" this computer): the choice shows only when
        some came from another one (a team's files merged, a manager's roll-up)."""
        current = self.rep.currentData()
        names = sorted(set(origins) | ({current} if isinstance(current, str) else set()))
        self._quiet = True
        try:
            self.rep.clear()
            self.rep.addItem(self.tr("Every rep"), None)
            if "" in names:
                self.rep.addItem(self.tr("This computer"), "")
            for name in names:
                if name:
                    self.rep.addItem(name, name)
            index = self.rep.findData(current) if isinstance(current, str) else 0
            self.rep.setCurrentIndex(max(0, index))
        finally:
            self._quiet = False
        self.rep.setVisible(any(names))

    def _emit(self) -> None:
        if self._quiet:
            return
        self._typing.stop()
        self._update_clear()
        self.filter_changed.emit(self.current)

    def _update_clear(self) -> None:
        self.clear.setEnabled(not self.current.is_default)


class TagDialog(QDialog):
    """Add a tag to, or remove one from, the selected pursuits (one field, known tags offered)."""

    def __init__(
        self, remove: bool, count: int, known: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tag_dialog")
        self.remove = remove
        if remove:
            self.setWindowTitle(self.tr("Remove tag"))
            prompt = (
                self.tr("Remove this tag from the selected pursuit:")
                if count == 1
                else self.tr("Remove this tag from the {0} selected pursuits:").format(count)
            )
        else:
            self.setWindowTitle(self.tr("Add tag"))
            prompt = (
                self.tr("Add this tag to the selected pursuit:")
                if count == 1
                else self.tr("Add this tag to the {0} selected pursuits:").format(count)
            )
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("tag_field")
        self.field.setPlaceholderText(self.tr("e.g. 重点, 续约"))
        completer = QCompleter(list(known), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(completer)
        self.error = QLabel()
        self.error.setObjectName("tag_error")
        self.error.setStyleSheet("color: #D32F2F;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(label)
        box.addWidget(self.field)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(360)

    def tag(self) -> str:
        return self.field.text().strip()

    def accept(self) -> None:
        if not self.tag():
            self.error.setText(self.tr("Type a tag."))
            self.error.show()
            self.field.setFocus()
            return
        super().accept()

    def sizeHint(self) -> QSize:
        return QSize(380, super().sizeHint().height())

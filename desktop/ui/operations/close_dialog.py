"""Close pursuits as won, lost (with the reason and the competitor it went to) or abandoned.

The one close dialog of every screen (board, list, workspace): it asks the outcome, a reason (what
the team learns from; common ones are offered), the competitor a lost pursuit went to (a new name
is added to the competitors in the same transaction) and the day it closed, and says that closing
can be undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.methodology import Catalog
from desktop.services.pursuits import Choice
from desktop.ui.common.widgets import DateEdit

STATUSES = ("won", "lost", "abandoned")


class CloseDialog(QDialog):
    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        status: str,
        subject: str,
        competitors: Sequence[Choice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("close_dialog")
        self.setMinimumWidth(460)
        labels = catalog.vocab("pursuit_statuses")
        self.subject = QLabel(subject)
        self.subject.setObjectName("close_subject")
        self.subject.setWordWrap(True)
        font = self.subject.font()
        font.setBold(True)
        self.subject.setFont(font)

        self.group = QButtonGroup(self)
        statuses = QHBoxLayout()
        self.radios: dict[str, QRadioButton] = {}
        for key in STATUSES:
            radio = QRadioButton(labels.label(key, lang))
            radio.setObjectName(f"close_{key}")
            self.group.addButton(radio)
            self.radios[key] = radio
            statuses.addWidget(radio)
            radio.toggled.connect(self._update)
        statuses.addStretch(1)

        self.reason = QComboBox()
        self.reason.setObjectName("close_reason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        reason_edit = self.reason.lineEdit()
        assert reason_edit is not None  # an editable combo box has one
        self.reason_edit: QLineEdit = reason_edit
        self.reason_edit.setPlaceholderText(self.tr("Why? (kept with the pursuit)"))
        self.reason_edit.textChanged.connect(self._update)

        self.lost_to = QComboBox()
        self.lost_to.setObjectName("close_lost_to")
        self.lost_to.setEditable(True)
        self.lost_to.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lost_to.addItem("", None)
        for choice in competitors:
            self.lost_to.addItem(choice.name, choice.id)
        self.lost_to.setCurrentIndex(0)
        lost_to_edit = self.lost_to.lineEdit()
        assert lost_to_edit is not None
        lost_to_edit.setPlaceholderText(self.tr("Pick or type a competitor"))
        self.lost_to_label = QLabel(self.tr("Lost to"))
        self.new_competitor = QLabel()
        self.new_competitor.setObjectName("close_new_competitor")
        self.new_competitor.setEnabled(False)
        lost_to_edit.textChanged.connect(self._update)

        self.closed_on = DateEdit()
        self.closed_on.setDate(QDate.currentDate())
        self.closed_on.setObjectName("close_date")
        self.closed_on.setMaximumDate(QDate.currentDate().addDays(366))

        self.undo_hint = QLabel(
            self.tr("Closing can be undone (Edit ▸ Undo), and a closed pursuit reopened.")
        )
        self.undo_hint.setObjectName("close_hint")
        self.undo_hint.setWordWrap(True)
        palette = self.undo_hint.palette()  # quiet, like every hint
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
        )
        self.undo_hint.setPalette(palette)

        self.error = QLabel()
        self.error.setObjectName("close_error")
        self.error.setStyleSheet("color: #D32F2F;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Outcome"), statuses)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.lost_to_label, self.lost_to)
        form.addRow("", self.new_competitor)
        form.addRow(self.tr("Closed on"), self.closed_on)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close pursuit"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.subject)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.undo_hint)
        box.addWidget(self.buttons)
        self._shown_status = ""
        self.radios.get(status, self.radios["won"]).setChecked(True)
        self._update()

    # --- values ---------------------------------------------------------------------------------
    def status(self) -> str:
        return next(key for key, radio in self.radios.items() if radio.isChecked())

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def competitor(self) -> tuple[str | None, str]:
        """(id of a known competitor, or None; the typed name for a new one)."""
        text = self.lost_to.currentText().strip()
        index = self.lost_to.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return self.lost_to.itemData(index), ""
        return None, text

    def closed_date(self) -> date:
        day = self.closed_on.date()
        return date(day.year(), day.month(), day.day())

    def accept(self) -> None:
        if not self.reason_text():
            self.error.setText(self.tr("Give a reason: it is what the team learns from."))
            self.reason.setFocus()
            return
        super().accept()

    def _update(self) -> None:
        status = self.status() if any(r.isChecked() for r in self.radios.values()) else "won"
        lost = status == "lost"
        self.lost_to.setVisible(lost)
        self.lost_to_label.setVisible(lost)
        competitor_id, name = self.competitor()
        self.new_competitor.setVisible(lost and competitor_id is None and bool(name))
        self.new_competitor.setText(self.tr("“{0}” will be added to the competitors.").format(name))
        self.setWindowTitle(
            {
                "won": self.tr("Mark as won"),
                "lost": self.tr("Mark as lost"),
                "abandoned": self.tr("Mark as abandoned"),
            }[status]
        )
        if self.reason_text():
            self.error.clear()
        if status != self._shown_status:
            self._shown_status = status
            self._suggest_reasons(status)

    def _suggest_reasons(self, status: str) -> None:
        """Common reasons for the outcome, kept as suggestions under what the user typed."""
        suggestions = {
            "won": [
                self.tr("The value case convinced the decision-maker"),
                self.tr("Strong relationship with the decision-maker"),
                self.tr("Best fit on the buying criteria"),
            ],
            "lost": [
                self.tr("Price"),
                self.tr("Relationship not strong enough"),
                self.tr("Buying criteria favoured a competitor"),
                self.tr("Solution did not fit"),
            ],
            "abandoned": [
                self.tr("Customer cancelled the budget"),
                self.tr("Project postponed indefinitely"),
                self.tr("Not worth pursuing"),
            ],
        }[status]
        current = self.reason.currentText()
        blockers = (QSignalBlocker(self.reason), QSignalBlocker(self.reason_edit))
        self.reason.clear()
        self.reason.addItems(suggestions)
        self.reason.setEditText(current)
        del blockers

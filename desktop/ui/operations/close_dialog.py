"""Close pursuits as collected (the win), lost (with the reason and the competitor it went to) or
abandoned.

The one close dialog of every screen (board, list, workspace): it asks the outcome, a reason (what
the team learns from; common ones are offered), the competitor a lost pursuit went to (a new name
is added to the competitors in the same transaction) and the day it closed, and says that closing
can be undone.

A signed contract is not a close: it moves the pursuit into 验收 (stage 7), and the deal is won
when the money is in (`domain.status`). So "collected" is offered only from stage 7 on, and
chosen it says what is still missing (the stage-8 checklist, instalments not received) and keeps
the button off until nothing is; lost and abandoned are possible at any stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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

from desktop.domain import status as status_rules
from desktop.domain.methodology import Catalog
from desktop.domain.status import CollectGap
from desktop.services.pursuits import Choice
from desktop.ui.common.widgets import DateEdit

STATUSES = status_rules.CLOSED


class CloseDialog(QDialog):
    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        status: str,
        subject: str,
        competitors: Sequence[Choice],
        parent: QWidget | None = None,
        *,
        collect_gaps: Sequence[CollectGap] | None = (),
    ) -> None:
        """`collect_gaps`: what keeps the pursuits from being collected (empty: nothing does);
        None when one of them is before stage 7, where "collected" is not offered at all."""
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang
        self.collect_gaps = tuple(collect_gaps or ())
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
        self.radios[status_rules.COLLECTED].setVisible(collect_gaps is not None)
        self.collect_missing = QLabel()
        self.collect_missing.setObjectName("close_collect_missing")
        self.collect_missing.setWordWrap(True)
        self.collect_missing.setStyleSheet("color: #D32F2F;")
        self.collect_missing.setText(self._missing_text(self.collect_gaps))

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
        form.addRow("", self.collect_missing)
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
        if status == status_rules.LEGACY_WON:
            status = status_rules.COLLECTED
        if status not in self.radios or not self.radios[status].isVisibleTo(self):
            status = status_rules.LOST
        self.radios[status].setChecked(True)
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

    def can_collect(self) -> bool:
        """Whether "collected" may be chosen: offered, and nothing missing."""
        return self.radios[status_rules.COLLECTED].isVisibleTo(self) and not self.collect_gaps

    def accept(self) -> None:
        if self.status() == status_rules.COLLECTED and not self.can_collect():
            return  # the dialog says what is missing; the button is off
        if not self.reason_text():
            self.error.setText(self.tr("Give a reason: it is what the team learns from."))
            self.reason.setFocus()
            return
        super().accept()

    def _update(self) -> None:
        status = (
            self.status() if any(r.isChecked() for r in self.radios.values()) else status_rules.LOST
        )
        lost = status == "lost"
        refused = status == status_rules.COLLECTED and not self.can_collect()
        self.collect_missing.setVisible(refused)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not refused)
        self.lost_to.setVisible(lost)
        self.lost_to_label.setVisible(lost)
        competitor_id, name = self.competitor()
        self.new_competitor.setVisible(lost and competitor_id is None and bool(name))
        self.new_competitor.setText(self.tr('"{0}" will be added to the competitors.').format(name))
        self.setWindowTitle(
            {
                "collected": self.tr("Mark as collected (won)"),
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
            "collected": [
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

    def _missing_text(self, gaps: Iterable[CollectGap]) -> str:
        """What keeps the pursuits from being collected, one line each (the refusal)."""
        checks = self.catalog.vocab("collection_checks")
        lines = []
        for gap in gaps:
            if gap.kind == "status":
                lines.append(self.tr("It is closed already."))
            elif gap.kind == "stage":
                stage = self.catalog.stage(status_rules.COLLECTION_STAGE)
                lines.append(
                    self.tr("It is not in stage {0} · {1} yet.").format(
                        stage.number, stage.process(self.lang)
                    )
                )
            elif gap.kind == "check":
                lines.append(
                    self.tr('Collection checklist: "{0}" is not settled.').format(
                        checks.label(gap.key, self.lang)
                    )
                )
            else:
                lines.append(
                    self.tr("1 instalment not received yet.")
                    if gap.count == 1
                    else self.tr("{0} instalments not received yet.").format(gap.count)
                )
        if not lines:
            return ""
        head = self.tr("Not collected yet — the money is the win:")
        return head + "\n" + "\n".join(f"• {line}" for line in dict.fromkeys(lines))

"""Import from calendar: an .ics file (a meeting a customer sent) onto the open pursuit.

The file is read and checked by `services.calendar_import` before anything is written; this
module shows what it holds in a small preview (each event, its time in the user's zone, and why
one cannot be imported), lets the rep choose visits or activities, and imports the ticked events
as one undo step (`ImportCalendarEvents`: undo deletes what the import made, redo brings the same
records back).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import calendar_import
from desktop.services.calendar_import import (
    ACTIVITY,
    VISIT,
    CalendarFileError,
    EventDraft,
    ImportResult,
)
from desktop.ui.common import format as fmt
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand


def file_error_message(error: CalendarFileError) -> str:
    """What the user reads when a calendar file cannot be imported at all."""
    if error.code == "too_big":
        return QCoreApplication.translate(
            "CalendarImport",
            "This file is larger than 5 MB, more than a meeting invitation holds. "
            "Nothing was imported.",
        )
    if error.code == "unreadable":
        return QCoreApplication.translate(
            "CalendarImport", "The file could not be read. Nothing was imported."
        )
    if error.code == "no_events":
        return QCoreApplication.translate("CalendarImport", "This calendar file holds no events.")
    return QCoreApplication.translate(
        "CalendarImport",
        "This is not a calendar file that can be read (.ics). Nothing was imported.",
    )


class CalendarImportDialog(QDialog):
    """The events of one file, ticked for import, and the choice visit / activity."""

    EVENT, WHEN, WHERE, NOTE = range(4)

    def __init__(
        self, drafts: Sequence[EventDraft], file_name: str, lang: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_import_dialog")
        self.setWindowTitle(self.tr("Import from calendar"))
        self.drafts = list(drafts)
        intro = QLabel(
            (
                self.tr("{0}: 1 event. Tick it to add it to this pursuit.")
                if len(self.drafts) == 1
                else self.tr("{0}: {1} events. Tick those to add to this pursuit.")
            ).format(file_name, len(self.drafts))
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.drafts), 4)
        self.table.setObjectName("calendar_events")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Event"), self.tr("When"), self.tr("Where"), self.tr("Note")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            self.EVENT, QHeaderView.ResizeMode.Stretch
        )
        for row, draft in enumerate(self.drafts):
            subject = QTableWidgetItem(draft.subject)
            if draft.problem:
                subject.setFlags(Qt.ItemFlag.ItemIsUserCheckable)  # shown, not tickable
                subject.setCheckState(Qt.CheckState.Unchecked)
            else:
                subject.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                subject.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, self.EVENT, subject)
            self.table.setItem(row, self.WHEN, QTableWidgetItem(self._when(draft, lang)))
            self.table.setItem(row, self.WHERE, QTableWidgetItem(draft.location))
            self.table.setItem(row, self.NOTE, QTableWidgetItem(self._note(draft)))
        self.table.resizeColumnsToContents()

        self.as_visits = QRadioButton(self.tr("As visits (each with its plan)"))
        self.as_visits.setObjectName("as_visits")
        self.as_activities = QRadioButton(self.tr("As activities (meetings)"))
        self.as_activities.setObjectName("as_activities")
        self.as_visits.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.as_visits)
        group.addButton(self.as_activities)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(lambda _item: self._update())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.as_visits)
        layout.addWidget(self.as_activities)
        layout.addWidget(buttons)
        self.resize(720, 360)
        self._update()

    def _when(self, draft: EventDraft, lang: str) -> str:
        if draft.day is not None:
            day = fmt.long_date(draft.day, lang)
            if draft.days > 1:
                return self.tr("{0}, {1} days").format(day, draft.days)
            return self.tr("{0}, all day").format(day)
        return fmt.when_text(draft.starts_at, draft.duration_minutes or 0, lang)

    def _note(self, draft: EventDraft) -> str:
        if draft.problem == calendar_import.RECURRING:
            return self.tr("Repeats: not imported (add the series in your calendar)")
        if draft.problem == calendar_import.NO_START:
            return self.tr("No start time: not imported")
        return self.tr("With a note") if draft.notes else ""

    def ticked(self) -> list[EventDraft]:
        return [
            draft
            for row, draft in enumerate(self.drafts)
            if (item := self.table.item(row, self.EVENT)) is not None
            and item.checkState() == Qt.CheckState.Checked
            and not draft.problem
        ]

    def kind(self) -> str:
        return VISIT if self.as_visits.isChecked() else ACTIVITY

    def chosen(self) -> list[tuple[EventDraft, str]]:
        kind = self.kind()
        return [(draft, kind) for draft in self.ticked()]

    def _update(self) -> None:
        self.import_button.setEnabled(bool(self.ticked()))


class ImportCalendarEvents(UndoCommand):
    """One import as one step: undo deletes what it made, redo makes the same records again."""

    def __init__(
        self,
        ctx: AppContext,
        pursuit_id: str,
        chosen: Sequence[tuple[EventDraft, str]],
        text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent)
        self.pursuit_id = pursuit_id
        self.chosen = list(chosen)
        self.result: ImportResult | None = None

    def apply(self) -> None:
        result = self.perform(calendar_import.import_events, self.pursuit_id, self.chosen)
        if self.result is None:
            # Redo makes again only what this step made, not events that were already there.
            made = {*result.visit_ids, *result.activity_ids}
            self.chosen = [
                (draft, kind)
                for draft, kind in self.chosen
                if calendar_import.event_record_id(self.pursuit_id, draft.key) in made
            ]
            self.result = result

    def revert(self) -> None:
        assert self.result is not None
        made = self.result
        self.perform(
            calendar_import.remove_imported, made.visit_ids, made.activity_ids, made.note_ids
        )

"""Preferences (设置): language, default currency, the company's tuning of the method (win rate and
stale limit per stage), the database and how many backups to keep, and whether new pursuits are
shared with the team (Sync).

Every field refuses a bad value where it is typed (spin boxes hold their ranges; the currency must
be a three-letter code, or OK stays disabled and the field says why). OK stores the typed settings,
applies the policy to the open workspace and tells every screen that everything changed, so the
board, the lists and the charts recompute their weighted amounts at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QAction, QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.infra import paths
from desktop.infra.settings import LANGUAGES
from desktop.services.changes import Changes
from desktop.ui.common.colors import AMBER
from desktop.ui.common.format import CURRENCIES
from desktop.ui.context import AppContext

ERROR_STYLE = "color: #D32F2F;"
MUTED_STYLE = "color: #6B7280;"
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}
MAX_STALE_DAYS = 365
MAX_BACKUPS = 100


def _mark(box: QSpinBox, own: bool) -> None:
    font = box.font()
    font.setBold(own)
    box.setFont(font)


class PreferencesDialog(QDialog):
    """Opened with `open()`; `applied` is emitted after OK has stored everything."""

    applied = Signal()
    language_chosen = Signal(str)  # a new UI language: the window is rebuilt in it

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("preferences_dialog")
        self.ctx = ctx
        self.window_ = window
        self.lang = ctx.lang
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(640 if self.lang == "zh" else 780)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("preferences_tabs")
        self.tabs.addTab(self._general(), self.tr("General"))
        self.tabs.addTab(self._method(), self.tr("Sales method"))
        self.tabs.addTab(self._data(), self.tr("Data"))
        self.tabs.addTab(self._sync(), self.tr("Sync"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        box.addWidget(self.buttons)
        self._validate()

    # --- General --------------------------------------------------------------------------------
    def _general(self) -> QWidget:
        page = QWidget()
        settings = self.ctx.settings
        self.language = QComboBox()
        self.language.setObjectName("pref_language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.ctx.language)))
        language_note = QLabel(self.tr("The window reopens in the new language."))
        language_note.setStyleSheet(MUTED_STYLE)
        self.currency = QComboBox()
        self.currency.setObjectName("pref_currency")
        self.currency.setEditable(True)
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentText(settings.default_currency)
        validator = QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self)
        edit = self.currency.lineEdit()
        assert edit is not None  # an editable combo box always has its line edit
        edit.setValidator(validator)
        edit.textEdited.connect(self._upper_currency)
        self.currency.currentTextChanged.connect(lambda _t: self._validate())
        self.currency_error = QLabel()
        self.currency_error.setObjectName("pref_currency_error")
        self.currency_error.setStyleSheet(ERROR_STYLE)
        self.currency_error.hide()
        currency_note = QLabel(self.tr("New pursuits start in this currency."))
        currency_note.setStyleSheet(MUTED_STYLE)
        for field in (self.language, self.currency):
            field.setMinimumWidth(200)
            field.setMaximumWidth(280)
        form = QFormLayout(page)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", language_note)
        form.addRow(self.tr("Default currency"), self.currency)
        form.addRow("", self.currency_error)
        form.addRow("", currency_note)
        self.reminders = QCheckBox(self.tr("Remind me when activities and visits are due"))
        self.reminders.setObjectName("pref_reminders")
        self.reminders.setChecked(settings.reminders)
        form.addRow(self.tr("Reminders"), self.reminders)
        return page

    def _upper_currency(self, text: str) -> None:
        if text != text.upper():
            edit = self.currency.lineEdit()
            assert edit is not None
            position = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(position)

    def currency_code(self) -> str:
        return self.currency.currentText().strip().upper()

    # --- Sales method ---------------------------------------------------------------------------
    def _method(self) -> QWidget:
        page = QWidget()
        catalog = self.ctx.catalog
        rates = self.ctx.settings.int_map("win_rates")
        stale = self.ctx.settings.int_map("stale_days")
        intro = QLabel(
            self.tr(
                "Your company's own win rate for each stage (weighted amount = amount not yet "
                "received × win rate: in stage 8, at 100 %, what is still to collect) and how "
                "many days in a stage make a pursuit stale. The method's values are shown beside "
                "each."
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        bold = QFont()
        bold.setBold(True)
        for column, text in enumerate(
            (self.tr("Stage"), self.tr("Win rate"), "", self.tr("Stale after"), "")
        ):
            label = QLabel(text)
            label.setFont(bold)
            grid.addWidget(label, 0, column)
        self.rate_boxes: dict[int, QSpinBox] = {}
        self.stale_boxes: dict[int, QSpinBox] = {}
        for row, stage in enumerate(catalog.stages, start=1):
            name = QLabel(f"{stage.number}  {stage.label(self.lang)}")
            rate = QSpinBox()
            rate.setObjectName(f"pref_rate_{stage.number}")
            rate.setRange(0, 100)
            rate.setSuffix(" %")
            rate.setValue(rates.get(stage.number, stage.win_rate))
            rate.setAccelerated(True)
            days = QSpinBox()
            days.setObjectName(f"pref_stale_{stage.number}")
            days.setRange(1, MAX_STALE_DAYS)
            days.setSuffix(self.tr(" days"))
            days.setValue(stale.get(stage.number, stage.stale_days))
            rate_default = QLabel(self.tr("method {0} %").format(stage.win_rate))
            rate_default.setStyleSheet(MUTED_STYLE)
            stale_default = QLabel(self.tr("method {0} days").format(stage.stale_days))
            stale_default.setStyleSheet(MUTED_STYLE)
            grid.addWidget(name, row, 0)
            grid.addWidget(rate, row, 1)
            grid.addWidget(rate_default, row, 2)
            grid.addWidget(days, row, 3)
            grid.addWidget(stale_default, row, 4)
            self.rate_boxes[stage.number] = rate
            self.stale_boxes[stage.number] = days
            rate.valueChanged.connect(lambda _v: self._validate())
            # A value of the company's own (not the method's) is shown in bold.
            for box, default in ((rate, stage.win_rate), (days, stage.stale_days)):
                box.valueChanged.connect(lambda v, b=box, d=default: _mark(b, v != d))
                _mark(box, box.value() != default)
        grid.setColumnStretch(0, 1)
        self.order_note = QLabel()
        self.order_note.setObjectName("pref_rate_note")
        self.order_note.setWordWrap(True)
        self.order_note.setStyleSheet(f"color: {AMBER};")
        self.reset = QPushButton(self.tr("Reset to method defaults"))
        self.reset.setObjectName("pref_reset")
        self.reset.clicked.connect(self.reset_to_method)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.order_note, 1)
        reset_row.addWidget(self.reset)
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(intro)
        page_layout.addSpacing(6)
        page_layout.addLayout(grid)
        page_layout.addSpacing(6)
        page_layout.addLayout(reset_row)
        page_layout.addStretch(1)
        return page

    def reset_to_method(self) -> None:
        for stage in self.ctx.catalog.stages:
            self.rate_boxes[stage.number].setValue(stage.win_rate)
            self.stale_boxes[stage.number].setValue(stage.stale_days)

    # --- Data -----------------------------------------------------------------------------------
    def _data(self) -> QWidget:
        page = QWidget()
        self.database = QLineEdit(str(self.ctx.workspace.path))
        self.database.setObjectName("pref_database")
        self.database.setReadOnly(True)
        self.database.setCursorPosition(0)
        self.open_other = QPushButton(self.tr("Open another database…"))
        self.open_other.setObjectName("pref_open_database")
        self.open_other.clicked.connect(self.choose_database)
        row = QHBoxLayout()
        row.addWidget(self.database, 1)
        row.addWidget(self.open_other)
        database_note = QLabel(
            self.tr(
                "Everything you enter is saved in this file, at once. The data folder is {0}."
            ).format(str(paths.data_dir()))
        )
        database_note.setWordWrap(True)
        database_note.setStyleSheet(MUTED_STYLE)
        self.backups = QSpinBox()
        self.backups.setObjectName("pref_backups")
        self.backups.setRange(1, MAX_BACKUPS)
        self.backups.setValue(max(1, min(MAX_BACKUPS, self.ctx.settings.backup_keep)))
        self.backups.setMaximumWidth(120)
        backups_note = QLabel(
            self.tr(
                "The newest backups kept beside the database (one a week is kept for eight weeks "
                "besides)."
            )
        )
        backups_note.setWordWrap(True)
        backups_note.setStyleSheet(MUTED_STYLE)
        form = QFormLayout(page)
        form.addRow(self.tr("Database"), row)
        form.addRow("", database_note)
        form.addRow(self.tr("Backups to keep"), self.backups)
        form.addRow("", backups_note)
        return page

    # --- Sync -----------------------------------------------------------------------------------
    def _sync(self) -> QWidget:
        page = QWidget()
        self.share_new = QCheckBox(self.tr("Share new pursuits with the team"))
        self.share_new.setObjectName("pref_share_new")
        self.share_new.setChecked(self.ctx.settings.share_new)
        note = QLabel(
            self.tr(
                "A shared pursuit travels to your colleagues through the sync folder and in "
                "exports. A private one, with everything in it (people, activities, notes, "
                "visits…), stays on this computer. Change it for one pursuit in its header or "
                "in the Pursuits list. Made private after it was shared, a pursuit stops "
                "travelling: colleagues keep the copy they have, and your later changes no "
                "longer reach them."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)
        folder_note = QLabel(
            self.tr("The sync folder and the team passphrase: File ▸ Sync Folder….")
        )
        folder_note.setWordWrap(True)
        folder_note.setStyleSheet(MUTED_STYLE)
        # The window's own action (ui/sync keeps the folder): the same dialog from here too.
        self.sync_folder = QPushButton(self.tr("Set Up…"))
        self.sync_folder.setObjectName("pref_sync_folder")
        action = self.window_.findChild(QAction, "action_sync_folder") if self.window_ else None
        self.sync_folder.setEnabled(action is not None)
        if action is not None:
            self.sync_folder.clicked.connect(action.trigger)
        form = QFormLayout(page)
        form.addRow(self.tr("New pursuits"), self.share_new)
        form.addRow("", note)
        form.addRow(self.tr("Sync folder"), self.sync_folder)
        form.addRow("", folder_note)
        return page

    def choose_database(self) -> None:
        dialog = QFileDialog(
            self,
            self.tr("Open Database"),
            str(self.ctx.workspace.path.parent),
            self.tr("Pursuit database (*.db);;All files (*)"),
        )
        dialog.setObjectName("pref_database_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.open_database(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def open_database(self, path: Path) -> bool:
        """Switch the window to the database at `path` (refused with a message when it is not
        one); the field shows where the app now works."""
        switch = getattr(self.window_, "switch_database", None)
        if switch is None or not switch(path, create=False):
            return False
        self.database.setText(str(self.ctx.workspace.path))
        return True

    # --- checking and storing -------------------------------------------------------------------
    def _validate(self) -> bool:
        code = self.currency_code()
        ok = len(code) == 3 and code.isalpha()
        self.currency_error.setText(
            "" if ok else self.tr("Use a three-letter currency code, such as CNY or USD.")
        )
        self.currency_error.setVisible(not ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        rates = [self.rate_boxes[s].value() for s in sorted(self.rate_boxes)]
        falls = [n + 2 for n in range(len(rates) - 1) if rates[n + 1] < rates[n]]
        self.order_note.setText(
            self.tr("Stage {0} has a lower win rate than the stage before it.").format(
                ", ".join(map(str, falls))
            )
            if falls
            else ""
        )
        return ok

    def win_rates(self) -> dict[int, int]:
        """The company's rates where they differ from the method's."""
        return {
            stage.number: self.rate_boxes[stage.number].value()
            for stage in self.ctx.catalog.stages
            if self.rate_boxes[stage.number].value() != stage.win_rate
        }

    def stale_days(self) -> dict[int, int]:
        return {
            stage.number: self.stale_boxes[stage.number].value()
            for stage in self.ctx.catalog.stages
            if self.stale_boxes[stage.number].value() != stage.stale_days
        }

    def accept(self) -> None:
        if not self._validate():
            self.tabs.setCurrentIndex(0)
            self.currency.setFocus()
            return
        settings = self.ctx.settings
        settings.default_currency = self.currency_code()
        settings.win_rates = {str(k): v for k, v in self.win_rates().items()}
        settings.stale_days = {str(k): v for k, v in self.stale_days().items()}
        settings.backup_keep = self.backups.value()
        settings.reminders = self.reminders.isChecked()
        settings.share_new = self.share_new.isChecked()
        settings.sync()
        self.ctx.apply_policy()
        self.ctx.broadcast(Changes.all())
        language = self.language.currentData()
        super().accept()
        self.applied.emit()
        if language != self.ctx.language:  # the one this window shows; the switch saves it
            self.language_chosen.emit(language)

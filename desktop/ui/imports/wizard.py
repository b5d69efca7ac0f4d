"""File ▸ Import ▸ Table… / vCard Contacts…: the import wizard.

file → sheet or encoding (what was read, shown) → what the rows are → the column mapping
(guessed from the headers, editable, remembered for files laid out the same way) → the preview
(each row new, duplicate or error with the reason; the duplicate policy) → the import (progress,
Cancel within a second, nothing half-done) → the report. Reading, previewing and writing each run
in a thread (`task.Task`) so the window never freezes; the import is ONE transaction after a
backup, and lands on the undo stack as one command (Edit ▸ Undo takes the whole import back).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.domain import import_values as iv
from desktop.services.accounts import list_accounts
from desktop.services.errors import InvalidInput, NotFound, StorageError
from desktop.services.imports import reading, vcards
from desktop.services.imports import table_import as ti
from desktop.services.imports.reading import Cancelled, ImportFileError, Table
from desktop.services.queries.pursuit_list import list_pursuits
from desktop.ui.common import format as fmt
from desktop.ui.common.colors import AMBER
from desktop.ui.common.screen_fit import resize_to_fit
from desktop.ui.context import AppContext
from desktop.ui.errors import invalid_input_message, message_for
from desktop.ui.imports.task import Task
from desktop.ui.imports.texts import (
    field_name,
    file_refusal,
    match_reason,
    new_accounts_text,
    problem_text,
    warning_text,
)
from desktop.ui.undo import UndoCommand, record

TABLE, VCARD = "table", "vcard"
# Preview filters beside the statuses: rows imported with a warning, rows that make an account.
WARNED, MAKES_ACCOUNT = "warned", "makes_account"
SETTINGS_SCREEN = "imports"
ModelIndex = QModelIndex | QPersistentModelIndex
_INDEX = QModelIndex()


class ImportCommand(UndoCommand):
    """The whole import as one step of the undo stack."""

    def __init__(self, ctx: AppContext, result: ti.ImportResult, text: str) -> None:
        super().__init__(ctx, text)
        self.result = result

    def apply(self) -> None:
        self.perform(ti.redo_import, self.result)

    def revert(self) -> None:
        self.perform(ti.undo_import, self.result)


class ImportWizard(QWizard):
    """One import, from choosing the file to the report."""

    def __init__(
        self,
        ctx: AppContext,
        mode: str = TABLE,
        parent: QWidget | None = None,
        current_pursuit: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The pursuit open or selected when the wizard was opened: people go onto its map first.
        self.current_pursuit = current_pursuit
        self.mode = mode
        self.setObjectName("import_wizard")
        self.setWindowTitle(
            self.tr("Import Contacts (vCard)") if mode == VCARD else self.tr("Import a Table")
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        resize_to_fit(self, 880, 600)
        # Modal to its window: no edit can wait behind the import's transaction meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # What the pages found out, handed from one to the next.
        self.path: Path | None = None
        self.table: Table | None = None
        self.kind = iv.PEOPLE if mode == VCARD else iv.PURSUITS
        self.pursuit_id: str | None = None
        self.account_id: str | None = None  # people onto this account (None: the rows' company)
        self.mapping: dict[int, str] = {}
        self.plan: ti.Preview | None = None
        self.outcome: ti.ImportResult | None = None
        self.file_page = FilePage(self)
        self.source_page = SourcePage(self)
        self.kind_page = KindPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        self.report_page = ReportPage(self)
        for page in (
            self.file_page,
            self.source_page,
            self.kind_page,
            self.mapping_page,
            self.preview_page,
            self.run_page,
            self.report_page,
        ):
            self.addPage(page)

    def running(self) -> Task | None:
        for page in (self.source_page, self.preview_page, self.run_page):
            if page.task is not None and not page.task.done:
                return page.task
        return None

    def reject(self) -> None:
        task = self.running()
        if task is not None:
            task.cancel()  # the step ends by itself (rolled back); the wizard closes now
        super().reject()

    def fields(self) -> tuple[str, ...]:
        """What a column can fill: people onto a chosen account or map take no company."""
        fields = iv.FIELDS_OF_KIND[self.kind]
        if self.kind == iv.PEOPLE and (self.pursuit_id or self.account_id):
            fields = tuple(f for f in fields if f != iv.ACCOUNT_NAME)
        return fields

    def required(self) -> tuple[str, ...]:
        """The fields a mapping must fill: people onto no chosen account name their company."""
        required = iv.REQUIRED_OF_KIND[self.kind]
        if self.kind == iv.PEOPLE and not (self.pursuit_id or self.account_id):
            required = (*required, iv.ACCOUNT_NAME)
        return required

    # remembered mappings, per file layout and kind
    def remembered(self, headers: list[str]) -> dict[int, str] | None:
        state = self.ctx.settings.screen_state(SETTINGS_SCREEN)
        saved = state.get("mappings", {}).get(iv.layout_key(headers), {}).get(self.kind)
        if not isinstance(saved, dict):
            return None
        allowed = set(iv.FIELDS_OF_KIND[self.kind])
        return {
            int(col): field
            for col, field in saved.items()
            if str(col).isdigit() and int(col) < len(headers) and field in allowed
        }

    def remember(self, headers: list[str], mapping: dict[int, str]) -> None:
        state = self.ctx.settings.screen_state(SETTINGS_SCREEN)
        mappings = dict(state.get("mappings", {}))
        key = iv.layout_key(headers)
        by_kind = dict(mappings.get(key, {}))
        by_kind[self.kind] = {str(col): field for col, field in mapping.items()}
        mappings[key] = by_kind
        if len(mappings) > 50:  # the oldest layouts go
            for old in list(mappings)[: len(mappings) - 50]:
                del mappings[old]
        state["mappings"] = mappings
        self.ctx.settings.set_screen_state(SETTINGS_SCREEN, state)


class _TaskPage(QWizardPage):
    """A page that runs one step in a thread with a progress bar."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.task: Task | None = None
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

    def start(
        self,
        work: Callable[[Task], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
        task = Task(work, self)
        self.task = task
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(lambda result: self._finish(task, done, result))
        task.failed.connect(lambda exc: self._finish(task, failed, exc))
        self.completeChanged.emit()
        task.start()

    def _progressed(self, done: int, total: int) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setFormat(QCoreApplication.translate("ImportWizard", "%v rows"))
            self.bar.setRange(0, 0)

    def _finish(self, task: Task, then: Callable[[Any], None], value: Any) -> None:
        if task is not self.task:
            return  # a step replaced by a newer one (another sheet chosen meanwhile)
        self.bar.setVisible(False)
        then(value)
        self.completeChanged.emit()

    def busy(self) -> bool:
        return self.task is not None and not self.task.done


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        vcard = wizard.mode == VCARD
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr("A .vcf file of contacts from a phone or Outlook (vCard 2.1, 3.0 or 4.0).")
            if vcard
            else self.tr(
                "An Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK) with one row per "
                "account, pursuit or person. A first row of headers helps; titles above it "
                "are skipped."
            )
        )
        self.edit = QLineEdit()
        self.edit.setObjectName("import_path")
        self.edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)

    def browse(self) -> None:
        if self.wiz.mode == VCARD:
            filters = self.tr("Contacts (*.vcf)")
        else:
            filters = self.tr("Tables (*.xlsx *.csv *.txt);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, self.title(), "", filters)
        if path:
            self.edit.setText(path)

    def isComplete(self) -> bool:
        text = self.edit.text().strip()
        return bool(text) and Path(text).expanduser().is_file()

    def validatePage(self) -> bool:
        self.wiz.path = Path(self.edit.text().strip()).expanduser()
        return True


class SourcePage(_TaskPage):
    """What was read: the sheet (hidden ones marked) or the encoding (detected one named), the
    header row found, the count of rows and the first rows as they were read."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("What was read"))
        self.sheet = QComboBox()
        self.sheet.setObjectName("import_sheet")
        self.encoding = QComboBox()
        self.encoding.setObjectName("import_encoding")
        for code, label in (
            ("utf-8", "UTF-8"),
            ("utf-8-sig", self.tr("UTF-8 with BOM")),
            ("gb18030", "GB18030 / GBK"),
            ("big5", self.tr("Big5 (traditional Chinese)")),
            ("utf-16", "UTF-16"),
        ):
            self.encoding.addItem(label, code)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Sheet:"), self.sheet)
        self.form.addRow(self.tr("Encoding:"), self.encoding)
        self.sample = QTableWidget()
        self.sample.setObjectName("import_sample")
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.sample, 1)
        self.sheet.activated.connect(lambda _i: self.read())
        self.encoding.activated.connect(lambda _i: self.read())
        self._refused = False

    def initializePage(self) -> None:
        path = self.wiz.path
        assert path is not None
        self.wiz.table = None
        suffix = path.suffix.lower()
        xlsx = suffix in (".xlsx", ".xlsm")
        self.form.setRowVisible(0, xlsx)
        self.form.setRowVisible(1, self.wiz.mode == TABLE and not xlsx)
        self.sheet.clear()
        self.encoding.setProperty("detected", None)
        self.read(first=True)

    def read(self, *, first: bool = False) -> None:
        path = self.wiz.path
        assert path is not None
        self.wiz.table = None
        self.status.setText(self.tr("Reading {0}…").format(path.name))
        self.sample.clear()
        sheet = None if first else self.sheet.currentData()
        encoding = None if first else self.encoding.currentData()
        vcard = self.wiz.mode == VCARD

        def work(task: Task) -> Table:
            if vcard:
                cards = vcards.read_vcards(path)
                return vcards.cards_table(path, cards)
            return reading.read_table(
                path, sheet=sheet, encoding=encoding, progress=lambda n: task.progress(n)
            )

        self.start(work, self._read, self._refuse)

    def _read(self, table: Table) -> None:
        self._refused = False
        self.wiz.table = table
        if self.wiz.mode != VCARD:  # the next page starts on what the headers say it lists
            self.wiz.kind = iv.guess_kind(table.headers)
        if table.sheets and self.sheet.count() == 0:
            for info in table.sheets:
                label = info.name + (self.tr(" (hidden)") if info.hidden else "")
                self.sheet.addItem(label, info.name)
        if table.sheet:
            self.sheet.setCurrentIndex(max(0, self.sheet.findData(table.sheet)))
        if table.encoding and self.encoding.property("detected") is None:
            self.encoding.setProperty("detected", table.encoding)
            at = self.encoding.findData(table.encoding)
            if at >= 0:
                self.encoding.setItemText(at, self.encoding.itemText(at) + self.tr(" (detected)"))
        if table.encoding:
            self.encoding.setCurrentIndex(max(0, self.encoding.findData(table.encoding)))
        if self.wiz.mode == VCARD:
            text = self.tr("{0} contact cards read.").format(len(table.rows))
        else:
            text = self.tr("Header on row {0}; {1} rows of data under it.").format(
                table.header_row, f"{len(table.rows):,}"
            )
            if table.skipped_repeated_headers:
                skipped = self.tr("{0} repeated header rows skipped.").format(
                    table.skipped_repeated_headers
                )
                text = fmt.sentences((text, skipped), self.wiz.ctx.lang)
            if ti.may_be_misread(table):
                hint = self.tr(
                    "None of the headers is known: if they look garbled, choose another encoding."
                )
                text = fmt.sentences((text, hint), self.wiz.ctx.lang)
        self.status.setText(text)
        rows = table.rows[:20]
        self.sample.setColumnCount(len(table.headers))
        self.sample.setHorizontalHeaderLabels(table.headers)
        self.sample.setRowCount(len(rows))
        self.sample.setVerticalHeaderLabels([str(r.number) for r in rows])
        for r, row in enumerate(rows):
            for c, text in enumerate(row.cells[: len(table.headers)]):
                self.sample.setItem(r, c, QTableWidgetItem(text))
        self.sample.resizeColumnsToContents()

    def _refuse(self, exc: BaseException) -> None:
        self._refused = True
        if isinstance(exc, ImportFileError):
            self.status.setText(file_refusal(exc))
        elif isinstance(exc, Cancelled):
            self.status.setText(self.tr("Reading was cancelled."))
        else:
            self.status.setText(message_for(exc))  # logged in full by the task

    def isComplete(self) -> bool:
        return not self.busy() and self.wiz.table is not None and not self._refused


class KindPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        vcard = wizard.mode == VCARD
        # Cards are people: what is left to ask is where they go.
        self.setTitle(
            self.tr("Where do the contacts go?") if vcard else self.tr("What are the rows?")
        )
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        for kind, label, note in (
            (
                iv.PURSUITS,
                self.tr("Pursuits, each with its contact"),
                self.tr(
                    "One row per pursuit; its account is found by name or created, and the "
                    "row's contact goes onto the pursuit's stakeholder map."
                ),
            ),
            (iv.ACCOUNTS, self.tr("Accounts"), self.tr("One row per customer organisation.")),
            (
                iv.PEOPLE,
                self.tr("People"),
                self.tr(
                    "One row per person, onto an account (to put on a map later) or onto a "
                    "pursuit's stakeholder map."
                ),
            ),
        ):
            button = QRadioButton(label)
            button.setObjectName(f"import_kind_{kind}")
            self.group.addButton(button)
            self.buttons[kind] = button
            hint = QLabel(note)
            hint.setWordWrap(True)
            hint.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(button)
            layout.addWidget(hint)
            button.setVisible(not vcard)
            hint.setVisible(not vcard)
            button.toggled.connect(lambda _on: self._changed())
        # Where people go: onto an account (no card yet), or onto a pursuit's map.
        if vcard:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "Each card becomes a person: of an account (to put on a map later) or "
                        "on a pursuit's stakeholder map."
                    )
                )
            )
        self.onto_account = QRadioButton(self.tr("Onto an account:"))
        self.onto_account.setObjectName("import_onto_account")
        self.onto_pursuit = QRadioButton(self.tr("Onto a pursuit's map:"))
        self.onto_pursuit.setObjectName("import_onto_pursuit")
        self.onto = QButtonGroup(self)
        self.onto.addButton(self.onto_account)
        self.onto.addButton(self.onto_pursuit)
        self.account = QComboBox()
        self.account.setObjectName("import_account")
        self.account.setMinimumContentsLength(30)
        self.pursuit = QComboBox()
        self.pursuit.setObjectName("import_pursuit")
        self.pursuit.setMinimumContentsLength(30)
        for widget in (self.onto_account, self.onto_pursuit):
            widget.toggled.connect(lambda _on: self._changed())
        self.pursuit.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        onto = QGridLayout()
        onto.setContentsMargins(0 if vcard else 24, 0, 0, 0)
        onto.addWidget(self.onto_account, 0, 0)
        onto.addWidget(self.account, 0, 1)
        onto.addWidget(self.onto_pursuit, 1, 0)
        onto.addWidget(self.pursuit, 1, 1)
        onto.setColumnStretch(1, 1)
        layout.addLayout(onto)
        layout.addStretch(1)

    def initializePage(self) -> None:
        vcard = self.wiz.mode == VCARD
        for kind, button in self.buttons.items():
            button.setEnabled(not vcard or kind == iv.PEOPLE)
        self.buttons[self.wiz.kind].setChecked(True)
        ws = self.wiz.ctx.workspace
        self.account.clear()
        self.account.addItem(
            self.tr("The company each card names")
            if vcard
            else self.tr("The company each row names"),
            "",
        )
        for account in list_accounts(ws):
            self.account.addItem(account.name, account.id)
        if self.wiz.account_id:
            self.account.setCurrentIndex(max(0, self.account.findData(self.wiz.account_id)))
        self.pursuit.clear()
        rows = [r for r in list_pursuits(ws) if r.status == "open"]
        for row in sorted(rows, key=lambda r: (r.account, r.title)):
            self.pursuit.addItem(f"{row.account} · {row.title}", row.id)
        wanted = self.wiz.pursuit_id or self.wiz.current_pursuit
        if wanted:
            self.pursuit.setCurrentIndex(max(0, self.pursuit.findData(wanted)))
        # Onto the map of the pursuit chosen before or open now; else onto an account.
        onto_map = bool(self.wiz.pursuit_id) or (
            not self.wiz.account_id and self.pursuit.findData(self.wiz.current_pursuit) >= 0
        )
        (self.onto_pursuit if onto_map else self.onto_account).setChecked(True)
        self._changed()

    def _changed(self) -> None:
        people = self.buttons[iv.PEOPLE].isChecked()
        for widget in (self.onto_account, self.onto_pursuit):
            widget.setEnabled(people)
        self.account.setEnabled(people and self.onto_account.isChecked())
        self.pursuit.setEnabled(people and self.onto_pursuit.isChecked())
        self.completeChanged.emit()

    def chosen(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def isComplete(self) -> bool:
        if not any(b.isChecked() for b in self.buttons.values()):
            return False
        if self.chosen() != iv.PEOPLE or self.onto_account.isChecked():
            return True
        return self.pursuit.currentData() is not None

    def validatePage(self) -> bool:
        self.wiz.kind = self.chosen()
        people = self.wiz.kind == iv.PEOPLE
        onto_map = people and self.onto_pursuit.isChecked()
        self.wiz.pursuit_id = self.pursuit.currentData() if onto_map else None
        self.wiz.account_id = (
            self.account.currentData() or None if people and not onto_map else None
        )
        return True


class MappingPage(QWizardPage):
    """Each column of the file, an example value, and the field it fills (or none)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr(
                "Each column was matched to a field by its header. Change what is wrong; the "
                "choice is remembered for files with the same headers."
            )
        )
        self.grid = QTableWidget(0, 3)
        self.grid.setObjectName("import_mapping")
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Example"), self.tr("Imports as")]
        )
        self.grid.verticalHeader().setVisible(False)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        table = self.wiz.table
        assert table is not None
        kind = self.wiz.kind
        if self.wiz.mode == VCARD:
            mapping = dict(vcards.MAPPING)
        else:
            mapping = self.wiz.remembered(table.headers) or iv.guess_mapping(table.headers, kind)
        self.grid.setRowCount(len(table.headers))
        self.combos = []
        for col, header in enumerate(table.headers):
            example = next((r.cells[col] for r in table.rows[:50] if r.cells[col]), "")
            self.grid.setItem(col, 0, QTableWidgetItem(header))
            self.grid.setItem(col, 1, QTableWidgetItem(example))
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), None)
            for field in self.wiz.fields():
                combo.addItem(field_name(field), field)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(col))))
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            self.grid.setCellWidget(col, 2, combo)
            self.combos.append(combo)
        self._changed()

    def current(self) -> dict[int, str]:
        mapping: dict[int, str] = {}
        for col, combo in enumerate(self.combos):
            field = combo.currentData()
            if field is not None and field not in mapping.values():
                mapping[col] = field
        return mapping

    def _changed(self) -> None:
        mapping = self.current()
        missing = [f for f in self.wiz.required() if f not in mapping.values()]
        fields = [c.currentData() for c in self.combos if c.currentData() is not None]
        if missing:
            self.message.setText(
                self.tr("Choose the column that gives the {0}.").format(field_name(missing[0]))
            )
        elif len(fields) != len(set(fields)):
            self.message.setText(self.tr("A field chosen twice is filled from its first column."))
        else:
            self.message.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        mapping = self.current()
        return all(f in mapping.values() for f in self.wiz.required())

    def validatePage(self) -> bool:
        table = self.wiz.table
        assert table is not None
        self.wiz.mapping = self.current()
        if self.wiz.mode == TABLE:
            self.wiz.remember(table.headers, self.wiz.mapping)
        return True


class PreviewModel(QAbstractTableModel):
    """The planned rows: number, status, what the row is, and why (read-only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ti.PlannedRow] = []
        self.encoding = ""
        self.cards = False  # rows of a vCard file: numbered as its cards
        self.headers = [self.tr("Row"), self.tr("Status"), self.tr("Record"), self.tr("Reason")]

    def set_rows(self, rows: list[ti.PlannedRow], encoding: str, *, cards: bool = False) -> None:
        self.beginResetModel()
        self.rows = rows
        self.encoding = encoding
        self.cards = cards
        self.headers[0] = self.tr("Card") if cards else self.tr("Row")
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            # An accent beside the word, never instead of it (UI guide: red flags, amber).
            colour = {ti.ERROR: "#D32F2F", ti.DUPLICATE: AMBER}.get(row.status)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and row.status != ti.ERROR:
            return QColor(AMBER) if row.warnings else None  # worth a look before importing
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return self.data(index) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.number
        if column == 1:
            return {
                ti.NEW: self.tr("New"),
                ti.DUPLICATE: self.tr("Duplicate"),
                ti.ERROR: self.tr("Error"),
            }[row.status]
        if column == 2:
            values = row.values
            parts = [
                values.get(iv.ACCOUNT_NAME, ""),
                values.get(iv.PURSUIT_TITLE, ""),
                values.get(iv.PERSON_NAME, ""),
            ]
            return " · ".join(p for p in parts if p)
        if row.status == ti.ERROR:
            return self.tr("; ").join(problem_text(p, self.encoding) for p in row.problems)
        reasons = []
        if row.match is not None:
            reasons.append(
                self.tr("{0}: {1}").format(
                    match_reason(row.match.reason, row.match.row, cards=self.cards),
                    row.match.label,
                )
            )
        if row.contact_match is not None:
            reasons.append(
                self.tr("contact already on the map ({0})").format(
                    match_reason(row.contact_match.reason, row.contact_match.row, cards=self.cards)
                )
            )
        if row.new_account:
            reasons.append(self.tr('new account "{0}"').format(row.new_account))
        reasons.extend(warning_text(w) for w in row.warnings)
        return self.tr("; ").join(reasons)


class PreviewPage(_TaskPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Preview"))
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.filter = QComboBox()
        self.filter.setObjectName("import_filter")
        for status, label in (
            (None, self.tr("All rows")),
            (ti.NEW, self.tr("New")),
            (ti.DUPLICATE, self.tr("Duplicates")),
            (ti.ERROR, self.tr("Errors")),
            (WARNED, self.tr("With warnings")),
            (MAKES_ACCOUNT, self.tr("Making new accounts")),
        ):
            self.filter.addItem(label, status)
        self.filter.currentIndexChanged.connect(lambda _i: self._show())
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setObjectName("import_preview")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 56)
        self.view.setColumnWidth(1, 72)
        self.view.setColumnWidth(2, 300)
        self.policy = QButtonGroup(self)
        policies = QHBoxLayout()
        policies.addWidget(QLabel(self.tr("Duplicates:")))
        self.policy_buttons: dict[ti.Policy, QRadioButton] = {}
        for policy, label in (
            (ti.Policy.SKIP, self.tr("Skip")),
            (ti.Policy.UPDATE_EMPTY, self.tr("Fill empty fields")),
            (ti.Policy.UPDATE_ALL, self.tr("Update all fields")),
            (ti.Policy.CREATE, self.tr("Create anyway")),
        ):
            button = QRadioButton(label)
            button.setObjectName(f"import_policy_{policy.value}")
            self.policy.addButton(button)
            self.policy_buttons[policy] = button
            policies.addWidget(button)
        policies.addStretch(1)
        self.policy_buttons[ti.Policy.SKIP].setChecked(True)
        # The accounts the import makes, said before it makes them (南京远科 beside 南京远科证券…).
        self.made = QLabel()
        self.made.setObjectName("import_new_accounts")
        self.made.setWordWrap(True)
        self.made.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.made.hide()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.made)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(policies)

    def initializePage(self) -> None:
        wiz = self.wiz
        table = wiz.table
        assert table is not None
        wiz.plan = None
        self.model.set_rows([], "")
        self.made.hide()
        self.summary.setText(self.tr("Checking each row…"))
        self.status.setText("")
        ws, kind, mapping, pursuit = wiz.ctx.workspace, wiz.kind, dict(wiz.mapping), wiz.pursuit_id
        account = wiz.account_id

        def work(task: Task) -> ti.Preview:
            return ti.preview(
                ws,
                table,
                kind,
                mapping,
                pursuit_id=pursuit,
                account_id=account,
                progress=task.progress,
            )

        self.start(work, self._ready, self._failed)

    def _ready(self, plan: ti.Preview) -> None:
        self.wiz.plan = plan
        text = self.tr("New: {0} · duplicates: {1} · with errors (not imported): {2}").format(
            plan.count(ti.NEW), plan.count(ti.DUPLICATE), plan.count(ti.ERROR)
        )
        if warned := plan.warned():
            text += self.tr(" · with warnings: {0}").format(warned)
        self.summary.setText(text)
        made = plan.new_accounts()
        self.made.setText(new_accounts_text(made, fmt.is_zh(self.wiz.ctx.lang)) if made else "")
        self.made.setVisible(bool(made))
        self._show()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, NotFound):
            self.summary.setText(
                self.tr("The pursuit or account is gone. Go back and choose another.")
            )
        elif isinstance(exc, InvalidInput):
            self.summary.setText(
                self.tr("Choose the column that gives the {0}.").format(field_name(exc.field))
            )
        else:
            self.summary.setText(message_for(exc))

    def _show(self) -> None:
        plan = self.wiz.plan
        if plan is None:
            return
        status = self.filter.currentData()
        if status is None:
            rows = plan.rows
        elif status == WARNED:
            rows = [r for r in plan.rows if r.warnings and r.status != ti.ERROR]
        elif status == MAKES_ACCOUNT:
            rows = [r for r in plan.rows if r.new_account and r.status != ti.ERROR]
        else:
            rows = [r for r in plan.rows if r.status == status]
        table = self.wiz.table
        encoding = table.encoding if table is not None else ""
        self.model.set_rows(rows, encoding, cards=self.wiz.mode == VCARD)

    def chosen_policy(self) -> ti.Policy:
        return next(p for p, b in self.policy_buttons.items() if b.isChecked())

    def isComplete(self) -> bool:
        plan = self.wiz.plan
        return not self.busy() and plan is not None and any(r.status != ti.ERROR for r in plan.rows)


class RunPage(_TaskPage):
    """The import itself: one transaction after a backup, progress and Cancel."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Importing"))
        self.setCommitPage(True)
        self.cancel = QPushButton(self.tr("Cancel the import"))
        self.cancel.setObjectName("import_cancel")
        self.cancel.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel)
        layout.addLayout(row)
        layout.addStretch(1)
        self.ended = False

    def initializePage(self) -> None:
        wiz = self.wiz
        plan = wiz.plan
        assert plan is not None
        self.ended = False
        wiz.outcome = None
        self.cancel.setEnabled(True)
        self.status.setText(self.tr("Backing up the database, then importing…"))
        ws, policy = wiz.ctx.workspace, wiz.preview_page.chosen_policy()

        def work(task: Task) -> ti.ImportResult:
            return ti.run_import(ws, plan, policy, progress=task.progress)

        self.start(work, self._done, self._failed)

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _done(self, result: ti.ImportResult) -> None:
        wiz = self.wiz
        wiz.outcome = result
        self.ended = True
        self.cancel.setEnabled(False)
        self.status.setText(self.tr("Done."))
        wiz.ctx.broadcast(result.changes)
        rows = result.created_rows + result.updated_rows
        record(ImportCommand(wiz.ctx, result, self.tr("Import of {0} rows").format(rows)))
        wiz.next()

    def _failed(self, exc: BaseException) -> None:
        self.ended = True
        self.cancel.setEnabled(False)
        if isinstance(exc, Cancelled):
            text = self.tr("The import was cancelled. Nothing was changed.")
        elif isinstance(exc, ti.RowFailed):
            # In words, never the service's field and code names (`name`, `required`).
            text = self.tr("Row {0}: {1}").format(exc.row, invalid_input_message(exc))
        elif isinstance(exc, StorageError) and exc.code == "not_pursuit_db":
            # The standard words say "this file", which here would read as the imported one.
            text = self.tr(
                "The database could not be read, so the import was not saved. Nothing was changed."
            )
        else:
            text = message_for(exc)
        self.status.setText(text)

    def isComplete(self) -> bool:
        return self.ended and self.wiz.outcome is not None


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Report"))
        self.summary = QLabel()
        self.summary.setObjectName("import_report")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # At the top: with no rejected rows to list, the label has the whole page to itself.
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.rejected = QPlainTextEdit()
        self.rejected.setObjectName("import_rejected")
        self.rejected.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejected, 1)

    def initializePage(self) -> None:
        result = self.wiz.outcome
        plan = self.wiz.plan
        assert result is not None and plan is not None
        lines = [
            self.tr(
                "Created: {0} · updated: {1} · duplicates skipped: {2} · rows with errors: {3}"
            ).format(result.created_rows, result.updated_rows, result.skipped, result.errors)
        ]
        if made := plan.new_accounts():
            lines.append(new_accounts_text(made, fmt.is_zh(self.wiz.ctx.lang)))
        if result.backup is not None:
            lines.append(self.tr("A backup from before the import: {0}").format(result.backup))
        lines.append(self.tr("Edit ▸ Undo takes the whole import back."))
        self.summary.setText("\n".join(lines))
        encoding = self.wiz.table.encoding if self.wiz.table is not None else ""
        numbered = self.tr("Card {0}: {1}") if self.wiz.mode == VCARD else self.tr("Row {0}: {1}")
        said = [
            numbered.format(
                row.number, self.tr("; ").join(problem_text(p, encoding) for p in row.problems)
            )
            for row in plan.rows
            if row.status == ti.ERROR
        ] + [  # imported all the same: worth a look afterwards
            numbered.format(row.number, self.tr("; ").join(map(warning_text, row.own_warnings())))
            for row in plan.rows
            if row.status != ti.ERROR and row.own_warnings()
        ]
        self.rejected.setVisible(bool(said))
        self.rejected.setPlainText("\n".join(said))

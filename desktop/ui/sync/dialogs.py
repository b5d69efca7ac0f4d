"""The dialogs of File ▸ Export…, Export Changes… and Import…: what to export (everything, chosen
pursuits, or only the changes a colleague has not been sent), the passphrase, the preview."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.sync.export import MIN_PASSPHRASE
from desktop.ui.sync.format import kind_label, utc_text_time

if TYPE_CHECKING:
    from desktop.services.sync.importer import Preview

PURSUIT_ID = Qt.ItemDataRole.UserRole + 1


class ExportDialog(QDialog):
    """Everything or chosen pursuits; who we are; the passphrase (or, explicitly, none)."""

    def __init__(
        self,
        pursuits: Iterable[tuple[str, str, str]],  # id, title, account
        site_name: str,
        preselected: Iterable[str] = (),
        parent: QWidget | None = None,
        recipients: Sequence[tuple[str, str, str]] | None = None,  # site, name, last export
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export for Another Computer"))
        self.setMinimumWidth(520)
        chosen = set(preselected)
        # Export Changes…: only what a colleague has not been sent yet (services.sync.recipients).
        self.changes = QRadioButton(self.tr("Only the changes not yet sent to:"))
        self.changes.setObjectName("export_changes")
        self.recipient = QComboBox()
        self.recipient.setObjectName("recipient")
        for site, name, last in recipients or ():
            when = (
                self.tr("last sent {0}").format(utc_text_time(last))
                if last
                else self.tr("nothing sent yet: everything")
            )
            self.recipient.addItem(self.tr("{0} ({1})").format(name or site[:8], when), site)
        self.recipient_note = QLabel(
            self.tr(
                "A colleague appears here once you have imported a file from them. If they "
                "missed a file, export everything once."
            )
            if recipients is not None and not recipients
            else self.tr("If the colleague missed a file, export everything once instead.")
        )
        self.recipient_note.setWordWrap(True)
        self.recipient_note.setEnabled(False)

        self.everything = QRadioButton(self.tr("All pursuits and everything in them"))
        self.some = QRadioButton(self.tr("Only the pursuits ticked below"))
        scope = QButtonGroup(self)
        scope.addButton(self.everything)
        scope.addButton(self.some)
        scope.addButton(self.changes)
        self.model = QStandardItemModel(self)
        for pursuit_id, title, account in pursuits:
            item = QStandardItem(f"{account} · {title}" if account else title)
            item.setData(pursuit_id, PURSUIT_ID)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if pursuit_id in chosen else Qt.CheckState.Unchecked
            )
            self.model.appendRow(item)
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(self.model)
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a pursuit or account"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.filtered.setFilterFixedString)
        self.list = QListView()
        self.list.setModel(self.filtered)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(160)
        # Everything by default: a rep exports to carry the whole pipeline to the other
        # computer; choosing pursuits is the deliberate exception.
        self.everything.setChecked(True)
        if recipients is not None:
            self.setWindowTitle(self.tr("Export Changes"))
            if recipients:
                self.changes.setChecked(True)
        self.everything.toggled.connect(self._update)
        self.changes.toggled.connect(self._update)
        self.model.itemChanged.connect(self._update)

        self.name = QLineEdit(site_name)
        self.name.setObjectName("site_name")
        self.name.setPlaceholderText(self.tr("For example 王芳 (the receiver sees it)"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("passphrase_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.plain = QCheckBox(
            self.tr("Export without encryption (anyone with the file can read it)")
        )
        self.plain.setObjectName("no_encryption")
        self.files = QCheckBox(self.tr("Include the documents' files (sent beside the file)"))
        self.files.setObjectName("include_files")
        self.files.setChecked(True)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        # What is still missing, in grey: red is kept for a mistake in something already typed.
        self.missing = QLabel()
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self.missing.setEnabled(False)
        for widget in (self.passphrase, self.again, self.name):
            widget.textChanged.connect(self._update)
        self.plain.toggled.connect(self._update)

        hint = QLabel(
            self.tr(
                "At least {0} characters. Tell it to the person who imports the file another "
                "way (by phone, in person), not in the same message as the file."
            ).format(MIN_PASSPHRASE)
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Your name in the file:"), self.name)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Passphrase again:"), self.again)
        form.addRow("", hint)
        form.addRow("", self.plain)
        form.addRow("", self.files)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if recipients is not None:
            row = QHBoxLayout()
            row.addWidget(self.changes)
            row.addWidget(self.recipient, 1)
            layout.addLayout(row)
            layout.addWidget(self.recipient_note)
        else:
            self.changes.hide()
            self.recipient.hide()
            self.recipient_note.hide()
        layout.addWidget(self.everything)
        layout.addWidget(self.some)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.missing)
        layout.addWidget(self.buttons)
        self._update()

    def recipient_site(self) -> str | None:
        """The colleague's site to send only the changes to (None: not a changes export)."""
        if not self.changes.isChecked():
            return None
        site = self.recipient.currentData()
        return site if isinstance(site, str) else None

    def chosen_pursuits(self) -> list[str] | None:
        """None for everything (and for a changes export)."""
        if self.everything.isChecked() or self.changes.isChecked():
            return None
        return [
            self.model.item(row).data(PURSUIT_ID)
            for row in range(self.model.rowCount())
            if self.model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def encrypt(self) -> bool:
        return not self.plain.isChecked()

    def include_files(self) -> bool:
        return self.files.isChecked()

    def secret(self) -> str | None:
        return self.passphrase.text() if self.encrypt() else None

    def site_name(self) -> str:
        return self.name.text().strip()

    def _update(self, *_: object) -> None:
        some = self.some.isChecked()
        self.filter.setEnabled(some)
        self.list.setEnabled(some)
        self.passphrase.setEnabled(self.encrypt())
        self.again.setEnabled(self.encrypt())
        typed = self.encrypt() and bool(self.passphrase.text() or self.again.text())
        problem = ""  # a mistake in what was chosen or typed: shown in red
        missing = ""  # what is not filled in yet: a grey hint, never an error
        self.changes.setEnabled(self.recipient.count() > 0)
        self.recipient.setEnabled(self.changes.isChecked())
        if some and not self.chosen_pursuits():
            problem = self.tr("Tick at least one pursuit.")
        elif typed and len(self.passphrase.text().strip()) < MIN_PASSPHRASE:
            problem = self.tr("The passphrase needs at least {0} characters.").format(
                MIN_PASSPHRASE
            )
        elif typed and self.again.text() and self.passphrase.text() != self.again.text():
            problem = self.tr("The two passphrases differ.")
        if not self.site_name():
            missing = self.tr("Type your name so the receiver knows who the file is from.")
        elif self.encrypt() and not self.passphrase.text():
            missing = self.tr("Choose a passphrase, or export without encryption.")
        elif self.encrypt() and self.passphrase.text() != self.again.text():
            missing = self.tr("Type the passphrase again.")
        self.problem.setText(problem)
        self.problem.setStyleSheet("color: #D32F2F" if problem else "")
        self.problem.setVisible(bool(problem))
        self.missing.setText("" if problem else missing)
        self.missing.setVisible(bool(missing) and not problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            not problem and not missing
        )


class PassphraseDialog(QDialog):
    """The passphrase of an encrypted file, with who sent it and when."""

    def __init__(
        self,
        file_name: str,
        source: str,
        created: str,
        parent: QWidget | None = None,
        *,
        wrong: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle(self.tr("Import"))
        if created:  # a file of format 1: who sent it and when were in clear
            words = self.tr(
                "<b>{0}</b><br>from {1}, exported {2}<br><br>The file is encrypted. Enter the "
                "passphrase you were given for it:"
            ).format(file_name, source or self.tr("another computer"), _header_time(created))
        else:
            words = self.tr(
                "<b>{0}</b><br><br>The file is encrypted. Enter the passphrase you were given "
                "for it:"
            ).format(file_name)
        text = QLabel(words)
        text.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        # After a wrong passphrase the same file is asked for again: the rep retypes, nothing
        # else (the file is not chosen a second time).
        self.wrong = QLabel(
            self.tr("That passphrase does not open the file. Check it and type it again.")
        )
        self.wrong.setObjectName("wrong_passphrase")
        self.wrong.setWordWrap(True)
        self.wrong.setStyleSheet("color: #D32F2F")
        self.wrong.setVisible(wrong)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.passphrase.textChanged.connect(lambda text: self.ok.setEnabled(bool(text)))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.wrong)
        layout.addWidget(self.passphrase)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


class PreviewDialog(QDialog):
    """What the import will do, per kind of record; nothing is changed until "Import"."""

    COLUMNS = 5

    def __init__(self, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview_dialog")
        self.setWindowTitle(self.tr("Import Preview"))
        self.preview = preview
        who = preview.source_name or self.tr("another computer")
        head = QLabel(
            self.tr("From <b>{0}</b>, exported {1}. {2}").format(
                who,
                _header_time(preview.created),
                self.tr("All pursuits.")
                if preview.scope_all
                else self.tr("Chosen pursuits only: nothing else is touched."),
            )
        )
        head.setWordWrap(True)
        self.model = QStandardItemModel(0, self.COLUMNS, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("To review"),
                self.tr("Rejected"),
            ]
        )
        totals = [0, 0, 0, 0]
        for kind, counts in preview.counts.items():
            numbers = [counts.new, counts.updated, counts.conflicts, counts.rejected]
            if not any(numbers):
                continue
            totals = [a + b for a, b in zip(totals, numbers, strict=True)]
            self._row(kind_label(kind), numbers)
        self._row(self.tr("Total"), totals, bold=True)
        self.table = QTableView()
        self.table.setObjectName("preview_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.COLUMNS):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        if totals[2]:
            conflicts = QLabel(
                self.tr(
                    "1 item was changed on both computers. Both versions are kept; you choose "
                    "in Review."
                )
                if totals[2] == 1
                else self.tr(
                    "{0} items were changed on both computers. Both versions are kept; you "
                    "choose in Review."
                ).format(totals[2])
            )
            conflicts.setWordWrap(True)
            layout.addWidget(conflicts)
        if not preview.encrypted:
            plain = QLabel(
                self.tr(
                    "This file is not encrypted: anyone who handled it on the way could have "
                    "read or changed it. Import it only if you know where it comes from."
                )
            )
            plain.setObjectName("plain_warning")
            plain.setWordWrap(True)
            layout.addWidget(plain)
        if preview.rejected:
            rejected = QLabel(
                self.tr(
                    "Rejected records break the rules of this database (for example, a "
                    "missing account). They are left out; everything else is imported."
                )
            )
            rejected.setWordWrap(True)
            layout.addWidget(rejected)
        note = QLabel(
            self.tr(
                "Nothing changes until you press Import. A backup is taken first, and "
                "Edit ▸ Undo Last Sync Import puts everything back."
            )
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _row(self, label: str, numbers: list[int], *, bold: bool = False) -> None:
        items = [QStandardItem(label)]
        for number in numbers:
            item = QStandardItem(f"{number:,}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        for item in items:
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
        self.model.appendRow(items)

    def counts_shown(self) -> dict[str, list[int]]:
        """The table as text (for tests and accessibility checks)."""
        return {
            self.model.item(row, 0).text(): [
                int(self.model.item(row, c).text().replace(",", "")) for c in range(1, 5)
            ]
            for row in range(self.model.rowCount())
        }


def _header_time(text: str) -> str:
    try:
        moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return text
    return utc_text_time(moment.isoformat(sep=" "))

"""Dialogs of the Accounts screen: new / edit account, and merge two duplicates."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import accounts
from desktop.services.accounts import AccountSummary
from desktop.services.errors import InvalidInput
from desktop.ui.common import counts
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_error

ERROR_STYLE = "color: #D32F2F;"
IdRole = Qt.ItemDataRole.UserRole + 1


class AccountDialog(QDialog):
    """The account's name, industry, address and notes. A bad name is refused at the field."""

    saved = Signal(str, dict, dict)  # account id (new: ""), values before, values after

    def __init__(
        self,
        ctx: AppContext,
        values: dict[str, str] | None = None,
        industries: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("account_dialog")
        self.ctx = ctx
        self.before = dict(values or {})
        self.account_id = self.before.pop("id", "") if values else ""
        self.setWindowTitle(self.tr("Edit account") if self.account_id else self.tr("New account"))
        self.setMinimumWidth(480)
        self.name = QLineEdit(self.before.get("name", ""))
        self.name.setObjectName("account_name")
        self.name.setPlaceholderText(self.tr("The customer's full name, e.g. 苏州恒通电子有限公司"))
        self.name_error = QLabel()
        self.name_error.setObjectName("error_name")
        self.name_error.setStyleSheet(ERROR_STYLE)
        self.name_error.setWordWrap(True)
        self.name_error.hide()
        self.industry = QComboBox()
        self.industry.setObjectName("account_industry")
        self.industry.setEditable(True)
        self.industry.addItems(sorted({i for i in industries if i}))
        self.industry.setCurrentText(self.before.get("industry", ""))
        self.address = QLineEdit(self.before.get("address", ""))
        self.address.setObjectName("account_address")
        self.notes = QPlainTextEdit(self.before.get("notes", ""))
        self.notes.setObjectName("account_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What to remember about this customer"))
        self.notes.setMinimumHeight(90)
        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name)
        name_box.addWidget(self.name_error)
        form = QFormLayout()
        form.addRow(self.tr("Name"), name_box)
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self.name.textEdited.connect(lambda _t: self.name_error.hide())

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text().strip(),
            "industry": self.industry.currentText().strip(),
            "address": self.address.text().strip(),
            "notes": self.notes.toPlainText().strip(),
        }

    def accept(self) -> None:
        after = self.values()
        # A refused name is shown at the field (no box); any other failure in a box, and the
        # dialog stays open either way.
        perform = self.ctx.on(self, explains=(InvalidInput,)).perform
        try:
            if self.account_id:
                changed = {k: v for k, v in after.items() if self.before.get(k, "") != v}
                if changed:
                    perform(accounts.update_account, self.account_id, changed)
                    before = {k: self.before.get(k, "") for k in changed}
                    self.saved.emit(self.account_id, before, changed)
            else:
                self.account_id, _changes = perform(accounts.create_account, after)
                self.saved.emit(self.account_id, {}, after)
        except InvalidInput as exc:
            self.show_problem(exc)
            return
        except OperationFailed:
            return
        super().accept()

    def show_problem(self, exc: InvalidInput) -> None:
        if exc.code == "duplicate":
            text = self.tr(
                "Another account already has this name. Use a different name, or merge the two."
            )
        else:
            text = self.tr("An account needs a name.")
        self.name_error.setText(text)
        self.name_error.show()
        self.name.setFocus()
        self.name.selectAll()


class MergeDialog(QDialog):
    """Pick the duplicate of an account and which of the two to keep; shows what will move."""

    def __init__(
        self,
        ctx: AppContext,
        account: AccountSummary,
        others: Sequence[AccountSummary],
        suggested: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.ctx = ctx
        self.account = account
        self.setWindowTitle(self.tr("Merge duplicate accounts"))
        self.setMinimumSize(520, 520)
        intro = QLabel(
            self.tr(
                "Choose the account that is the same customer as <b>{0}</b>. Its pursuits, people "
                "and visits move to the account you keep; the other one is removed. Undo puts "
                "everything back."
            ).format(_escape(account.name))
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("merge_search")
        self.search.setPlaceholderText(self.tr("Find an account"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("merge_list")
        self.list.setUniformItemSizes(True)
        suggested_set = set(suggested)
        ordered = sorted(others, key=lambda a: (a.id not in suggested_set, a.name))
        bold = QFont()
        bold.setBold(True)
        for other in ordered:
            if other.id == account.id:
                continue
            text = other.name
            if other.id in suggested_set:
                text = self.tr("{0}  (similar name)").format(other.name)
            item = QListWidgetItem(text)
            item.setData(IdRole, other.id)
            item.setData(Qt.ItemDataRole.UserRole, other.name)
            if other.id in suggested_set:
                item.setFont(bold)
            self.list.addItem(item)
        self.keep_this = QRadioButton()
        self.keep_this.setObjectName("keep_this")
        self.keep_this.setChecked(True)
        self.keep_other = QRadioButton()
        self.keep_other.setObjectName("keep_other")
        self.preview = QLabel()
        self.preview.setObjectName("merge_preview")
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.search)
        box.addWidget(self.list, 1)
        box.addWidget(QLabel(self.tr("Keep:")))
        box.addWidget(self.keep_this)
        box.addWidget(self.keep_other)
        box.addWidget(self.preview)
        box.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.keep_this.toggled.connect(lambda _c: self._update())
        if suggested and self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def other_id(self) -> str | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(IdRole))

    def choose(self, other_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(IdRole) == other_id:
                self.list.setCurrentRow(row)
                return

    def pair(self) -> tuple[str, str] | None:
        """(keep id, merged id), or None while no duplicate is chosen."""
        other = self.other_id()
        if other is None:
            return None
        if self.keep_this.isChecked():
            return self.account.id, other
        return other, self.account.id

    def _filter(self, text: str) -> None:
        words = [w.casefold() for w in text.split()]
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = str(item.data(Qt.ItemDataRole.UserRole)).casefold()
            item.setHidden(not all(w in name for w in words))
        self._update()

    def _update(self) -> None:
        other = self.list.currentItem()
        other_name = str(other.data(Qt.ItemDataRole.UserRole)) if other is not None else "…"
        self.keep_this.setText(self.account.name)
        self.keep_other.setText(other_name)
        pair = self.pair()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(pair is not None)
        self.keep_other.setEnabled(pair is not None)
        if pair is None:
            self.preview.setText(self.tr("Pick the duplicate in the list."))
            return
        keep_id, merged_id = pair
        try:
            moved = accounts.merge_preview(self.ctx.workspace, keep_id, merged_id)
        except Exception as exc:
            show_error(self, exc)
            ok.setEnabled(False)
            return
        keep_name = self.account.name if keep_id == self.account.id else other_name
        merged_name = other_name if keep_id == self.account.id else self.account.name
        pursuits, people, visits = moved["pursuits"], moved["people"], moved["visits"]
        held = self.tr(", ").join(
            (counts.pursuits(pursuits), counts.people(people), counts.visits(visits))
        )
        self.preview.setText(
            self.tr('What "{0}" holds moves to "{1}": {2}. "{0}" is removed.').format(
                merged_name, keep_name, held
            )
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

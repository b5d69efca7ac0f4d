"""The Duplicates dialog (Accounts ▸ Duplicates…): accounts, competitors and people recorded
twice, merged in one step that Edit ▸ Undo takes back.

It lists what `services.duplicates.find_duplicates` found. Nothing is ticked at first: a name that
matches once the legal form is stripped may still be a group and its subsidiary, so the rep ticks
what is really one. The record kept is an account's or a competitor's with the most pursuits (a
person's first record); click another record of the group to keep that one instead. Merge folds
every ticked group in one transaction; `DuplicatesCommand` holds what that did so undo and redo
are one step. The window's status bar says what a merge did, and that an undo took it back
(the dialog has closed by then: without a word the rep cannot tell a merge or Ctrl+Z happened).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import duplicates
from desktop.services.duplicates import DuplicateGroup, GroupMerge
from desktop.ui.accounts.commands import tell
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.undo import UndoCommand, record

IdRole = Qt.ItemDataRole.UserRole + 1


class DuplicatesCommand(UndoCommand):
    """Duplicate groups merged; undo brings every merged record back with what it had."""

    def __init__(
        self,
        ctx: AppContext,
        groups: Sequence[tuple[str, Sequence[str]]],
        merge: GroupMerge,
        text: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent_widget)
        self.groups = [(kind, list(ids)) for kind, ids in groups]
        self.done_merge = merge  # what undoes it; a redo makes a new one

    def apply(self) -> None:
        self.done_merge = self.perform(duplicates.merge_groups, self.groups)
        tell(self.parent_widget, merged_text(len(self.groups)))

    def revert(self) -> None:
        self.perform(duplicates.undo_merge_groups, self.done_merge)
        tell(self.parent_widget, undone_text(len(self.groups)))


def merged_text(groups: int) -> str:
    if groups == 1:
        return QCoreApplication.translate(
            "DuplicatesCommand", "Merged 1 group of duplicates — undo with Ctrl+Z"
        )
    return QCoreApplication.translate(
        "DuplicatesCommand", "Merged {0} groups of duplicates — undo with Ctrl+Z"
    ).format(groups)


def undone_text(groups: int) -> str:
    if groups == 1:
        return QCoreApplication.translate(
            "DuplicatesCommand", "Undid the merge of 1 group of duplicates"
        )
    return QCoreApplication.translate(
        "DuplicatesCommand", "Undid the merge of {0} groups of duplicates"
    ).format(groups)


class DuplicatesDialog(QDialog):
    """The groups found; Merge merges the ones the rep ticked (one undo step)."""

    def __init__(
        self, ctx: AppContext, groups: Sequence[DuplicateGroup], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicates_dialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Duplicates"))
        self.setMinimumSize(560, 480)
        intro = QLabel(
            self.tr(
                "These accounts, competitors and people look recorded twice (the same company "
                "name, phone or email). The record in bold is kept; click another to keep that "
                "one. What the others have moves to it. Undo puts everything back."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("duplicates_tree")
        self.tree.setHeaderLabels([self.tr("Record"), self.tr("Details")])
        self.tree.setColumnWidth(0, 260)
        reasons = {
            "name": self.tr("same name"),
            "phone": self.tr("same phone"),
            "email": self.tr("same email"),
        }
        for group in groups:
            titles = {
                "account": self.tr('Account "{0}"'),
                "competitor": self.tr('Competitor "{0}"'),
            }
            title = titles.get(group.kind, self.tr('Person "{0}"')).format(group.records[0].name)
            top = QTreeWidgetItem([title, reasons.get(group.reason, group.reason)])
            top.setData(0, IdRole, group.kind)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            top.setCheckState(0, Qt.CheckState.Unchecked)
            for candidate in group.records:
                detail = (
                    self.tr("Pursuits: {0}").format(candidate.detail)
                    if group.kind in _COUNTED
                    else " · ".join(t for t in (candidate.account, candidate.detail) if t)
                )
                child = QTreeWidgetItem([candidate.name or "—", detail])
                child.setData(0, IdRole, candidate.id)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            self._keep(top.child(_likely_kept(group)))
        self.tree.expandAll()
        self.tree.itemClicked.connect(lambda item, _column: self._keep(item))
        self.tree.itemChanged.connect(lambda _item, _column: self._update_merge())
        self.empty = QLabel(self.tr("No duplicates found."))
        self.empty.setVisible(not groups)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)  # tick first
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.tree, 1)
        box.addWidget(self.empty)
        box.addWidget(self.buttons)

    def _update_merge(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))

    def _keep(self, item: QTreeWidgetItem | None) -> None:
        """Make `item` the record kept of its group (shown bold, listed first when merging)."""
        top = item.parent() if item is not None else None
        if item is None or top is None:
            return
        for n in range(top.childCount()):
            child = top.child(n)
            if child is None:
                continue
            font = QFont(child.font(0))
            font.setBold(child is item)
            child.setFont(0, font)
        top.setData(1, IdRole, item.data(0, IdRole))

    def chosen(self) -> list[tuple[str, list[str]]]:
        """The ticked groups as (kind, ids) with the kept record first."""
        groups = []
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            if top is None or top.checkState(0) != Qt.CheckState.Checked:
                continue
            keep = top.data(1, IdRole)
            children = (top.child(i) for i in range(top.childCount()))
            ids = [child.data(0, IdRole) for child in children if child is not None]
            groups.append((str(top.data(0, IdRole)), [keep, *(i for i in ids if i != keep)]))
        return groups

    def accept(self) -> None:
        groups = self.chosen()
        if groups:
            try:
                merge = self.ctx.perform_in(self, duplicates.merge_groups, groups)
            except OperationFailed:
                return
            text = self.tr("Merge duplicates: {0}").format(len(groups))
            record(DuplicatesCommand(self.ctx, groups, merge, text, self.parentWidget()))
            tell(self.parentWidget(), merged_text(len(groups)))
        super().accept()


# The kinds whose `detail` is the count of their pursuits.
_COUNTED = ("account", "competitor")


def _likely_kept(group: DuplicateGroup) -> int:
    """The record to keep unless the rep clicks another: an account's or a competitor's with
    the most pursuits (its `detail` is their count), else the first."""
    if group.kind not in _COUNTED:
        return 0
    counts = [int(r.detail) if str(r.detail).isdigit() else 0 for r in group.records]
    return counts.index(max(counts))

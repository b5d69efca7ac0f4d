"""Undo commands of the Accounts screen: edits and merges (create and delete use the operations'
AliveCommand). Like those, each is built from a use-case the screen already ran through
`ctx.perform` and put on the stack with `ui.undo.record`; later undo / redo call the services
again (see `ui.undo`). A merge's undo and redo are said in the status bar, as the Duplicates
dialog's are (`tell`): the rep merged from a dialog that has closed, and Ctrl+Z alone shows no
change on a screen that may not list the account brought back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.services import accounts
from desktop.services.accounts import Merge
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand


class EditAccountCommand(UndoCommand):
    """An account's fields set from `before` to `after`."""

    def __init__(
        self,
        ctx: AppContext,
        account_id: str,
        before: Mapping[str, Any],
        after: Mapping[str, Any],
        text: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent_widget)
        self.account_id = account_id
        self.before = dict(before)
        self.after = dict(after)

    def apply(self) -> None:
        self.perform(accounts.update_account, self.account_id, self.after)

    def revert(self) -> None:
        self.perform(accounts.update_account, self.account_id, self.before)


class MergeCommand(UndoCommand):
    """A duplicate account merged into another: undo brings it back with what it had.

    `names`: the merged account's and the kept one's, as the merge was told."""

    def __init__(
        self,
        ctx: AppContext,
        merge: Merge,
        text: str,
        names: tuple[str, str],
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, text, parent_widget)
        self.done_merge = merge  # what undoes it; a redo makes a new one
        self.names = names

    def apply(self) -> None:
        self.done_merge, _changes = self.perform(accounts.redo_merge, self.done_merge)
        tell(
            self.parent_widget,
            QCoreApplication.translate(
                "MergeCommand", 'Merged "{0}" into "{1}" — undo with Ctrl+Z'
            ).format(*self.names),
        )

    def revert(self) -> None:
        self.perform(accounts.unmerge_accounts, self.done_merge)
        undone = QCoreApplication.translate("MergeCommand", 'Undid the merge of "{0}" into "{1}"')
        tell(self.parent_widget, undone.format(*self.names))


def tell(widget: QWidget | None, text: str) -> None:
    """Say `text` in the status bar of the window `widget` is in (the Accounts screen's)."""
    window = widget.window() if widget is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)

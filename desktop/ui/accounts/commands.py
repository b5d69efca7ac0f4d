"""Undo commands of the Accounts screen: edits and merges (create and delete use the board's
AliveCommand). Like the board's, each runs its service first and is pushed only when the save
succeeded, so its first `redo` does nothing; later undo / redo call the services again."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.services import accounts
from desktop.services.accounts import Merge
from desktop.ui.context import AppContext
from desktop.ui.operations.commands import _DoneCommand


class EditAccountCommand(_DoneCommand):
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
        self._perform(accounts.update_account, self.account_id, self.after)

    def revert(self) -> None:
        self._perform(accounts.update_account, self.account_id, self.before)


class MergeCommand(_DoneCommand):
    """A duplicate account merged into another: undo brings it back with what it had."""

    def __init__(
        self, ctx: AppContext, merge: Merge, text: str, parent_widget: QWidget | None = None
    ) -> None:
        super().__init__(ctx, text, parent_widget)
        self.merge = merge

    def apply(self) -> None:
        self.merge, _changes = self._perform(accounts.redo_merge, self.merge)

    def revert(self) -> None:
        self._perform(accounts.unmerge_accounts, self.merge)

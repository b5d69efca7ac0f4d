"""Share a pursuit with the team or keep it on this computer: the one gesture every screen offers
(the pursuit's header, the Pursuits list's menu), undoable, with the words that say what it means.

Private (services.sync.sharing): the pursuit and everything in it stay out of every sync file and
export. Made private after it was shared, it stops travelling: colleagues keep the copy they
already have; this computer's later changes no longer reach them. Shared again, the whole pursuit
goes out in the next file.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.services.changes import ChangeKind
from desktop.services.sync import sharing
from desktop.ui.context import AppContext
from desktop.ui.undo import UndoCommand, push


def shared_note() -> str:
    return QCoreApplication.translate(
        "Sharing", "Shared with the team: it travels through the sync folder and exports."
    )


def private_note() -> str:
    return QCoreApplication.translate(
        "Sharing",
        "Private: kept on this computer, left out of every sync file and export. Colleagues who "
        "already received it keep the copy they have; your later changes no longer reach them.",
    )


class ShareCommand(UndoCommand):
    """Pursuits made shared or private; undo turns back only those this step changed."""

    def __init__(
        self, ctx: AppContext, ids: Sequence[str], shared: bool, parent: QWidget | None
    ) -> None:
        text = (
            QCoreApplication.translate("Sharing", "Share with the team")
            if shared
            else QCoreApplication.translate("Sharing", "Keep private")
        )
        super().__init__(ctx, text, parent)
        self.ids = list(ids)
        self.shared = shared

    def apply(self) -> None:
        changes = self.perform(sharing.set_shared, self.ids, self.shared)
        self.ids = sorted(changes.ids(ChangeKind.PURSUIT))  # undo turns back only these

    def revert(self) -> None:
        self.perform(sharing.set_shared, self.ids, not self.shared)


def set_shared(ctx: AppContext, ids: Sequence[str], shared: bool, parent: QWidget | None) -> bool:
    """Share the pursuits or keep them private, as one undoable step."""
    return push(ShareCommand(ctx, ids, shared, parent))

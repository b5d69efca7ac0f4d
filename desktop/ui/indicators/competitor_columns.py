"""The competitor columns of the grid: adding one from the picker, removing and reordering them,
and each competitor's profile window.

These gestures act on `PursuitCompetitor` memberships, not on the criteria, so they have their own
undo commands and their own menu (the column header's); the grid only reads the columns back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from desktop.services import indicators
from desktop.services.errors import NotFound
from desktop.services.indicators import competitor_of
from desktop.ui.indicators.commands import (
    AddCompetitorCommand,
    CompetitorOrderCommand,
    RemoveCompetitorCommand,
)
from desktop.ui.indicators.competitors import CompetitorPickerDialog, CompetitorProfileDialog
from desktop.ui.undo import push

if TYPE_CHECKING:
    from desktop.ui.indicators.widget import IndicatorGridWidget


class CompetitorColumns(QObject):
    """Add, remove, move and profile the competitors of the pursuit the grid shows."""

    def __init__(self, grid: IndicatorGridWidget) -> None:
        super().__init__(grid)
        self.grid = grid
        self.ctx = grid.ctx
        self.profiles: dict[str, CompetitorProfileDialog] = {}  # one window per competitor
        self.picker: CompetitorPickerDialog | None = None

    def close_profiles(self) -> None:
        """Another pursuit is shown: its competitors' windows go."""
        for dialog in list(self.profiles.values()):
            dialog.close()
        self.profiles.clear()

    def header_menu(self, column: int) -> QMenu:
        """The menu of a column header: a competitor's own actions, then "Add competitor…"."""
        grid = self.grid
        menu = QMenu(grid)
        menu.setObjectName("header_menu")
        key = grid.model.key(column) if 0 <= column < len(grid.model.columns) else ""
        cid = competitor_of(key)
        if cid is not None:
            name = grid.model.title(key)
            order = grid.model.grid.competitor_ids
            at = order.index(cid)
            menu.addAction(self.tr("Profile of {0}…").format(name), lambda: self.open_profile(cid))
            left = menu.addAction(self.tr("Move left"), lambda: self.move_competitor(cid, -1))
            left.setEnabled(at > 0)
            right = menu.addAction(self.tr("Move right"), lambda: self.move_competitor(cid, 1))
            right.setEnabled(at < len(order) - 1)
            menu.addSeparator()
            menu.addAction(
                self.tr("Remove {0} from this pursuit").format(name),
                lambda: self.remove_competitor(cid),
            )
            menu.addSeparator()
        menu.addAction(grid.toolbar.add_competitor_action)
        return menu

    def header_double_clicked(self, column: int) -> None:
        model = self.grid.model
        cid = competitor_of(model.key(column)) if column < len(model.columns) else None
        if cid is not None:
            self.open_profile(cid)

    def open_picker(self) -> CompetitorPickerDialog | None:
        grid = self.grid
        if grid.pursuit_id is None:
            return None
        dialog = CompetitorPickerDialog(self.ctx, grid.pursuit_id, grid)
        dialog.accepted.connect(lambda: self._picked(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.picker = dialog
        dialog.open()
        return dialog

    def _picked(self, dialog: CompetitorPickerDialog) -> None:
        grid = self.grid
        if grid.pursuit_id is None:
            return
        cid, new_name = dialog.chosen_id, dialog.new_name
        if cid is None and not new_name:
            return
        name = new_name or next(e.name for e in dialog.entries if e.id == cid)
        command = AddCompetitorCommand(
            self.ctx,
            grid.pursuit_id,
            self.tr("Add competitor {0}").format(name),
            competitor_id=cid,
            new_name=new_name,
            notes=dialog.notes(),
            widget=grid,
        )
        push(command)
        if not command.failed:
            grid.message.show_message(
                self.tr("{0} added. Score them in the new column.").format(name), "info"
            )
            column = grid.model.columns.index(indicators.score_column(str(command.competitor_id)))
            if grid.model.rowCount():
                grid.view.setCurrentIndex(grid.model.index(0, column))

    def remove_competitor(self, competitor_id: str) -> None:
        grid = self.grid
        if grid.pursuit_id is None:
            return
        name = grid.model.title(indicators.score_column(competitor_id))
        dialog = self.profiles.pop(competitor_id, None)
        if dialog is not None:
            dialog.close()
        command = RemoveCompetitorCommand(
            self.ctx,
            grid.pursuit_id,
            competitor_id,
            self.tr("Remove competitor {0}").format(name),
            grid,
        )
        push(command)
        if not command.failed:
            grid.message.show_message(
                self.tr(
                    "{0} removed from this pursuit. Edit ▸ Undo brings the column back."
                ).format(name),
                "info",
            )

    def move_competitor(self, competitor_id: str, step: int) -> None:
        grid = self.grid
        if grid.pursuit_id is None:
            return
        old = list(grid.model.grid.competitor_ids)
        at = old.index(competitor_id)
        to = at + step
        if not 0 <= to < len(old):
            return
        new = list(old)
        new[at], new[to] = new[to], new[at]
        name = grid.model.title(indicators.score_column(competitor_id))
        push(
            CompetitorOrderCommand(
                self.ctx, grid.pursuit_id, old, new, self.tr("Move {0}").format(name), grid
            )
        )

    def open_profile(self, competitor_id: str) -> CompetitorProfileDialog | None:
        grid = self.grid
        if grid.pursuit_id is None:
            return None
        dialog = self.profiles.get(competitor_id)
        if dialog is None or not dialog.isVisible():
            try:
                dialog = CompetitorProfileDialog(self.ctx, grid.pursuit_id, competitor_id, grid)
            except NotFound:
                return None
            dialog.finished.connect(lambda _r, cid=competitor_id: self.profiles.pop(cid, None))
            self.profiles[competitor_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

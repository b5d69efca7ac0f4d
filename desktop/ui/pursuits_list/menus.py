"""The Pursuits screen's menus: the row context menu with the gestures and the columns menu.

A mixin of `PursuitsScreen` (so its `tr` keeps the screen's translation context)."""

from __future__ import annotations

from PySide6.QtCore import (
    QPoint,
)
from PySide6.QtWidgets import (
    QMenu,
)

from desktop.ui.pursuits_list.parts import ScreenParts


class ListMenus(ScreenParts):
    """The context menu of the selection and the menu that shows and hides columns."""

    # --- context menus ----------------------------------------------------------------------------
    def build_context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addMenu(self.move_menu)
        menu.addAction(self.won_action)
        menu.addAction(self.lost_action)
        menu.addAction(self.abandon_action)
        menu.addAction(self.reopen_action)
        menu.addSeparator()
        menu.addAction(self.add_tag_action)
        menu.addAction(self.remove_tag_action)
        menu.addSeparator()
        menu.addAction(self.share_action)
        menu.addAction(self.private_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.addAction(self.purge_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and not self.view.selectionModel().isRowSelected(index.row()):
            self.view.selectRow(index.row())
        self.build_context_menu().popup(self.view.viewport().mapToGlobal(pos))

    def columns_menu(self) -> QMenu:
        menu = QMenu(self.tr("Columns"), self)
        menu.setObjectName("columns_menu")
        header = self.view.horizontalHeader()
        for number, column in enumerate(self.model.columns):
            action = menu.addAction(column.title())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(number))
            action.setEnabled(column.key not in ("account", "title"))
            action.toggled.connect(lambda on, n=number: self.set_column_shown(n, on))
        menu.addSeparator()
        reset = menu.addAction(self.tr("Reset columns"))
        reset.triggered.connect(self.reset_columns)
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        self.columns_menu().popup(self.view.horizontalHeader().mapToGlobal(pos))

    def _columns_menu_at_button(self) -> None:
        self.columns_menu().popup(self.mapToGlobal(self.view.pos()))

    def set_column_shown(self, number: int, shown: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(number, not shown)
        self.save_state()

    def reset_columns(self) -> None:
        header = self.view.horizontalHeader()
        for number, column in enumerate(self.model.columns):
            visual = header.visualIndex(number)
            if visual != number:
                header.moveSection(visual, number)
            header.setSectionHidden(number, column.hidden)
            header.resizeSection(number, column.width)
        self.save_state()

"""The toolbar of the "Buying criteria" tab and the actions it shows.

The actions are also the tab's keyboard shortcuts and reappear in its context menus, so they are
made once here; which of them is enabled follows what the grid holds (`update_enabled`). The
"Competitor profiles" button lists the competitor columns of the pursuit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar, QToolButton

from desktop.services.indicators import Vendor

if TYPE_CHECKING:
    from desktop.ui.indicators.widget import IndicatorGridWidget


class GridToolbar(QToolBar):
    """Add, delete and rank criteria; add competitors and open their profiles; export; chart."""

    def __init__(self, grid: IndicatorGridWidget) -> None:
        super().__init__(self.tr("Buying criteria"), grid)
        self.grid = grid
        self.setObjectName("indicator_toolbar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(self.iconSize() * 0.8)
        self._build_actions()
        self.addAction(self.add_action)
        self.addAction(self.delete_action)
        self.addAction(self.up_action)
        self.addAction(self.down_action)
        self.addSeparator()
        self.addAction(self.add_competitor_action)
        self.profile_button = QToolButton()
        self.profile_button.setObjectName("profile_button")
        self.profile_button.setText(self.tr("Competitor profiles"))
        self.profile_button.setToolTip(
            self.tr("Their solution, flaws, the label we give it, our counter and allies")
        )
        self.profile_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.profile_menu = QMenu(self.profile_button)
        self.profile_button.setMenu(self.profile_menu)
        self.addWidget(self.profile_button)
        self.addSeparator()
        self.addAction(self.export_action)
        self.addAction(self.chart_action)

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcuts: list[QKeySequence] | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        grid = self.grid
        action = QAction(text, grid)
        if shortcuts:
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip or text} ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        if icon is not None:
            action.setIcon(grid.style().standardIcon(icon))
        action.setToolTip(tip or text)
        action.triggered.connect(lambda _checked=False: slot())
        grid.addAction(action)  # the shortcut works anywhere in the tab
        return action

    def _build_actions(self) -> None:
        grid = self.grid
        sp = QStyle.StandardPixmap
        self.add_action = self._action(
            self.tr("Add criterion"),
            grid.add_criterion,
            [QKeySequence(Qt.Key.Key_Insert), QKeySequence("Ctrl+Shift+N")],
            sp.SP_FileDialogNewFolder,
            self.tr("Add a buying criterion below the current one"),
        )
        self.delete_action = self._action(
            self.tr("Delete criteria"),
            grid.delete_criteria,
            [QKeySequence("Ctrl+Delete"), QKeySequence("Ctrl+-")],
            sp.SP_TrashIcon,
            self.tr("Delete the selected criteria (undo brings them back)"),
        )
        self.up_action = self._action(
            self.tr("Move up"),
            lambda: grid.view.move_selected_rows(-1),
            [QKeySequence("Alt+Up")],
            sp.SP_ArrowUp,
            self.tr("Rank the selected criteria higher"),
        )
        self.down_action = self._action(
            self.tr("Move down"),
            lambda: grid.view.move_selected_rows(1),
            [QKeySequence("Alt+Down")],
            sp.SP_ArrowDown,
            self.tr("Rank the selected criteria lower"),
        )
        self.add_competitor_action = self._action(
            self.tr("Add competitor…"),
            lambda: grid.competitors.open_picker(),
            None,
            None,
            self.tr("Add a competitor column: pick from the list or create one"),
        )
        self.export_action = self._action(
            self.tr("Export to Excel…"),
            lambda: grid.workbook.choose_path(),
            None,
            sp.SP_DialogSaveButton,
            self.tr("Save the matrix, its summary and the competitors as an .xlsx workbook"),
        )
        self.chart_action = QAction(self.tr("Chart"), grid)
        self.chart_action.setCheckable(True)
        self.chart_action.setToolTip(self.tr("Show a chart comparing the vendors"))

    def toolbar_actions(self) -> list[QAction | None]:
        """What the main window's toolbar shows while the tab is open (None: a separator)."""
        return [self.add_action, self.add_competitor_action, None, self.export_action]

    def update_enabled(self, *, has_pursuit: bool, has_rows: bool, has_vendors: bool) -> None:
        for action in (self.add_action, self.add_competitor_action):
            action.setEnabled(has_pursuit)
        for action in (self.delete_action, self.up_action, self.down_action):
            action.setEnabled(has_rows)
        self.export_action.setEnabled(has_pursuit)
        self.profile_button.setEnabled(has_vendors)

    def list_profiles(self, vendors: Sequence[Vendor], open_profile: Callable[[str], Any]) -> None:
        """One entry per competitor column in the "Competitor profiles" menu."""
        self.profile_menu.clear()
        for vendor in vendors:
            text = vendor.name + (f"  ·  {vendor.label}" if vendor.label else "")
            action = self.profile_menu.addAction(text)
            action.triggered.connect(lambda _=False, cid=vendor.competitor_id: open_profile(cid))

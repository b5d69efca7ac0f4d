"""What the Pursuits screen's mixins (menus, export, layout) use of the screen, for mypy.

`PursuitsScreen` is split by concern into mixins; each derives from `ScreenParts` so that mypy
checks it against a QWidget and the parts the screen builds. At run time `ScreenParts` is
`object`: the mixins add nothing to the screen's MRO but their own methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog, QMenu, QTableView, QWidget

    from desktop.ui.common.pursuit_table import PursuitTableModel
    from desktop.ui.context import AppContext
    from desktop.ui.pursuits_list.export import ExportJob
    from desktop.ui.pursuits_list.widgets import FilterBar

    class ScreenParts(QWidget):
        ctx: AppContext
        model: PursuitTableModel
        view: QTableView
        filter_bar: FilterBar
        export_job: ExportJob | None
        _save_timer: QTimer
        open_action: QAction
        move_menu: QMenu
        won_action: QAction
        lost_action: QAction
        abandon_action: QAction
        reopen_action: QAction
        add_tag_action: QAction
        remove_tag_action: QAction
        delete_action: QAction
        purge_action: QAction
        export_action: QAction
        share_action: QAction
        private_action: QAction

        def save_state(self) -> None: ...
        def _status(self, text: str) -> None: ...
        def _show_dialog(self, dialog: QDialog) -> None: ...

else:
    ScreenParts = object

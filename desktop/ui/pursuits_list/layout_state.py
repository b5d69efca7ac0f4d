"""The Pursuits screen's remembered layout: column widths, order, hidden columns, sort; and its
filter, kept per database.

A mixin of `PursuitsScreen` (so it can be read apart from the screen's gestures)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QByteArray,
    Qt,
)

from desktop.ui.common.pursuit_table import ListFilter
from desktop.ui.pursuits_list.parts import ScreenParts

STATE_KEY = "pursuits_list"  # where the layout is remembered in the settings


class ListLayout(ScreenParts):
    """Save and restore the table's layout in the settings."""

    # --- remembered layout ------------------------------------------------------------------------
    def _save_soon(self) -> None:
        self._save_timer.start()

    def save_state(self) -> None:
        state = self.ctx.settings.screen_state(STATE_KEY)
        header = self.view.horizontalHeader()
        state["header"] = bytes(header.saveState().toBase64().data()).decode("ascii")
        state["columns"] = [c.key for c in self.model.columns]
        state["sort"] = [self.model.sort_column, int(self.model.sort_order.value)]
        state.pop("filter", None)
        self.ctx.settings.set_screen_state(STATE_KEY, state)
        # The filter names reps and tags of this database: kept for it alone (infra.settings).
        self.ctx.settings.set_database_state(
            self.ctx.workspace.path, STATE_KEY, {"filter": self.filter_bar.current.to_state()}
        )

    def _restore_state(self) -> None:
        state = self.ctx.settings.screen_state(STATE_KEY)
        # Read first: restoring the header saves the state, the filter not restored yet with it.
        saved_filter = self.ctx.settings.database_state(self.ctx.workspace.path, STATE_KEY)
        header = self.view.horizontalHeader()
        restored = False
        # A saved layout is only used for the same columns (a later version may add some); so
        # is the saved sort, which names its column by position.
        same = state.get("columns") == [c.key for c in self.model.columns]
        if same and state.get("header"):
            raw = QByteArray.fromBase64(str(state["header"]).encode("ascii"))
            restored = header.restoreState(raw)
        if not restored:
            for number, column in enumerate(self.model.columns):
                header.resizeSection(number, column.width)
                header.setSectionHidden(number, column.hidden)
        sort = (same and state.get("sort")) or [self.model.column_index("expected_close"), 0]
        try:
            sort_column, order = int(sort[0]), Qt.SortOrder(int(sort[1]))
        except (TypeError, ValueError, IndexError):
            sort_column = self.model.column_index("expected_close")
            order = Qt.SortOrder.AscendingOrder
        if 0 <= sort_column < len(self.model.columns):
            header.setSortIndicator(sort_column, order)
            self.model.sort(sort_column, order)
        self._restore_filter(saved_filter)

    def _restore_filter(self, saved: dict[str, Any] | None = None) -> None:
        """The filter last used with the open database (none for one never filtered here)."""
        if saved is None:
            saved = self.ctx.settings.database_state(self.ctx.workspace.path, STATE_KEY)
        list_filter = ListFilter.from_state(saved.get("filter"))
        self.filter_bar.set_filter(list_filter)
        self.model.list_filter = list_filter
        self.model.set_list_filter(list_filter)

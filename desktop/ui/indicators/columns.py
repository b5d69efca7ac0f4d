"""How each column of the grid is painted and how wide it is, remembered between sessions.

The columns change with the pursuit (one per competitor), so after every model reset each column
gets its delegate and its width again; a width the rep drags is kept per kind of column (all
competitor score columns share one).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHeaderView

from desktop.domain.methodology import Catalog
from desktop.services.indicators import CLASS, competitor_of
from desktop.ui.indicators.delegates import (
    IMPORTANCE_COLOUR,
    THEM_COLOUR,
    US_COLOUR,
    ClassTagDelegate,
    OverrideDelegate,
    ScoreDelegate,
    TextDelegate,
)
from desktop.ui.indicators.model import IndicatorGridModel
from desktop.ui.indicators.view import IndicatorTableView

DEFAULT_WIDTHS = {
    "name": 170,
    "meaning": 210,
    "importance": 96,
    "our_score": 86,
    "score": 86,
    CLASS: 92,
    "class_override": 96,
    "override_reason": 150,
    "action_plan": 240,
}


def width_key(key: str) -> str:
    return "score" if competitor_of(key) is not None else key


class ColumnLayout(QObject):
    """The delegates and widths of `view`'s columns; `resized()` runs when the rep drags one."""

    def __init__(
        self,
        view: IndicatorTableView,
        model: IndicatorGridModel,
        catalog: Catalog,
        lang: str,
        saved: Mapping[str, int],
        resized: Callable[[], None],
    ) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self.widths: dict[str, int] = {**DEFAULT_WIDTHS, **saved}
        self._resized = resized
        self._applying = False
        self.text_delegate = TextDelegate(view)
        self.importance_delegate = ScoreDelegate(IMPORTANCE_COLOUR, optional=False, parent=view)
        self.us_delegate = ScoreDelegate(US_COLOUR, tinted=True, parent=view)
        self.them_delegate = ScoreDelegate(THEM_COLOUR, parent=view)
        self.class_delegate = ClassTagDelegate(catalog, view)
        self.override_delegate = OverrideDelegate(catalog, lang, view)
        view.horizontalHeader().sectionResized.connect(self._section_resized)

    def apply(self) -> None:
        """Give every column its delegate and width (after the columns changed)."""
        self._assign_delegates()
        self._apply_widths()

    def changed_widths(self) -> dict[str, int]:
        """The widths that differ from the defaults (what is worth saving)."""
        return {k: v for k, v in self.widths.items() if v != DEFAULT_WIDTHS.get(k)}

    def _assign_delegates(self) -> None:
        for column, key in enumerate(self.model.columns):
            if key in ("name", "meaning", "override_reason", "action_plan"):
                delegate: Any = self.text_delegate
            elif key == "importance":
                delegate = self.importance_delegate
            elif key == "our_score":
                delegate = self.us_delegate
            elif key == CLASS:
                delegate = self.class_delegate
            elif key == "class_override":
                delegate = self.override_delegate
            else:
                delegate = self.them_delegate
            self.view.setItemDelegateForColumn(column, delegate)

    def _apply_widths(self) -> None:
        self._applying = True
        header = self.view.horizontalHeader()
        for column, key in enumerate(self.model.columns):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, self.widths.get(width_key(key), 90))
        self._applying = False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._applying or column >= len(self.model.columns):
            return
        if column == len(self.model.columns) - 1:
            return  # the last column stretches to fill
        self.widths[width_key(self.model.key(column))] = new
        self._resized()

"""The screens of the navigation rail, in order. Each later feature adds its line to SCREENS.

A screen is a QWidget made by `Class(ctx, window)`; it listens to `ctx.changed` itself. It may
offer `toolbar_actions() -> list[QAction]` for the toolbar while it is shown, and
`open_item(kind, id)` to show one record (search results and links jump there).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.ui.context import AppContext


@dataclass(frozen=True)
class Screen:
    key: str
    source_title: str  # English source; translated when shown, so a language switch re-labels it
    icon: str  # a QStyle.StandardPixmap name or a file name under resources/icons
    module: str
    class_name: str
    in_rail: bool = True  # False for screens opened from others (the pursuit workspace)

    def title(self) -> str:
        return QCoreApplication.translate("Screens", self.source_title)

    def create(self, ctx: AppContext, window: QWidget) -> Any:
        # Imported on first show, so start-up only pays for the screen it opens.
        return getattr(importlib.import_module(self.module), self.class_name)(ctx, window)


SCREENS: list[Screen] = [
    Screen("board", "Board", "board.svg", "desktop.ui.board.screen", "BoardScreen"),
    Screen(
        "pursuits", "Pursuits", "pursuits.svg", "desktop.ui.pursuits_list.screen", "PursuitsScreen"
    ),
    Screen("accounts", "Accounts", "accounts.svg", "desktop.ui.accounts.screen", "AccountsScreen"),
    Screen("visits", "Visits", "visits.svg", "desktop.ui.visits.screen", "VisitsScreen"),
    Screen("dashboard", "Dashboard", "dashboard.svg", "desktop.ui.charts.dashboard", "Dashboard"),
    Screen("review", "Review", "review.svg", "desktop.ui.sync.review", "ReviewScreen"),
    Screen(
        "pursuit",
        "Pursuit",
        "pursuits.svg",
        "desktop.ui.pursuit.workspace",
        "PursuitWorkspace",
        in_rail=False,
    ),
]

# Titles of screens still to come, kept for lupdate so their translation exists when they land.
_UPCOMING = (
    QT_TRANSLATE_NOOP("Screens", "Board"),
    QT_TRANSLATE_NOOP("Screens", "Pursuits"),
    QT_TRANSLATE_NOOP("Screens", "Accounts"),
    QT_TRANSLATE_NOOP("Screens", "Visits"),
    QT_TRANSLATE_NOOP("Screens", "Dashboard"),
    QT_TRANSLATE_NOOP("Screens", "Review"),
)

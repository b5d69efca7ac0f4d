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
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from desktop.ui.common.pictures import provide_map_picture
from desktop.ui.pursuit.tabs import PursuitTab

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
    # Keyword arguments the screen is made with: how the composition root hands a screen what
    # comes from other packages (the workspace's tabs), so screens never import each other.
    options: tuple[tuple[str, Any], ...] = ()
    # A module the screen needs on first show that takes most of a second to import (the
    # Dashboard's matplotlib): the app imports it on a worker thread once the window has been
    # up a while (`desktop.app.warm_up`), so that first show does not wait for it.
    warm: str = ""
    # A module whose `plan(ctx)` gives the warm-up's worker more to do after those imports: the
    # data of the screen's first show computed ahead (the Dashboard's series), read on the GUI
    # thread when the warm-up starts.
    ahead: str = ""

    def title(self) -> str:
        return QCoreApplication.translate("Screens", self.source_title)

    def create(self, ctx: AppContext, window: QWidget) -> Any:
        # Imported on first show, so start-up only pays for the screen it opens.
        made = getattr(importlib.import_module(self.module), self.class_name)
        return made(ctx, window, **dict(self.options))


def _draw_stakeholder_map(ctx: AppContext, pursuit_id: str, width: int) -> QImage | None:
    """The map package's picture of a pursuit's map, for the visit plan's printout (imported
    when a plan is printed, not at start-up)."""
    from desktop.ui.stakeholder_map.render import PRINT_MIN_SCALE, render_map

    return render_map(ctx, pursuit_id, width, min_scale=PRINT_MIN_SCALE)


provide_map_picture(_draw_stakeholder_map)


# Tabs of the pursuit workspace that other packages provide, in the order they follow its own
# sections. Made on first show, so opening a pursuit only imports the tab it shows.
PURSUIT_TABS: tuple[PursuitTab, ...] = (
    PursuitTab(
        "stakeholders", "Stakeholders", "desktop.ui.stakeholder_map.editor", "StakeholderMapEditor"
    ),
    PursuitTab(
        "indicators", "Buying criteria", "desktop.ui.indicators.widget", "IndicatorGridWidget"
    ),
    PursuitTab("visits", "Visits", "desktop.ui.visits.tab", "PursuitVisitsTab"),
    PursuitTab("documents", "Documents", "desktop.ui.common.documents", "PursuitDocumentsTab"),
)


SCREENS: list[Screen] = [
    Screen("board", "Board", "board.svg", "desktop.ui.board.screen", "BoardScreen"),
    Screen(
        "pursuits", "Pursuits", "pursuits.svg", "desktop.ui.pursuits_list.screen", "PursuitsScreen"
    ),
    Screen("accounts", "Accounts", "accounts.svg", "desktop.ui.accounts.screen", "AccountsScreen"),
    Screen("visits", "Visits", "visits.svg", "desktop.ui.visits.screen", "VisitsScreen"),
    Screen(
        "dashboard",
        "Dashboard",
        "dashboard.svg",
        "desktop.ui.charts.dashboard",
        "Dashboard",
        warm="desktop.ui.charts.warm",
        ahead="desktop.ui.charts.ahead",
    ),
    Screen("review", "Review", "review.svg", "desktop.ui.sync.review", "ReviewScreen"),
    Screen("today", "Today", "today.svg", "desktop.ui.today.screen", "TodayScreen"),
    Screen("sync", "Sync", "review.svg", "desktop.ui.sync.screen", "SyncScreen", in_rail=False),
    Screen(
        "pursuit",
        "Pursuit",
        "pursuits.svg",
        "desktop.ui.pursuit.workspace",
        "PursuitWorkspace",
        in_rail=False,
        options=(("tabs", PURSUIT_TABS),),
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
    QT_TRANSLATE_NOOP("Screens", "Today"),
    QT_TRANSLATE_NOOP("Screens", "Sync"),
)

"""From a clicked bar to the pursuits behind it: read them for the filters of the figures on
screen, title the list after the bar ("Lost to 华为", "Open pursuits at 方案论证"), and show it in
a window beside the main one (`behind.BehindDialog`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from desktop.services import analytics
from desktop.ui.charts.money import count, money
from desktop.ui.errors import message_for

if TYPE_CHECKING:
    from desktop.ui.charts.dashboard import Dashboard

log = logging.getLogger(__name__)


class DrillDown(QObject):
    """The pursuits behind a bar of `dashboard`'s charts; `dialog` is the list shown last."""

    def __init__(self, dashboard: Dashboard) -> None:
        super().__init__(dashboard)
        self.dashboard = dashboard
        self.dialog: QWidget | None = None

    def show_behind(self, part: analytics.Slice) -> QWidget | None:
        """List the pursuits a clicked bar counts (the filters of the figures on screen)."""
        from desktop.ui.charts.behind import BehindDialog, BehindModel

        dashboard = self.dashboard
        ctx = dashboard.ctx
        filters = dashboard.computed_filters()
        try:
            rows = analytics.behind(ctx.workspace, filters, dashboard.currency, part)
        except Exception as exc:  # a database error: say so where the charts are
            log.error("pursuits behind %s failed", part, exc_info=exc)
            dashboard.status.setText(message_for(exc))
            return None
        model = BehindModel(rows, ctx.catalog, ctx.lang, dashboard.currency)
        summary = self.tr("{0} pursuits · {1}").format(
            count(len(rows)), money(sum(r.amount for r in rows), dashboard.currency)
        )
        opener = getattr(dashboard.window_, "open_pursuit", lambda _id: None)
        dialog = BehindDialog(self.title(part), summary, model, opener, dashboard)
        dialog.setWindowFlag(Qt.WindowType.Tool)  # stays beside the window, not over it
        dialog.show()
        self.dialog = dialog
        return dialog

    def title(self, part: analytics.Slice) -> str:
        """What the bar counts, in words."""
        dashboard = self.dashboard
        look = dashboard.look()
        if part.figure == "funnel":
            return self.tr("Open pursuits at {0}").format(look.stage(part.key))
        if part.figure == "forecast":
            if part.key == "past_due":
                return self.tr("Open pursuits past their expected close")
            month = (
                f"{part.key.year}年{part.key.month}月"
                if dashboard.ctx.lang.startswith("zh")
                else part.key.strftime("%B %Y")
            )
            return self.tr("Open pursuits expected to close in {0}").format(month)
        if part.figure in ("won", "lost"):
            year, quarter = part.key
            text = (
                self.tr("Won in Q{0} {1}")
                if part.figure == "won"
                else self.tr("Lost and abandoned in Q{0} {1}")
            )
            return text.format(quarter, year)
        results = dashboard.series.get("win_loss")
        groups = {}
        if isinstance(results, analytics.WinLoss):
            groups = {
                g.key: g.label
                for g in (results.by_competitor if part.figure == "lost_to" else results.by_reason)
            }
        if len(part.key) > 1:
            names = self.tr("the others")
        elif part.key[0] is None:
            names = (
                self.tr("a competitor not recorded")
                if part.figure == "lost_to"
                else self.tr("no reason given")
            )
        else:
            names = groups.get(part.key[0], part.key[0])
        if part.figure == "lost_to":
            return self.tr("Lost to {0}").format(names)
        return self.tr("Lost or abandoned: {0}").format(names)

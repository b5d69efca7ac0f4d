"""A pursuit with a grid (one criterion per class) and the tab showing it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services import indicators, pursuits
from desktop.services.indicators import Cell, score_column
from desktop.services.pursuits import PursuitDraft


@dataclass
class Deal:
    ws: object
    pursuit_id: str
    sai: str  # 赛达软件
    yun: str  # 云启科技
    ids: list[str]

    def grid(self):
        return indicators.load_grid(self.ws, self.pursuit_id)


def make_deal(ws) -> Deal:
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES 二期", account_name="苏州恒通电子", stage=4)
    )
    sai, _ = indicators.create_competitor(
        ws, "赛达软件", {"weaknesses": "二次开发成本高", "labels": "“昂贵的半成品”"}
    )
    yun, _ = indicators.create_competitor(ws, "云启科技")
    indicators.add_competitor(ws, pid, sai)
    indicators.add_competitor(ws, pid, yun)
    ids = []
    for name, importance, ours, a, b in (
        ("系统稳定性", 5, 5, 3, 4),  # winning
        ("移动端体验", 2, 5, 2, 3),  # sleeping
        ("报价", 4, 2, 4, 3),  # fatal
        ("行业案例", 3, 3, 3, 2),  # neutral
    ):
        cid, _ = indicators.add_criterion(ws, pid, {"name": name, "importance": importance})
        indicators.set_cells(
            ws,
            pid,
            [
                Cell(cid, "our_score", ours),
                Cell(cid, score_column(sai), a),
                Cell(cid, score_column(yun), b),
            ],
        )
        ids.append(cid)
    return Deal(ws, pid, sai, yun, ids)


@pytest.fixture
def deal(ws) -> Deal:
    return make_deal(ws)


@pytest.fixture
def ctx(qtbot, ws, request):
    from desktop.ui.context import AppContext

    settings = Settings()
    settings.language = getattr(request, "param", "en")
    i18n.install(settings.language)
    yield AppContext(ws, settings)
    i18n.install("zh_CN")


@pytest.fixture
def tab(qtbot, ctx, deal):
    from desktop.ui.indicators.widget import IndicatorGridWidget

    widget = IndicatorGridWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.set_pursuit(deal.pursuit_id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget

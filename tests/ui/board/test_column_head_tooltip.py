"""A column head's tooltip names the stage's milestone whole: on a narrow head (1280×720, in
English) its line is cut short ("Opportunity confi…")."""

from __future__ import annotations

from desktop.domain.methodology import default_catalog

CATALOG = default_catalog()


def test_the_tooltip_gives_the_milestone_whole(qtbot, request) -> None:
    from desktop.infra import i18n
    from desktop.ui.board.view import ColumnHeader

    i18n.install("en")
    request.addfinalizer(lambda: i18n.install("zh_CN"))
    for stage in CATALOG.stages:
        head = ColumnHeader(CATALOG, stage.number, "en")
        qtbot.addWidget(head)
        tip = head.toolTip()
        assert f"<b>{stage.number}. {stage.process('en')}</b>" in tip, stage.number
        assert f"Milestone: {stage.milestone('en')}<br>" in tip, stage.number
    i18n.install("zh_CN")
    head = ColumnHeader(CATALOG, 3, "zh")
    qtbot.addWidget(head)
    assert f"里程碑：{CATALOG.stage(3).milestone('zh')}" in head.toolTip()
    # The weighted amount in the list's heading's words (one wording: ui.common.pursuit_table).
    assert "赢率 30% · 加权金额 = 未回款金额 × 赢率" in head.toolTip()

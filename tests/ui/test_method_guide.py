"""Help ▸ Sales Method: the method's stages and vocabularies, from the catalog, in the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.ui.help.method_guide import MethodGuide


@pytest.fixture
def window_workspace(ws):
    return ws


@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_f1_opens_one_guide_with_every_stage_in_the_window_language(
    main_window, qtbot, tmp_path: Path
) -> None:
    action = main_window.findChild(type(main_window.undo_action), "action_method_guide")
    assert action is not None and action in main_window.help_menu.actions()
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    action.trigger()
    guide = main_window.method_guide
    assert isinstance(guide, MethodGuide)
    qtbot.waitExposed(guide)
    action.trigger()  # again: the open guide comes to the front, no second one
    assert main_window.findChildren(MethodGuide) == [guide]

    catalog, lang = main_window.ctx.catalog, main_window.ctx.lang
    assert guide.contents.count() == len(catalog.stages) + 4
    for stage in catalog.stages:
        guide.show_stage(stage.number)
        page = guide.page.toPlainText()
        assert stage.milestone(lang) in page and f"{stage.win_rate}%" in page
        assert all(step.text(lang) in page for step in stage.steps)
        assert all(question.text(lang) in page for question in stage.questions)
    guide.contents.setCurrentRow(len(catalog.stages))  # buying roles
    page = guide.page.toPlainText()
    assert all(role.label(lang) in page for role in catalog.buying_roles)
    if lang == "zh":
        assert guide.windowTitle() == "销售方法"
        guide.show_stage(1)
        assert all(word in guide.page.toPlainText() for word in ("里程碑：", "步骤", "辅导要点"))
    else:
        assert guide.windowTitle() == "Sales Method"
        guide.show_stage(1)
        assert "Milestone: " in guide.page.toPlainText()

    # It fits the screen it opens on.
    available = guide.screen().availableGeometry()
    assert guide.frameGeometry().height() <= available.height()
    guide.close()
    qtbot.waitUntil(lambda: main_window.method_guide is None)
    QApplication.processEvents()


def test_f1_beside_a_pursuit_opens_on_its_stage_and_the_grid_rule_is_told(
    main_window, qtbot
) -> None:
    from desktop.services import pursuits

    ctx = main_window.ctx
    pursuit_id, _ = pursuits.create_pursuit(
        ctx.workspace, pursuits.PursuitDraft(title="MES 项目", account_name="恒通电子", stage=5)
    )
    assert main_window.open_pursuit(pursuit_id, "overview")
    main_window.show_method_guide()
    guide = main_window.method_guide
    assert guide is not None and guide.contents.currentRow() == 4
    assert ctx.catalog.stage(5).milestone(ctx.lang) in guide.page.toPlainText()

    # The buying criteria's page says the rule the grid applies, with its threshold.
    guide.contents.setCurrentRow(guide.contents.count() - 1)
    page = guide.page.toPlainText()
    assert "3 及以上" in page and "2 及以下" in page
    guide.close()

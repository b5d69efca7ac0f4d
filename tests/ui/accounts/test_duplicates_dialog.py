"""The Duplicates dialog on a real workspace: nothing is merged until the rep ticks a group (a
name equal without its legal form may be a group and its subsidiary), the account with the
pursuits is kept unless another is clicked, and the merge is one step Edit ▸ Undo takes back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QWidget

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services import accounts, duplicates, indicators, pursuits
from desktop.ui.accounts.duplicates import DuplicatesDialog


def _names(ws) -> set[str]:
    return {row.name for row in accounts.list_accounts(ws)}


def test_a_ticked_group_merges_into_the_account_with_pursuits_and_undoes(qtbot, ctx) -> None:
    ws = ctx.workspace
    accounts.create_account(ws, {"name": "上海瑞科新能源有限公司"})
    for title in ("MES", "WMS"):
        pursuits.create_pursuit(
            ws, pursuits.PursuitDraft(title=title, account_name="上海瑞科新能源股份有限公司")
        )
    dialog = DuplicatesDialog(ctx, duplicates.find_duplicates(ws))
    qtbot.addWidget(dialog)
    merge = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    group = next(
        dialog.tree.topLevelItem(n)
        for n in range(dialog.tree.topLevelItemCount())
        if "瑞科" in dialog.tree.topLevelItem(n).text(0)
    )
    assert group.checkState(0) == Qt.CheckState.Unchecked and not merge.isEnabled()
    kept = [group.child(i) for i in range(group.childCount()) if group.child(i).font(0).bold()]
    assert [item.text(0) for item in kept] == ["上海瑞科新能源股份有限公司"]  # it has the pursuits

    group.setCheckState(0, Qt.CheckState.Checked)
    assert merge.isEnabled()
    dialog.accept()
    assert "上海瑞科新能源有限公司" not in _names(ws)
    assert "上海瑞科新能源股份有限公司" in _names(ws)

    ctx.undo_stack.undo()
    assert {"上海瑞科新能源有限公司", "上海瑞科新能源股份有限公司"} <= _names(ws)
    ctx.undo_stack.redo()
    assert "上海瑞科新能源有限公司" not in _names(ws)


def test_a_competitor_group_keeps_the_one_met_most_and_undoes(qtbot, ctx) -> None:
    ws = ctx.workspace
    for title in ("MES", "WMS"):
        pid = pursuits.create_pursuit(
            ws, pursuits.PursuitDraft(title=title, account_name="恒通电子")
        ).pursuit_id
        pursuits.close_pursuits(ws, [pid], "lost", lost_to_name="金桥系统有限公司")
    indicators.create_competitor(ws, "金桥系统")
    dialog = DuplicatesDialog(ctx, duplicates.find_duplicates(ws))
    qtbot.addWidget(dialog)
    [group] = [dialog.tree.topLevelItem(n) for n in range(dialog.tree.topLevelItemCount())]
    assert group.text(0) == "竞争对手「金桥系统有限公司」"  # the Chinese UI
    children = [group.child(i) for i in range(group.childCount())]
    assert [(c.text(0), c.text(1), c.font(0).bold()) for c in children] == [
        ("金桥系统有限公司", "项目：2", True),
        ("金桥系统", "项目：0", False),
    ]
    group.setCheckState(0, Qt.CheckState.Checked)
    dialog.accept()
    assert _rivals(ws) == ["金桥系统有限公司"]
    ctx.undo_stack.undo()
    assert _rivals(ws) == ["金桥系统", "金桥系统有限公司"]
    ctx.undo_stack.redo()
    assert _rivals(ws) == ["金桥系统有限公司"]


def _rivals(ws) -> list[str]:
    return sorted(entry.name for entry in indicators.list_competitors(ws))


def test_the_status_bar_says_what_was_merged_and_that_undo_took_it_back(qtbot, ctx) -> None:
    """The dialog has closed when the merge is done, and Ctrl+Z changes nothing visible on a
    screen showing neither record: the window's status bar says what happened, in words that
    read right for one group and for several."""
    ws = ctx.workspace
    for name in (
        "上海瑞科新能源有限公司",
        "上海瑞科新能源股份有限公司",
        "恒通电子",
        "恒通电子有限公司",
    ):
        accounts.create_account(ws, {"name": name})
    window = QMainWindow()
    qtbot.addWidget(window)
    screen = QWidget()
    window.setCentralWidget(screen)
    status = window.statusBar()

    def merge(groups: int) -> None:
        dialog = DuplicatesDialog(ctx, duplicates.find_duplicates(ws), screen)
        for n in range(groups):
            dialog.tree.topLevelItem(n).setCheckState(0, Qt.CheckState.Checked)
        dialog.accept()

    merge(2)  # the Chinese UI
    assert status.currentMessage() == "已合并 2 组重复记录 — 按 Ctrl+Z 可撤销"
    ctx.undo_stack.undo()
    assert status.currentMessage() == "已撤销合并 2 组重复记录"
    assert len(_names(ws)) == 4
    ctx.undo_stack.redo()
    assert status.currentMessage() == "已合并 2 组重复记录 — 按 Ctrl+Z 可撤销"
    ctx.undo_stack.undo()

    i18n.install("en")
    try:
        merge(1)
        assert status.currentMessage() == "Merged 1 group of duplicates — undo with Ctrl+Z"
        ctx.undo_stack.undo()
        assert status.currentMessage() == "Undid the merge of 1 group of duplicates"
        merge(2)
        assert status.currentMessage() == "Merged 2 groups of duplicates — undo with Ctrl+Z"
    finally:
        i18n.install(Settings().language)

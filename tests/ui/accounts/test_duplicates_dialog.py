"""The Duplicates dialog on a real workspace: nothing is merged until the rep ticks a group (a
name equal without its legal form may be a group and its subsidiary), the account with the
pursuits is kept unless another is clicked, and the merge is one step Edit ▸ Undo takes back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

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

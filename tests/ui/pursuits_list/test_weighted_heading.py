"""The list's 加权金额 / Weighted amount heading says what the figure is, in the same words as
the board's column heads and the pursuit's figures."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.infra import i18n

from .conftest import close_error_boxes, make_context, show


def heading_tip(screen) -> str:
    model = screen.model
    column = model.column_index("weighted")
    return model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_the_weighted_heading_says_what_it_is(screen) -> None:
    assert heading_tip(screen) == "加权金额 = 未回款金额 × 赢率"
    amount = screen.model.column_index("amount")
    assert (
        screen.model.headerData(amount, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        is None
    )


def test_in_english(qtbot, ws) -> None:
    ctx = make_context(ws, "en")
    try:
        assert heading_tip(show(qtbot, ctx)) == (
            "Weighted amount = amount not yet received × win rate"
        )
    finally:
        close_error_boxes()
        i18n.install("zh_CN")

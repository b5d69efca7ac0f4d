"""After the sale: the four periods, and a referral that becomes a pursuit in one step."""

from __future__ import annotations

import pytest

from desktop.services import after_sale, pursuit_edits, pursuits
from desktop.services.errors import InvalidInput
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board, overview


def test_periods_are_singletons(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="ERP", account_name="鼎新", stage=7))
    periods = after_sale.periods_of(ws, pid)
    assert list(periods) == ["honeymoon", "break_in", "success", "plateau"]
    assert periods["success"]["actions"] == ""
    pursuit_edits.save(ws, after_sale.period_target(pid, "success"), {"actions": "请客户转介绍"})
    assert after_sale.periods_of(ws, pid)["success"]["actions"] == "请客户转介绍"
    with pytest.raises(InvalidInput):
        after_sale.period_target(pid, "autumn")


def test_referral_becomes_a_pursuit_and_back(ws) -> None:
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="ERP", account_name="鼎新", stage=7, owner="张三")
    )
    referral, _ = pursuit_edits.add_part(
        ws, "referral", pid, {"company": "无锡新科", "contact": "王总"}
    )
    new_id, changes = after_sale.convert_referral(ws, referral, "MES 项目", "由鼎新介绍")
    assert new_id in changes.ids("pursuit")
    view = overview.overview_of(ws, new_id)
    assert (view.account, view.pursuit["stage"], view.pursuit["owner"]) == ("无锡新科", 1, "张三")
    assert view.referred_by is not None and view.referred_by[0] == pid
    row = pursuit_edits.parts_of(ws, "referral", pid)[0]
    assert row["converted_pursuit_id"] == new_id
    with pytest.raises(InvalidInput):
        after_sale.convert_referral(ws, referral, "again")
    after_sale.undo_conversion(ws, referral)
    assert board.board_card(ws, new_id) is None
    assert pursuit_edits.parts_of(ws, "referral", pid)[0]["converted_pursuit_id"] is None
    after_sale.redo_conversion(ws, referral, new_id)
    assert board.board_card(ws, new_id) is not None
    empty, _ = pursuit_edits.add_part(ws, "referral", pid)
    with pytest.raises(InvalidInput) as raised:
        after_sale.convert_referral(ws, empty, "x")
    assert raised.value.field == "company"

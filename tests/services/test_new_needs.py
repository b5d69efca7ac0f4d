"""New needs of the plateau (平淡期): each becomes a pursuit on the same account in one step, linked
both ways, and the step can be taken back and made again; on real SQLite."""

from __future__ import annotations

import pytest

from desktop.services import after_sale, pursuit_edits, pursuits
from desktop.services.changes import ChangeKind
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board, overview


def _won_customer(ws) -> str:
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="ERP", account_name="鼎新", stage=7, owner="张三")
    )
    return pid


def test_a_new_need_becomes_a_pursuit_on_the_same_account(ws) -> None:
    pid = _won_customer(ws)
    need, changes = pursuit_edits.add_part(
        ws, "new_need", pid, {"need": "仓储 WMS", "raised_by": "李主任"}
    )
    assert changes.ids(ChangeKind.NEW_NEED) == {need}
    assert changes.ids(ChangeKind.PURSUIT_PART) == {pid}
    [row] = after_sale.needs_of(ws, pid)
    assert (row["need"], row["converted_pursuit_id"], row["converted_title"]) == (
        "仓储 WMS",
        None,
        "",
    )

    new_id, changes = after_sale.convert_need(ws, need, "", "平淡期新需求")
    assert new_id in changes.ids(ChangeKind.PURSUIT)
    assert changes.ids(ChangeKind.NEW_NEED) == {need}
    assert not changes.ids(ChangeKind.ACCOUNT)  # no new account: the customer's own
    source = overview.overview_of(ws, pid)
    made = overview.overview_of(ws, new_id)
    assert made.pursuit["account_id"] == source.pursuit["account_id"]
    assert (made.pursuit["title"], made.pursuit["stage"], made.pursuit["owner"]) == (
        "仓储 WMS",  # no title given: the need names it
        1,
        "张三",
    )
    assert made.pursuit["notes"] == "平淡期新需求"
    assert made.grew_from == (pid, "鼎新 · ERP")  # linked back ...
    assert made.referred_by is None
    [row] = after_sale.needs_of(ws, pid)  # ... and forward
    assert (row["converted_pursuit_id"], row["converted_title"]) == (new_id, "仓储 WMS")
    assert board.board_card(ws, new_id) is not None
    with pytest.raises(InvalidInput):
        after_sale.convert_need(ws, need, "again")


def test_taking_it_back_and_making_it_again(ws) -> None:
    pid = _won_customer(ws)
    need, _ = pursuit_edits.add_part(ws, "new_need", pid, {"need": "MES"})
    new_id, _ = after_sale.convert_need(ws, need, "MES 一期")
    after_sale.undo_need_conversion(ws, need)
    assert board.board_card(ws, new_id) is None
    assert after_sale.needs_of(ws, pid)[0]["converted_pursuit_id"] is None
    with pytest.raises(NotFound):
        overview.overview_of(ws, new_id)
    after_sale.redo_need_conversion(ws, need, new_id)
    assert board.board_card(ws, new_id) is not None
    assert overview.overview_of(ws, new_id).grew_from == (pid, "鼎新 · ERP")
    assert after_sale.needs_of(ws, pid)[0]["converted_title"] == "MES 一期"


def test_a_need_without_words_or_gone_is_refused(ws) -> None:
    pid = _won_customer(ws)
    empty, _ = pursuit_edits.add_part(ws, "new_need", pid)
    with pytest.raises(InvalidInput) as raised:
        after_sale.convert_need(ws, empty, "  ")
    assert raised.value.field == "need"
    pursuit_edits.delete(ws, "new_need", empty)
    with pytest.raises(NotFound):
        after_sale.convert_need(ws, empty, "x")
    assert after_sale.needs_of(ws, pid) == []


def test_a_deleted_need_no_longer_links_its_pursuit_back(ws) -> None:
    pid = _won_customer(ws)
    need, _ = pursuit_edits.add_part(ws, "new_need", pid, {"need": "BI"})
    new_id, _ = after_sale.convert_need(ws, need, "BI 报表")
    pursuit_edits.delete(ws, "new_need", need)
    assert overview.overview_of(ws, new_id).grew_from is None
    pursuit_edits.restore(ws, "new_need", need)
    assert overview.overview_of(ws, new_id).grew_from == (pid, "鼎新 · ERP")

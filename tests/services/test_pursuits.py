"""Pursuit use-cases on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, select

from desktop.services import pursuits, records, search, stakeholders
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.storage.tables import StageChange


def make(ws, title="MES 生产执行系统", account="苏州恒通电子有限公司", **extra):
    pursuit_id, changes = pursuits.create_pursuit(
        ws, PursuitDraft(title=title, account_name=account, amount=1_200_000_00, **extra)
    )
    return pursuit_id, changes


def test_create_makes_account_pursuit_and_first_stage_change(ws) -> None:
    pursuit_id, changes = make(ws, tags=["重点"], expected_close=date(2027, 3, 31))
    assert changes.ids("pursuit") == {pursuit_id}
    assert len(changes.ids("account")) == 1
    card = board.board_card(ws, pursuit_id)
    assert card is not None
    assert (card.account, card.stage, card.win_rate, card.weighted) == (
        "苏州恒通电子有限公司",
        1,
        10,
        120_000_00,
    )
    assert card.tags == ("重点",)
    assert [h["to_stage"] for h in pursuits.stage_history(ws, pursuit_id)] == [1]
    # A second pursuit for the same account name reuses the account.
    _, changes2 = make(ws, title="WMS")
    assert not changes2.ids("account")


def test_move_records_stage_change_and_undo_restores(ws) -> None:
    pursuit_id, _ = make(ws)
    before = board.board_card(ws, pursuit_id)
    result = pursuits.move_stage(
        ws,
        [pursuit_id],
        3,
        override_reason="客户已立项",
        overrides=[{"key": "s2.milestone", "kind": "milestone"}],
    )
    assert [m.to_stage for m in result.moves] == [3]
    history = pursuits.stage_history(ws, pursuit_id)
    assert [(h["from_stage"], h["to_stage"]) for h in history] == [(None, 1), (1, 3)]
    assert history[-1]["override_reason"] == "客户已立项"
    card = board.board_card(ws, pursuit_id)
    assert card is not None and (card.stage, card.win_rate) == (3, 30)
    result.undo(ws)
    after = board.board_card(ws, pursuit_id)
    assert after is not None
    assert (after.stage, after.stage_entered_at, after.rank) == (
        before.stage,
        before.stage_entered_at,
        before.rank,
    )
    assert len(pursuits.stage_history(ws, pursuit_id)) == 1


def test_move_to_same_stage_records_nothing(ws) -> None:
    pursuit_id, _ = make(ws)
    result = pursuits.move_stage(ws, [pursuit_id], 1)
    assert result.moves == [] and not result.changes
    with ws.read() as session:
        assert len(session.scalars(select(StageChange)).all()) == 1


def test_reorder_before_another_card(ws) -> None:
    first, _ = make(ws, title="A")
    second, _ = make(ws, title="B")
    third, _ = make(ws, title="C")
    pursuits.move_stage(ws, [third], 1, before_id=first)
    assert [c.title for c in board.board_cards(ws)] == ["C", "A", "B"]
    pursuits.move_stage(ws, [first], 1, before_id=second)
    assert [c.title for c in board.board_cards(ws)] == ["C", "A", "B"]
    pursuits.move_stage(ws, [second], 1, before_id=third)
    assert [c.title for c in board.board_cards(ws)] == ["B", "C", "A"]


def test_close_and_reopen(ws) -> None:
    pursuit_id, _ = make(ws)
    pursuits.close_pursuits(ws, [pursuit_id], "lost", reason="价格劣势")
    assert board.board_cards(ws) == []
    closed = board.board_cards(ws, include_closed=True)
    assert closed[0].status == "lost" and closed[0].weighted == 0
    pursuits.reopen_pursuits(ws, [pursuit_id])
    assert [c.id for c in board.board_cards(ws)] == [pursuit_id]
    with pytest.raises(InvalidInput):
        pursuits.close_pursuits(ws, [pursuit_id], "maybe")


def test_bad_input_is_refused_and_saves_nothing(ws) -> None:
    with pytest.raises(InvalidInput) as error:
        pursuits.create_pursuit(ws, PursuitDraft(title="", account_name="客户"))
    assert error.value.field == "title"
    with pytest.raises(InvalidInput):
        pursuits.create_pursuit(ws, PursuitDraft(title="X", account_name="客户", amount=-5))
    with pytest.raises(InvalidInput):
        pursuits.create_pursuit(ws, PursuitDraft(title="X", account_name="客户", stage=9))
    assert board.board_cards(ws, include_closed=True) == []


def test_an_amount_beyond_any_deal_is_refused_not_a_crash(ws) -> None:
    """A slip of the keyboard (20 digits) would overflow SQLite's integers; it is refused."""
    ten_trillion = records.MAX_AMOUNT
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="大单", account_name="客户", amount=ten_trillion)
    )
    for amount in (ten_trillion + 1, 10**22):
        with pytest.raises(InvalidInput) as error:
            pursuits.create_pursuit(ws, PursuitDraft(title="X", account_name="客户", amount=amount))
        assert (error.value.field, error.value.code) == ("amount", "too_large")
        with pytest.raises(InvalidInput):
            records.update(ws, "pursuit", pid, {"amount": amount})
    with pytest.raises(InvalidInput):
        records.validate("value_benefit", {"amount": -(10**16)})
    records.validate("value_benefit", {"amount": -5_000_00})  # a benefit may be a cost
    assert [c.amount for c in board.board_cards(ws)] == [ten_trillion]


def test_tombstoned_rows_are_hidden(ws) -> None:
    pursuit_id, _ = make(ws)
    records.delete(ws, "pursuit", pursuit_id)
    assert board.board_cards(ws, include_closed=True) == []
    assert search.search(ws, "MES") == []
    with pytest.raises(NotFound):
        records.get(ws, "pursuit", pursuit_id)
    records.restore(ws, "pursuit", pursuit_id)
    assert records.get(ws, "pursuit", pursuit_id)["title"] == "MES 生产执行系统"


def test_generic_update_validates_and_reports_changes(ws) -> None:
    pursuit_id, _ = make(ws)
    changes = records.update(ws, "pursuit", pursuit_id, {"next_step": "约见 CIO"})
    assert changes.ids("pursuit") == {pursuit_id}
    assert not records.update(ws, "pursuit", pursuit_id, {"next_step": "约见 CIO"})
    with pytest.raises(InvalidInput):
        records.update(ws, "pursuit", pursuit_id, {"no_such_field": 1})
    with pytest.raises(InvalidInput):
        records.update(ws, "pursuit", pursuit_id, {"win_rate_override": 120})


def test_stakeholders_with_roles_and_search(ws) -> None:
    pursuit_id, _ = make(ws)
    person_id, _ = stakeholders.create_stakeholder(
        ws,
        pursuit_id,
        {"name": "王建国", "title": "CIO", "relationship": "interacting"},
        roles=["decision_maker"],
        help_wanted=["introduce"],
    )
    stakeholders.set_roles(ws, person_id, ["decision_maker", "evaluator"])
    (person,) = stakeholders.people_of(ws, pursuit_id)
    assert person.roles == {"decision_maker", "evaluator"}
    assert person.help == {"introduce"}
    stakeholders.set_roles(ws, person_id, [])
    assert stakeholders.people_of(ws, pursuit_id)[0].roles == set()
    hits = search.search(ws, "建国")
    assert [(h.kind, h.pursuit_id) for h in hits] == [("stakeholder", pursuit_id)]
    assert {h.kind for h in search.search(ws, "恒通")} == {"pursuit", "account"}
    with pytest.raises(InvalidInput):
        stakeholders.create_stakeholder(ws, pursuit_id, {"name": " "})
    with pytest.raises(InvalidInput):
        stakeholders.set_roles(ws, person_id, ["emperor"])


def test_board_rows_load_in_six_queries(demo_ws) -> None:
    # board_cards reads through the sqlite3 driver, so count what SQLite itself is asked.
    statements: list[str] = []

    def trace(dbapi_conn, _record, _proxy) -> None:
        dbapi_conn.set_trace_callback(statements.append)

    def selects(**options) -> tuple[int, list]:
        statements.clear()
        event.listen(demo_ws.db.engine, "checkout", trace)
        demo_ws.db.engine.dispose()  # fresh connections, so each is checked out (and traced)
        cards = board.board_cards(demo_ws, **options)
        event.remove(demo_ws.db.engine, "checkout", trace)
        demo_ws.db.engine.dispose()
        return len([s for s in statements if s.lstrip().upper().startswith("SELECT")]), cards

    count, cards = selects(flags=False)
    # The cards, the instalments received (a 回款 card weighs what is still to collect), fields
    # awaiting review; then the details: coaching points answered, tags, the next booked visit
    # or task, the last touch: a fixed number of bulk reads, never one per card.
    assert count == 7
    assert selects(flags=False, details=False)[0] == 3  # what the board paints first
    assert len(cards) > 10
    assert all(c.status == "open" for c in cards)
    assert [(c.stage, c.rank) for c in cards] == sorted((c.stage, c.rank) for c in cards)
    assert any(0 < c.answered < c.questions for c in cards)
    # Red flags add aggregate queries, a fixed number however many cards there are: a few
    # pursuits are looked up by id, many read by one scan per fact, never one read per card.
    with_flags, _ = selects()
    few, _ = selects(ids=[cards[0].id])
    assert count < with_flags <= count + 15 and few <= with_flags < len(cards)


def test_company_win_rates_override_the_catalog(ws) -> None:
    pursuit_id, _ = make(ws)
    ws.policy.win_rates = {1: 15}
    card = board.board_card(ws, pursuit_id)
    assert card is not None and card.win_rate == 15 and card.weighted == 180_000_00
    records.update(ws, "pursuit", pursuit_id, {"win_rate_override": 50})
    card = board.board_card(ws, pursuit_id)
    assert card is not None and card.win_rate == 50

"""The board's first paint at any size (issue 22): it paints the top of each column with every
column's sums, and each card without its details (coaching points answered, tags, what is booked,
the last touch); the rest of the cards and their details arrive after the paint. What it shows in
the end is exactly what one full read shows — on real SQLite."""

from __future__ import annotations

from dataclasses import astuple
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.services import pursuit_edits, records, visits
from desktop.services.queries import board
from desktop.ui.board import screen as screen_module
from desktop.ui.board.delegate import CardDelegate
from desktop.ui.board.filters import BoardFilter
from desktop.ui.board.model import BoardModel
from tests.ui.board.test_new_and_scheduled_cards import painted_texts

TODAY = date.today()


def varied_board(ws, kit) -> dict[str, str]:
    """Pursuits whose sums take every rule: an override, another currency, an instalment
    received, tags, answered points, a visit booked, more cards than a column's top."""
    ids = {f"s1-{n}": kit.make(ws, f"一阶段 {n}", stage=1) for n in range(5)}
    ids["override"] = kit.make(ws, "改过赢率", stage=3)
    records.update(ws, "pursuit", ids["override"], {"win_rate_override": 33})
    ids["usd"] = kit.make(ws, "美元", stage=3, currency="USD")
    ids["paying"] = kit.make(ws, "回款中", stage=8, tags=["重点", "华东"])
    pursuit_edits.add_part(
        ws,
        "instalment",
        ids["paying"],
        {"amount": 300_000_00, "due_on": TODAY, "received_on": TODAY},
    )
    kit.answer_all(ws, ids["s1-0"], 1)
    visits.create_visit(
        ws, visits.VisitDraft(ids["s1-1"], datetime.now(UTC) + timedelta(days=3), "拜访 CIO")
    )
    return ids


def test_cards_without_details_and_their_details_make_the_full_cards(ws, kit) -> None:
    varied_board(ws, kit)
    full = board.board_cards(ws, flags=False)
    lean = board.board_cards(ws, flags=False, details=False)
    assert [c.id for c in lean] == [c.id for c in full]
    assert not any(c.details for c in lean) and all(c.details for c in full)
    details = board.board_details(ws)
    assert set(details) == {c.id for c in lean}
    for card in lean:
        details[card.id].apply_to(card)
    assert [astuple(c) for c in lean] == [astuple(c) for c in full]
    assert any(c.answered for c in full) and any(c.tags for c in full)
    assert any(c.scheduled_on for c in full)
    # Only some pursuits: the same details as for all.
    some = [c.id for c in full[:3]]
    assert board.board_details(ws, ids=some) == {i: details[i] for i in some}


def test_the_head_of_each_column_and_the_sums_of_all(ws, kit) -> None:
    varied_board(ws, kit)
    full = board.board_cards(ws, flags=False)
    head = board.board_head(ws, per_stage=2, currency="CNY")
    assert not head.complete
    for stage in range(1, 9):
        column = [c for c in full if c.stage == stage]
        assert [c.id for c in head.cards if c.stage == stage] == [c.id for c in column[:2]]
        totals = head.totals.get(stage)
        cny = [c for c in column if c.currency == "CNY"]
        expected = (
            len(column),
            sum(c.amount for c in cny),
            sum(c.weighted for c in cny),
            len(column) - len(cny),
        )
        found = (0, 0, 0, 0) if totals is None else astuple(totals)[1:]
        assert found == expected, stage
    by_id = {c.id: c for c in full}
    for card in head.cards:  # the same card as the full read, without its details
        assert astuple(card)[:14] == astuple(by_id[card.id])[:14]
    # A board whose columns all fit: the head is every card, and no sums are counted in SQL.
    whole = board.board_head(ws, per_stage=10, currency="CNY")
    assert whole.complete and not whole.totals
    assert [c.id for c in whole.cards] == [c.id for c in full]


def summaries(model: BoardModel) -> list[tuple[object, ...]]:
    return [astuple(model.summary(stage)) for stage in range(1, 9)]


def test_a_model_completed_after_its_head_equals_a_model_loaded_whole(qtbot, ws, kit) -> None:
    varied_board(ws, kit)
    catalog = ws.catalog
    whole = BoardModel(catalog, ws.stale_limit)
    whole.set_cards(board.board_cards(ws, flags=False, details=False))
    model = BoardModel(catalog, ws.stale_limit)
    head = board.board_head(ws, per_stage=2, currency="CNY")
    model.set_cards(head.cards, head.totals)
    assert model.partial
    assert summaries(model) == summaries(whole)  # the heads show the sums of all at once
    first = model.columns[0]
    assert len(first.rows) == 2 and first.rowCount() == 2
    top_ids = [c.id for c in first.rows]
    model.complete(board.board_cards(ws, flags=False, details=False))
    assert not model.partial
    assert summaries(model) == summaries(whole)
    assert [c.id for c in first.rows[:2]] == top_ids  # the top stays, the rest below it
    for mine, theirs in zip(model.columns, whole.columns, strict=True):
        assert [c.id for c in mine.rows] == [c.id for c in theirs.rows]
        assert mine.rowCount() == len(mine.rows)


def test_details_fill_the_cards_but_never_a_card_refreshed_since(qtbot, ws, kit) -> None:
    ids = varied_board(ws, kit)
    model = BoardModel(ws.catalog, ws.stale_limit)
    model.set_cards(board.board_cards(ws, flags=False, details=False))
    details = board.board_details(ws)
    records.update(ws, "pursuit", ids["paying"], {"title": "回款中（改）"})
    (fresh,) = board.board_cards(ws, ids=[ids["paying"]], flags=False)
    model.update_cards([fresh], [fresh.id])
    stale = board.CardDetails(0, (), None, None, "")
    model.set_details({**details, ids["paying"]: stale})
    assert model.has_details()
    assert model.card(ids["paying"]) is fresh and fresh.tags == ("华东", "重点")
    assert model.card(ids["s1-0"]).answered == len(ws.catalog.stage(1).questions)


def test_a_card_without_its_details_says_nothing_it_does_not_know(qtbot, monkeypatch, ws, kit):
    ids = varied_board(ws, kit)
    (lean,) = board.board_cards(ws, ids=[ids["s1-2"]], flags=False, details=False)
    (full,) = board.board_cards(ws, ids=[ids["s1-2"]], flags=False)
    delegate = CardDelegate(ws.catalog, "en", ws.stale_limit)
    no_step = delegate._texts["no_step"]
    assert no_step in painted_texts(monkeypatch, delegate, full)
    assert no_step not in painted_texts(monkeypatch, delegate, lean)
    # The tooltip leaves out the days untouched, the last touch, the coaching points and "no
    # next step"; every other line is the full card's.
    lean_lines = delegate.tooltip(lean).split("<br>")
    full_lines = delegate.tooltip(full).split("<br>")
    assert no_step in full_lines and no_step not in lean_lines
    assert set(lean_lines) < set(full_lines) and len(full_lines) - len(lean_lines) == 4


@pytest.fixture
def small_head(monkeypatch):
    monkeypatch.setattr(screen_module, "HEAD_CARDS", 2)


def test_the_screen_paints_the_tops_then_every_card(small_head, ctx, kit, qtbot) -> None:
    ws = ctx.workspace
    varied_board(ws, kit)
    widget = screen_module.BoardScreen(ctx, None)
    qtbot.addWidget(widget)
    assert widget.model.partial  # five cards in stage 1, a top of two
    assert widget.model.summary(1).total == 5 and len(widget.model.cards_in(1)) == 2
    widget.resize(1600, 900)
    widget.show()
    qtbot.waitUntil(lambda: widget.names_ready() and widget.flags_ready(), timeout=20_000)
    assert not widget.model.partial and widget.details_ready()
    assert len(widget.model.cards_in(1)) == 5
    assert widget.model.has_details()
    assert "重点" in widget.filter_bar._tags


def test_a_filter_chosen_before_the_rest_arrives_sees_every_card(
    small_head, ctx, kit, qtbot
) -> None:
    ws = ctx.workspace
    ids = varied_board(ws, kit)
    widget = screen_module.BoardScreen(ctx, None)  # not shown: nothing read after a paint yet
    qtbot.addWidget(widget)
    assert widget.model.partial and not widget.details_ready()
    widget.filter_bar.set_filter(BoardFilter(tags=frozenset({"重点"})))
    assert not widget.model.partial and widget.details_ready()
    assert [c.id for c in widget.model.cards_in(8)] == [ids["paying"]]
    widget.filter_bar.set_filter(BoardFilter(text="一阶段"))
    assert len(widget.model.cards_in(1)) == 5

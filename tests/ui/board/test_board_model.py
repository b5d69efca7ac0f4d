"""The board's item model: Qt's model rules, incremental refresh, filtering and sums."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from desktop.domain.methodology import default_catalog
from desktop.services.queries import board
from desktop.services.queries.board import BoardCard
from desktop.ui.board.filters import BoardFilter, haystack
from desktop.ui.board.model import (
    MIME_TYPE,
    BoardModel,
    CardRole,
    IdRole,
    StageRole,
    decode_ids,
    encode_ids,
)

CATALOG = default_catalog()


def card(n: int, stage: int = 1, **extra) -> BoardCard:
    values = dict(
        id=f"p{n}",
        account=f"客户{n}",
        title=f"项目{n}",
        amount=100_00 * n,
        currency="CNY",
        expected_close=date(2027, 1, n % 28 + 1),
        stage=stage,
        status="open",
        stage_entered_at=datetime(2026, 1, 1),
        next_step="",
        next_step_due=None,
        rank=float(n),
        win_rate=CATALOG.stage(stage).win_rate,
        weighted=100_00 * n * CATALOG.stage(stage).win_rate // 100,
        answered=0,
        questions=len(CATALOG.stage(stage).questions),
        tags=(),
        has_conflict=False,
    )
    values.update(extra)
    return BoardCard(**values)


def model_with(cards) -> BoardModel:
    model = BoardModel(CATALOG, lambda stage: CATALOG.stage(stage).stale_days)
    model.set_cards(cards)
    return model


def check_all(request, model: BoardModel) -> None:
    """pytest-qt's model tester on every column (one tester each: a tester follows one model)."""
    from pytestqt.modeltest import ModelTester

    testers = getattr(request.node, "_board_testers", [])
    for column in model.columns:
        tester = ModelTester(request.config)
        tester.check(column, force_py=True)
        testers.append(tester)
    request.node._board_testers = testers
    request.addfinalizer(lambda: [t._cleanup() for t in testers])


def test_passes_qt_model_tester(qtmodeltester, request) -> None:
    model = model_with([card(n, stage=n % 8 + 1) for n in range(1, 40)])
    qtmodeltester.check(model.column(1), force_py=True)
    check_all(request, model)
    model.set_filter(BoardFilter(text="项目1"))  # resets the columns under the testers
    model.set_filter(BoardFilter(text=""))


def test_passes_qt_model_tester_while_changing(request, demo_ws) -> None:
    model = BoardModel(demo_ws.catalog, demo_ws.stale_limit)
    model.set_cards(board.board_cards(demo_ws))
    check_all(request, model)
    moved = replace(model.cards_in(2)[0], stage=5, rank=-1.0)
    removed = model.cards_in(3)[0].id
    model.update_cards([moved], [moved.id, removed])  # remove and insert under the testers
    assert model.cards_in(5)[0].id == moved.id
    assert model.card(removed) is None
    kept = model.cards_in(4)[0]
    model.update_cards([replace(kept, title="改名")], [kept.id])  # dataChanged in place
    assert model.cards_in(4)[0].title == "改名"


def test_columns_and_roles() -> None:
    model = model_with([card(1, 1), card(2, 1), card(3, 4)])
    assert len(model.columns) == 8
    stage1 = model.column(1)
    assert stage1.rowCount() == 2 and model.column(4).rowCount() == 1
    first = stage1.index(0, 0)
    assert stage1.data(first, IdRole) == "p1"
    assert stage1.data(first, StageRole) == 1
    assert stage1.data(first, CardRole).title == "项目1"
    assert stage1.data(first) == "项目1"
    assert model.card_at(first).id == "p1" and model.stage_of(first) == 1
    assert model.index_of("p3") == model.column(4).index(0, 0)
    assert not stage1.index(5, 0).isValid()
    assert stage1.rowCount(first) == 0  # a list: cards have no children


def test_mime_data_carries_ids() -> None:
    model = model_with([card(1), card(2)])
    mime = model.column(1).mimeData([model.column(1).index(0, 0)])
    assert mime.hasFormat(MIME_TYPE)
    assert decode_ids(mime) == ["p1"]
    assert decode_ids(encode_ids(["a", "b"])) == ["a", "b"]
    broken = encode_ids([])
    broken.setData(MIME_TYPE, b"{not json")
    assert decode_ids(broken) == []


def test_drop_asks_for_the_move_and_never_moves_rows(qtbot) -> None:
    model = model_with([card(1), card(2), card(3, stage=2)])
    column = model.column(1)
    with qtbot.waitSignal(model.move_requested) as signal:
        done = column.dropMimeData(
            encode_ids(["p3"]), column.supportedDropActions(), 1, 0, column.index(-1, 0)
        )
    assert done is False
    assert signal.args == [["p3"], 1, "p2"]
    assert [c.id for c in model.cards_in(1)] == ["p1", "p2"]  # unchanged until Changes arrive
    with qtbot.waitSignal(model.move_requested) as signal:
        column.dropMimeData(
            encode_ids(["p3"]), column.supportedDropActions(), -1, 0, column.index(0, 0)
        )  # onto a card: before it
    assert signal.args == [["p3"], 1, "p1"]


def test_update_moves_a_card_between_stages_in_rank_order() -> None:
    model = model_with([card(1), card(2), card(3), card(4, stage=2)])
    moved = replace(model.card("p2"), stage=2, rank=10.0)
    model.update_cards([moved], ["p2"])
    assert [c.id for c in model.cards_in(1)] == ["p1", "p3"]
    assert [c.id for c in model.cards_in(2)] == ["p4", "p2"]
    assert model.summary(2).shown == 2
    # A new rank inside the same column moves it there.
    model.update_cards([replace(model.card("p3"), rank=0.5)], ["p3"])
    assert [c.id for c in model.cards_in(1)] == ["p3", "p1"]


def test_filter_counts_and_sums() -> None:
    cards = [card(n, stage=1 + n % 2) for n in range(1, 11)]
    model = model_with(cards)
    assert (model.totals().shown, model.totals().total) == (10, 10)
    model.set_filter(BoardFilter(amount_min=500_00))
    totals = model.totals()
    assert (totals.shown, totals.total) == (6, 10)
    assert totals.amount == sum(100_00 * n for n in range(5, 11))
    assert totals.weighted == sum(c.weighted for c in cards if c.amount >= 500_00)
    assert model.summary(1).shown + model.summary(2).shown == 6


def test_other_currencies_are_counted_not_summed() -> None:
    model = model_with([card(1), card(2, currency="USD")])
    assert model.totals().amount == 100_00
    assert model.totals().other_currency == 1


def test_search_matches_stakeholder_names_once_loaded() -> None:
    model = model_with([card(1), card(2)])
    model.set_filter(BoardFilter(text="王建国"))
    assert model.totals().shown == 0
    model.set_names({"p2": "王建国 李娜"})
    assert [c.id for c in model.cards_in(1)] == ["p2"]
    model.set_names({"p2": "李娜"}, partial=True)
    assert model.totals().shown == 0


def test_closed_cards_only_when_asked_for() -> None:
    model = model_with([card(1), card(2, status="collected", stage=8)])
    assert model.totals().total == 1
    model.set_filter(BoardFilter(show_closed=True))
    assert model.totals().total == 2
    column = model.column(8)
    flags = column.flags(column.index(0, 0))
    assert not flags & flags.ItemIsDragEnabled  # a closed pursuit is not dragged around


def test_haystack_holds_what_search_finds() -> None:
    text = haystack(card(1, tags=("重点",), next_step="约见 CIO"), "王建国")
    for word in ("客户1", "项目1", "王建国", "重点", "cio"):
        assert word in text


def test_new_day_refilters() -> None:
    old = card(1, next_step_due=date.today() - timedelta(days=1))
    model = model_with([old])
    model.set_filter(BoardFilter(overdue_only=True))
    assert model.totals().shown == 1
    model.today = date.today() - timedelta(days=3)  # as if loaded three days ago
    model.refresh_today()
    assert model.today == date.today() and model.totals().shown == 1


def test_typing_on_narrows_like_a_fresh_search() -> None:
    cards = [card(n, stage=1 + n % 8) for n in range(1, 60)]
    model = model_with(cards)
    typed = []
    for text in ("项", "项目", "项目1", "项目1 客户1", "项目", ""):
        model.set_filter(BoardFilter(text=text))
        typed.append({s: [c.id for c in model.cards_in(s)] for s in range(1, 9)})
    fresh = []
    for text in ("项", "项目", "项目1", "项目1 客户1", "项目", ""):
        again = model_with(cards)
        again.set_filter(BoardFilter(text=text))
        fresh.append({s: [c.id for c in again.cards_in(s)] for s in range(1, 9)})
    assert typed == fresh
    assert sum(len(v) for v in typed[2].values()) == 11  # 项目1, 项目10 … 项目19

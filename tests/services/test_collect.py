"""A signed deal walks through 验收 and 回款 and ends collected (the win), on real SQLite:
the gate of "collected", the board's weights, the forecast and win/loss that follow it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services import analytics, collection, pursuit_edits, pursuits
from desktop.services.errors import InvalidInput
from desktop.services.pursuit_edits import Target
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board, overview, pursuit_list

TODAY = date.today()
AMOUNT = 1_000_000_00


def _signed(ws, stage: int = 8) -> str:
    pid, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title="MES", account_name="苏州恒通", amount=AMOUNT, stage=6, expected_close=TODAY
        ),
    )
    pursuits.move_stage(ws, [pid], stage)
    return pid


def _settle_checklist(ws, pid: str, **except_: bool) -> None:
    values = {
        "licence_checked": True,
        "credit_checked": True,
        "contract_reviewed": True,
        "delivery_ok": True,
        "acceptance_signed": True,
        "payment_received": True,
    }
    values.update(except_)
    pursuit_edits.save(ws, collection.checklist_target(pid), values)


def _instalment(ws, pid: str, amount: int, received: bool) -> str:
    return pursuit_edits.add_part(
        ws,
        "instalment",
        pid,
        {
            "amount": amount,
            "due_on": TODAY + timedelta(days=30),
            "received_on": TODAY if received else None,
        },
    )[0]


def test_closing_as_won_is_gone_collected_is_the_win(ws) -> None:
    pid = _signed(ws, 6)
    with pytest.raises(InvalidInput) as refused:
        pursuits.close_pursuits(ws, [pid], "won", reason="签约")
    assert refused.value.code == "unknown"
    # Lost and abandoned stay possible at any stage.
    change = pursuits.close_pursuits(ws, [pid], "abandoned", reason="预算取消")
    assert board.board_card(ws, pid).status == "abandoned"
    change.undo(ws)
    assert board.board_card(ws, pid).status == "open"


def test_collected_is_refused_until_stage_8_checklist_and_instalments_are_complete(ws) -> None:
    pid = _signed(ws, 7)
    with pytest.raises(InvalidInput) as refused:
        pursuits.close_pursuits(ws, [pid], "collected", reason="回款完成")
    assert refused.value.code == "not_collectable"
    assert "stage 7" in str(refused.value)

    pursuits.move_stage(ws, [pid], 8)
    _settle_checklist(ws, pid, acceptance_signed=False)
    first = _instalment(ws, pid, 300_000_00, True)
    second = _instalment(ws, pid, 700_000_00, False)
    gaps = collection.collect_gaps(ws, [pid])[pid]
    assert [(g.kind, g.key, g.count, g.amount) for g in gaps] == [
        ("check", "acceptance_signed", 0, 0),
        ("instalments", "", 1, 700_000_00),
    ]
    with pytest.raises(InvalidInput) as refused:
        pursuits.close_pursuits(ws, [pid], "collected", reason="回款完成")
    assert "instalment" in str(refused.value) and "Acceptance signed" in str(refused.value)
    assert board.board_card(ws, pid).status == "open"  # nothing changed

    _settle_checklist(ws, pid)
    pursuit_edits.save(ws, Target("instalment", second), {"received_on": TODAY})
    assert collection.collect_gaps(ws, [pid])[pid] == ()
    change = pursuits.close_pursuits(ws, [pid], "collected", reason="回款完成")
    card = board.board_card(ws, pid)
    assert (card.status, card.stage, card.win_rate, card.weighted) == ("collected", 8, 100, AMOUNT)
    assert pid not in {c.id for c in board.board_cards(ws)}  # off the board once collected
    change.undo(ws)
    assert board.board_card(ws, pid).status == "open"
    assert first


def test_signed_pursuits_stay_on_the_board_weighed_on_what_is_still_to_collect(ws) -> None:
    accepting = _signed(ws, 7)
    collecting = _signed(ws, 8)
    _instalment(ws, accepting, 300_000_00, True)  # the down payment on signing
    _instalment(ws, collecting, 300_000_00, True)
    _instalment(ws, collecting, 600_000_00, True)
    _instalment(ws, collecting, 100_000_00, False)

    cards = {c.id: c for c in board.board_cards(ws)}
    assert {cards[accepting].stage, cards[collecting].stage} == {7, 8}
    assert (cards[accepting].win_rate, cards[accepting].weighted) == (80, 560_000_00)
    assert (cards[collecting].win_rate, cards[collecting].weighted) == (100, 100_000_00)
    rows = {r.id: r for r in pursuit_list.list_pursuits(ws)}
    assert rows[collecting].weighted == 100_000_00 and rows[accepting].weighted == 560_000_00
    assert overview.overview_of(ws, collecting).weighted == 100_000_00

    filters = analytics.Filters()
    funnel = analytics.funnel(ws, filters, "CNY")
    by_stage = {s.stage: s for s in funnel.stages}
    assert (by_stage[7].count, by_stage[7].weighted) == (1, 560_000_00)
    assert (by_stage[8].count, by_stage[8].amount, by_stage[8].weighted) == (1, AMOUNT, 100_000_00)
    plan = analytics.forecast(ws, filters, "CNY", TODAY)
    assert plan.buckets[0].weighted_by_stage[6:] == (560_000_00, 100_000_00)


def test_win_loss_velocity_and_calibration_count_collected_as_won(ws) -> None:
    won = _signed(ws, 8)
    _settle_checklist(ws, won)
    pursuits.close_pursuits(ws, [won], "collected", reason="回款完成", closed_on=TODAY)
    lost = _signed(ws, 7)
    pursuits.close_pursuits(ws, [lost], "lost", reason="价格", closed_on=TODAY)
    still = _signed(ws, 8)  # signed, not paid: not a win yet
    assert still

    filters = analytics.Filters(start=TODAY - timedelta(days=30), end=TODAY + timedelta(days=1))
    results = analytics.win_loss(ws, filters, "CNY", TODAY)
    assert (results.won_count, results.won_amount, results.lost_count) == (1, AMOUNT, 1)
    assert results.win_rate == 0.5
    quarter = (TODAY.year, (TODAY.month - 1) // 3 + 1)
    rows = analytics.behind(ws, filters, "CNY", analytics.Slice("won", quarter))
    assert [(r.id, r.status) for r in rows] == [(won, "collected")]
    speed = analytics.velocity(ws, filters, "CNY")
    assert speed.cycle_count == 1
    calibration = analytics.calibration(ws, filters, "CNY")
    assert (calibration.closed, calibration.won) == (2, 1)
    assert calibration.stages[7].won == 1 and calibration.stages[7].reached == 1


def test_reopening_a_collected_pursuit_puts_it_back_in_collection(ws) -> None:
    pid = _signed(ws, 8)
    _settle_checklist(ws, pid)
    pursuits.close_pursuits(ws, [pid], "collected", reason="回款完成")
    pursuits.reopen_pursuits(ws, [pid])
    card = board.board_card(ws, pid)
    assert (card.status, card.stage, card.win_rate) == ("open", 8, 100)


def test_the_refusal_speaks_the_users_language(ws) -> None:
    pid = _signed(ws, 7)
    _instalment(ws, pid, 500_000_00, False)
    _instalment(ws, pid, 500_000_00, False)
    with pytest.raises(InvalidInput) as refused:
        pursuits.close_pursuits(ws, [pid], "collected", reason="回款完成", lang="zh_CN")
    text = str(refused.value)
    assert text.startswith("尚不能标记为已回款——「MES」：处于第 7 阶段（")
    assert "尚未进入第 8 阶段（" in text and "回款清单「" in text and "2 笔回款尚未到账" in text
    # Nothing of the English words, nor the pursuit's id, which means nothing to a rep.
    assert not any(word in text for word in ("stage", "settled", "instalment", "not", pid))
    with pytest.raises(InvalidInput) as refused:
        pursuits.close_pursuits(ws, [pid], "collected", lang="en")
    assert str(refused.value).startswith('Not collected yet — "MES": it is in stage 7 · ')
    assert "2 instalments not received." in str(refused.value)


def test_every_gap_is_worded_in_both_languages(ws) -> None:
    from desktop.domain.status import CollectGap

    gaps = [
        CollectGap("status", "lost"),
        CollectGap("check", "acceptance_signed"),
        CollectGap("instalments", "", 1, 100),
    ]
    assert collection.describe_gaps(gaps, ws.catalog, "zh") == (
        "已是「丢单」，不在进行中；回款清单「"
        + ws.catalog.vocab("collection_checks").label("acceptance_signed", "zh")
        + "」尚未完成；1 笔回款尚未到账"
    )
    assert collection.describe_gaps(gaps, ws.catalog, "en") == (
        'it is Lost, not open; collection checklist: "Acceptance signed" is not settled; '
        "1 instalment not received"
    )

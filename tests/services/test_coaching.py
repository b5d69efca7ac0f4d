"""Coaching answers and steps, stored by catalog key with deterministic ids."""

from __future__ import annotations

import pytest

from desktop.services import coaching, pursuit_edits, pursuits
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board


def test_answers_steps_and_completeness(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="CRM", account_name="华通", stage=2))
    catalog = ws.catalog
    sheet = coaching.sheet_of(ws, pid)
    assert sheet.completeness(catalog, 2).done == 0
    assert sheet.answer("s2.pain").text == ""
    for key in ("s2.current_state", "s2.pain"):
        pursuit_edits.save(ws, coaching.answer_target(catalog, pid, key), {"answer": "已了解"})
        pursuit_edits.save(ws, coaching.answer_target(catalog, pid, key), {"done": True})
    pursuit_edits.save(ws, coaching.answer_target(catalog, pid, "s1.insider"), {"done": True})
    pursuit_edits.save(ws, coaching.step_target(catalog, pid, "s2.find_pains"), {"done": True})
    sheet = coaching.sheet_of(ws, pid)
    total = len(catalog.stage(2).questions)
    assert sheet.completeness(catalog, 2) == coaching.Completeness(2, total)
    assert sheet.completeness(catalog, 1).done == 1
    assert sheet.steps_done(catalog, 2).done == 1
    assert sheet.answer("s2.pain").updated_at is not None
    # The board's completeness bar reads the same answers (current stage only).
    card = board.board_card(ws, pid)
    assert card is not None and (card.answered, card.questions) == (2, total)


def test_unknown_keys_fail_early(ws) -> None:
    with pytest.raises(KeyError):
        coaching.answer_target(ws.catalog, "p", "s9.nothing")
    with pytest.raises(KeyError):
        coaching.step_target(ws.catalog, "p", "s1.nothing")


def test_stage_order_puts_the_current_stage_first() -> None:
    assert coaching.stage_order(4) == [4, 1, 2, 3, 5, 6, 7, 8]
    assert coaching.stage_order(1) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert coaching.stage_order(8) == [8, 1, 2, 3, 4, 5, 6, 7]


def test_set_answers_puts_answers_back_in_one_go(ws) -> None:
    from desktop.services import coaching, pursuit_edits, pursuits
    from desktop.services.coaching import Answer
    from desktop.services.pursuits import PursuitDraft

    catalog = ws.catalog
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="MES二期", account_name="华东钢铁"))
    first, second = (q.key for q in catalog.stage(1).questions[:2])
    pursuit_edits.save(ws, coaching.answer_target(catalog, pid, first), {"answer": "王总"})
    pursuit_edits.save(ws, coaching.answer_target(catalog, pid, second), {"done": True})

    changes = coaching.set_answers(
        ws, catalog, {(pid, first): Answer("王总", False), (pid, second): None}
    )

    sheet = coaching.sheet_of(ws, pid)
    assert set(sheet.answers) == {first} and sheet.answer(first).text == "王总"
    assert changes  # the buried one
    again = coaching.set_answers(ws, catalog, {(pid, second): Answer("信息中心", True)})
    assert again and coaching.sheet_of(ws, pid).answer(second).done
    assert not coaching.set_answers(ws, catalog, {(pid, second): Answer("信息中心", True)})

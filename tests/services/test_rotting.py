"""Rotting by inactivity on the board's cards and the list's rows: the days since the last touch
(a done activity, a note, a visit held or a stage change), read on real SQLite."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import text

from desktop.services import activities, pursuits
from desktop.services.activities import ActivityDraft
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board, pursuit_list


def _utc_days_ago(days: int) -> datetime:
    return (datetime.now(UTC) - timedelta(days=days)).replace(tzinfo=None, microsecond=0)


def _quiet_pursuit(ws, days: int) -> str:
    """A pursuit that entered its stage `days` ago and has not been touched since."""
    pursuit_id, _ = pursuits.create_pursuit(ws, PursuitDraft(title="ERP 升级", account_name="华通"))
    then = _utc_days_ago(days).isoformat(sep=" ")
    with ws.write() as session:
        session.execute(
            text("UPDATE pursuits SET stage_entered_at = :t WHERE id = :p"),
            {"t": then, "p": pursuit_id},
        )
        session.execute(
            text("UPDATE stage_changes SET changed_at = :t WHERE pursuit_id = :p"),
            {"t": then, "p": pursuit_id},
        )
    return pursuit_id


def _card_and_row(ws, pursuit_id: str) -> tuple[board.BoardCard, pursuit_list.PursuitRow]:
    card = board.board_card(ws, pursuit_id)
    assert card is not None
    (row,) = pursuit_list.list_pursuits(ws, ids=[pursuit_id])
    return card, row


def test_an_untouched_pursuit_rots_from_entering_its_stage(ws) -> None:
    pursuit_id = _quiet_pursuit(ws, 40)
    today = date.today()
    card, row = _card_and_row(ws, pursuit_id)
    assert card.days_since_touch(today) == row.days_since_touch(today) == 40
    assert card.last_touch()[0] == row.last_touch()[0] == "stage"


def test_a_done_activity_resets_the_rotting_days(ws) -> None:
    pursuit_id = _quiet_pursuit(ws, 40)
    activity_id, _ = activities.create_activity(
        ws, ActivityDraft(subject="电话回访", pursuit_id=pursuit_id, due_on=date.today())
    )
    planned, _ = _card_and_row(ws, pursuit_id)
    assert planned.days_since_touch(date.today()) == 40  # planned is not a touch
    activities.complete_activity(ws, activity_id, "客户确认预算", now=_utc_days_ago(3))
    card, row = _card_and_row(ws, pursuit_id)
    assert card.days_since_touch(date.today()) == row.days_since_touch(date.today()) == 3
    assert card.last_touch()[0] == row.last_touch()[0] == "activity"
    assert card.days_in_stage(date.today()) == 40  # the stage's own clock is unchanged


def test_a_note_resets_the_rotting_days(ws) -> None:
    pursuit_id = _quiet_pursuit(ws, 40)
    activities.add_note(ws, "与采购部长通话", pursuit_id=pursuit_id, noted_at=_utc_days_ago(1))
    card, row = _card_and_row(ws, pursuit_id)
    assert card.days_since_touch(date.today()) == row.days_since_touch(date.today()) == 1
    assert card.last_touch()[0] == row.last_touch()[0] == "note"


def test_the_latest_touch_wins_and_a_deleted_note_no_longer_counts(ws) -> None:
    pursuit_id = _quiet_pursuit(ws, 40)
    activity_id, _ = activities.create_activity(
        ws, ActivityDraft(subject="拜访", pursuit_id=pursuit_id, due_on=date.today())
    )
    activities.complete_activity(ws, activity_id, now=_utc_days_ago(10))
    note_id, _ = activities.add_note(ws, "记录", pursuit_id=pursuit_id, noted_at=_utc_days_ago(2))
    card, _ = _card_and_row(ws, pursuit_id)
    assert (card.last_touch()[0], card.days_since_touch(date.today())) == ("note", 2)
    activities.delete_note(ws, note_id)
    card, _ = _card_and_row(ws, pursuit_id)
    assert (card.last_touch()[0], card.days_since_touch(date.today())) == ("activity", 10)

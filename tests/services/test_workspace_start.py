"""A workspace opened at start through the driver (Workspace.open_at_start): its reads before
the full open, and the one place that opens it in full."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.services import activities, pursuits
from desktop.services.activities import ActivityDraft
from desktop.services.queries import agenda, board
from desktop.services.workspace import Workspace


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A database with one overdue activity, closed as between two starts."""
    path = (tmp_path / "pursuit.db").resolve()
    ws = Workspace.open(path)
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft(title="项目", account_name="客户"))
    activities.create_activity(
        ws, ActivityDraft(subject="补发报价单", pursuit_id=pid, due_on=date.today() - timedelta(1))
    )
    ws.close()
    return path


def test_the_agenda_reads_through_the_driver_the_same(path: Path) -> None:
    full = Workspace.open(path)
    expected = agenda.agenda(full), agenda.due_count(full)
    full.close()
    ws = Workspace.open_at_start(path)
    assert ws is not None
    try:
        assert (agenda.agenda(ws), agenda.due_count(ws)) == expected
        assert not ws.is_open  # read without SQLAlchemy's engine
        assert ws.path == path and not ws.read_only
    finally:
        ws.close()


def test_the_boards_first_read_goes_through_the_driver_the_same(path: Path) -> None:
    full = Workspace.open(path)
    for title in ("二期", "三期"):  # a column with more than the head: its sums in SQL too
        pursuits.create_pursuit(full, pursuits.PursuitDraft(title=title, account_name="客户"))

    def first_reads(ws: Workspace) -> tuple[board.BoardHead, list[board.BoardCard]]:
        head = board.board_head(ws, per_stage=2, currency="CNY")
        return head, board.board_cards(ws, flags=False, details=False)

    expected = first_reads(full)
    full.close()
    assert not expected[0].complete and expected[0].totals[1].cards == 3
    ws = Workspace.open_at_start(path)
    assert ws is not None
    try:
        assert first_reads(ws) == expected
        assert not ws.is_open  # the board's first paint needs no SQLAlchemy
    finally:
        ws.close()


def test_whatever_needs_more_opens_it_in_full_first(path: Path) -> None:
    ws = Workspace.open_at_start(path)
    assert ws is not None
    try:
        assert pursuit_titles(ws) == ["项目"]
        assert ws.is_open
        assert agenda.due_count(ws) == 1  # through the session now
    finally:
        ws.close()


def pursuit_titles(ws: Workspace) -> list[str]:
    from sqlalchemy import select

    from desktop.storage.tables import Pursuit

    with ws.read() as session:
        return list(session.scalars(select(Pursuit.title)))


def test_another_thread_waits_for_the_full_open(path: Path) -> None:
    ws = Workspace.open_at_start(path)
    assert ws is not None
    found: list[int] = []
    worker = threading.Thread(target=lambda: found.append(agenda.due_count(ws)))
    worker.start()
    worker.join(30)
    try:
        assert found == [1]
        assert ws.is_open
        assert agenda.due_count(ws) == 1  # and the main thread reads through it too
    finally:
        ws.close()


def test_a_copied_file_is_not_opened_at_the_driver(path: Path, tmp_path: Path) -> None:
    copy = (tmp_path / "copy.db").resolve()
    copy.write_bytes(path.read_bytes())
    assert Workspace.open_at_start(copy) is None
    renewed = Workspace.open(copy)  # the full open gives the copy its own site, as ever
    renewed.close()
    ws = Workspace.open_at_start(copy)  # and from then on it starts at the driver
    assert ws is not None
    ws.close()

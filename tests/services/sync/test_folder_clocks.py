"""Clocks years apart in the team folder: a colleague whose clock runs years ahead has its file
refused (one clear reason, nothing merged, nothing lost); once that clock is put right its next
file is a snapshot and sync resumes. A clock years behind merges like any other."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.services import records
from desktop.services.sync import dump, folder
from desktop.services.workspace import Workspace
from desktop.storage import sync_meta
from desktop.storage.tables import Pursuit

from .folder_scenario import member

YEARS = 3 * 365 * 24 * 3600 * 1000


@contextmanager
def clock_off_by(monkeypatch: pytest.MonkeyPatch, offset_ms: int) -> Iterator[None]:
    """This process's clock, as the database sees it, `offset_ms` away from the true time."""
    real = sync_meta.now_ms
    monkeypatch.setattr(sync_meta, "now_ms", lambda: real() + offset_ms)
    try:
        yield
    finally:
        monkeypatch.setattr(sync_meta, "now_ms", real)


def _ids(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return [p.id for p in session.query(Pursuit).order_by(Pursuit.id).limit(3)]


def test_a_clock_years_ahead_is_refused_then_sync_resumes_once_it_is_right(
    replica, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = tmp_path / "team"
    a = member(replica("a"), team)
    b = member(replica("b"), team)
    a.sync()
    b.sync()
    a.sync()
    p = _ids(a.ws)
    with clock_off_by(monkeypatch, YEARS):  # b's computer thinks it is three years later
        records.update(b.ws, "pursuit", p[0], {"next_step": "未来的时钟写的"})
        written = b.sync()
    assert written.written and not written.snapshot
    before = dump.digest(a.ws.path)
    report = a.sync()
    assert [s.reason for s in report.refused] == ["clock_ahead"]
    assert dump.digest(a.ws.path) == before  # nothing merged, nothing lost
    assert [s.reason for s in a.sync().refused] == ["clock_ahead"]  # told again, still

    # b's clock is put right; opening its database repairs the times it wrote.
    b_path = b.ws.path
    b.ws.close()
    b.ws = Workspace.open(b_path)
    records.update(b.ws, "pursuit", p[1], {"next_step": "时钟校正后写的"})
    fixed = b.sync()
    assert fixed.snapshot and fixed.removed >= 1  # the refused file is gone with the old ones
    report = a.sync()
    assert not report.refused and report.imported_files == 1
    assert records.get(a.ws, "pursuit", p[0])["next_step"] == "未来的时钟写的"  # nothing lost
    assert records.get(a.ws, "pursuit", p[1])["next_step"] == "时钟校正后写的"
    a.sync()
    b.sync()
    assert dump.digest(a.ws.path) == dump.digest(b.ws.path)
    b.ws.close()


def test_a_clock_years_behind_merges_like_any_other(
    replica, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = tmp_path / "team"
    a = member(replica("a"), team)
    b = member(replica("b"), team)
    a.sync()
    b.sync()
    a.sync()
    p = _ids(a.ws)
    with clock_off_by(monkeypatch, -YEARS):
        records.update(b.ws, "pursuit", p[0], {"next_step": "过去的时钟写的"})
        records.update(b.ws, "pursuit", p[1], {"title": "乙的名称"})
        b.sync()
    records.update(a.ws, "pursuit", p[1], {"title": "甲的名称"})  # concurrent with b's
    report = a.sync()
    assert not report.refused and report.imported_files == 1
    b.sync()
    assert records.get(b.ws, "pursuit", p[0])["next_step"] == "过去的时钟写的"
    assert records.get(a.ws, "pursuit", p[0])["next_step"] == "过去的时钟写的"
    assert report.to_review >= 1  # the concurrent titles wait for a person, whatever the clocks
    assert dump.digest(a.ws.path) == dump.digest(b.ws.path)
    assert folder.load_state(a.ws)["peers"]

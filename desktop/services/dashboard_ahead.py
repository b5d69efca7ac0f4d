"""The Dashboard's series computed ahead of its first open, kept while the database is unwritten.

Why: at 10,000 pursuits the series take ~150–180 ms alone but several times that when computed
beside the first drawing of the charts (both hold Python's lock), which put the first open near
its 800 ms budget. The app's idle warm-up computes them on its worker for the filters the first
open will use (`compute`), with the database's write mark read in the same snapshot; the first
open takes them (`take`) if nothing was written since — a local edit, an undo, an import, a
merge all move the mark (`storage.change_sequence.write_mark`) — and if they were computed for
the same workspace, filters, fallback currency, day and win rates. Else it computes as always.

One entry, handed out once: a later refresh computes afresh, as the rep asked for.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from datetime import date

from desktop.services import analytics
from desktop.services.workspace import Workspace
from desktop.storage.change_sequence import write_mark


@dataclass(frozen=True)
class _Key:
    """Everything besides the data that the series depend on."""

    filters: analytics.Filters
    fallback_currency: str
    today: date
    win_rates: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _Ahead:
    workspace: weakref.ref[Workspace]  # not kept alive by this: another may be opened meanwhile
    key: _Key
    mark: tuple[int, ...]
    series: analytics.Dashboard


_lock = threading.Lock()
_ahead: _Ahead | None = None
# Workspaces whose Dashboard has computed already (opened before the warm-up): nothing to do.
_asked: weakref.WeakSet[Workspace] = weakref.WeakSet()


def _key(ws: Workspace, filters: analytics.Filters, fallback_currency: str, today: date) -> _Key:
    return _Key(filters, fallback_currency, today, tuple(sorted(ws.policy.win_rates.items())))


def compute(
    ws: Workspace,
    filters: analytics.Filters,
    fallback_currency: str,
    *,
    today: date | None = None,
) -> analytics.Dashboard | None:
    """Compute every figure's series for `filters` now (on a worker thread: a few hundred
    milliseconds at 10,000 pursuits), keep them for the next `take` and return them. None
    (nothing done or kept) when the Dashboard of `ws` has computed its own already."""
    global _ahead
    with _lock:
        if ws in _asked:
            return None
    today = today or date.today()
    key = _key(ws, filters, fallback_currency, today)
    with ws.read() as session:  # the mark and the series from one snapshot
        db = session.connection()
        mark = write_mark(db)
        series = analytics.dashboard(
            ws, filters, today=today, fallback_currency=fallback_currency, db=db
        )
    with _lock:
        if ws in _asked:  # the Dashboard opened meanwhile and computed its own
            return None
        _ahead = _Ahead(weakref.ref(ws), key, mark, series)
    return series


def take(
    ws: Workspace,
    filters: analytics.Filters,
    fallback_currency: str,
    *,
    today: date | None = None,
) -> analytics.Dashboard | None:
    """The series computed ahead for exactly this workspace and these filters, if the database
    has not been written since (one read of its write mark); else None. Handed out once."""
    global _ahead
    with _lock:
        ahead, _ahead = _ahead, None
        _asked.add(ws)
    if ahead is None or ahead.workspace() is not ws:
        return None
    if ahead.key != _key(ws, filters, fallback_currency, today or date.today()):
        return None
    with ws.read() as session:
        if write_mark(session.connection()) != ahead.mark:
            return None
    return ahead.series

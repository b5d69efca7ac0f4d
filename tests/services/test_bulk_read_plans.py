"""The bulk reads of the board, deal health and the accounts list stay on their covering indexes.

Migration 0009 added indexes for the reads that run over every pursuit when a screen opens (at
10,000 to 50,000 pursuits their cost is the difference between reading index pages and fetching
each row with its sync metadata). A rewrite of one of those queries, or of an index, that makes
SQLite walk the tables again would show only in the benchmarks; here each statement they run is
caught as SQLite runs it and its plan checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event

from desktop.services import accounts, health
from desktop.services.queries import board


@contextmanager
def statements(ws) -> Iterator[list[str]]:
    """The SQL each driver connection runs (bound values filled in by SQLite)."""
    seen: list[str] = []

    def trace(dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.set_trace_callback(seen.append)

    event.listen(ws.db.engine, "checkout", trace)
    try:
        yield seen
    finally:
        event.remove(ws.db.engine, "checkout", trace)


def plans(ws, run: Callable[[], object], marker: str) -> list[str]:
    """The query plan lines of each statement `run` executes that contains `marker`."""
    with statements(ws) as seen:
        run()
    found = [sql for sql in seen if marker in sql and sql.lstrip()[:4].upper() in ("SELE", "WITH")]
    assert found, f"no statement with {marker!r}"
    with ws.read() as session:
        connection = session.connection().connection.driver_connection
        return [
            " | ".join(row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in found
        ]


def test_each_cards_next_scheduled_step_and_last_touch_read_covering_indexes(demo_ws) -> None:
    cards = lambda: board.board_cards(demo_ws, flags=False)  # noqa: E731
    (scheduled,) = plans(demo_ws, cards, "min(due_on)")
    assert "COVERING INDEX ix_activities_pursuit_dates" in scheduled
    assert "COVERING INDEX ix_visits_pursuit_start" in scheduled
    (touched,) = plans(demo_ws, cards, "'note'")
    assert "COVERING INDEX ix_activities_pursuit_dates" in touched
    assert "COVERING INDEX ix_notes_pursuit_noted" in touched


def test_deal_health_reads_its_kept_facts_not_the_map(demo_ws) -> None:
    """The red flags are decided on the facts the triggers keep (migration 0014): one scan of
    pursuit_facts, no read of the map cards or their roles, the visits on their covering index."""
    counts = lambda: health.red_flag_counts(demo_ws)  # noqa: E731
    (facts,) = plans(demo_ws, counts, "FROM pursuit_facts")
    assert facts == "SCAN pursuit_facts"
    with statements(demo_ws) as seen:
        counts()
    assert not [sql for sql in seen if "stakeholder" in sql]
    (visited,) = plans(demo_ws, counts, "max(starts_at)")
    assert "COVERING INDEX ix_visits_agenda" in visited


def test_the_accounts_lists_totals_read_the_pursuits_account_index(demo_ws) -> None:
    summaries = lambda: accounts.account_summaries(demo_ws, people=False)  # noqa: E731
    (totals,) = plans(demo_ws, summaries, "AS open_amount")
    (corrections,) = plans(demo_ws, summaries, "WITH received AS")
    # The index gives each account's pursuits in one pass, no pursuit's row read; the received
    # instalments are summed from their partial index (migration 0012), and only the pursuits
    # with money received are looked up (by their key) to weigh what is left to collect.
    assert "SCAN p USING COVERING INDEX ix_pursuits_account_totals" in totals
    assert "AUTOMATIC" not in totals + corrections  # merged in Python, no index built per read
    assert "USING INDEX ix_instalments_received" in corrections
    assert "SEARCH p USING INDEX sqlite_autoindex_pursuits_1 (id=?)" in corrections

"""Many new rows written at once, inside the caller's write transaction (demo data at scale:
some 60 rows a pursuit, three million at 50,000 pursuits).

Row by row, most of the cost is not the row: each insert into a synced table fires the change
sequence trigger (an UPDATE of the row just written, and its index moved), the search triggers
(a document re-made and indexed), and updates every secondary index at a random place. Here:

- each row is written with its change sequence (`seq`) already set, the next number of its
  table in write order: what the trigger gives a row inserted alone (storage/change_sequence.py),
  so the trigger, which only fires for `seq = 0`, has nothing to do;
- a large load sets the search triggers aside and makes the documents at the end with a few
  statements per table (`search_bulk.BulkIndex`, as the sync import does);
- a large load into an empty database drops the secondary indexes of the synced tables and
  builds them again at the end, from their own `CREATE INDEX` text (a sorted build is far cheaper
  than millions of random updates);
- values go to the driver in one executemany per batch, encoded by the columns' own SQLAlchemy
  bind processors (so they are stored exactly as a Core insert stores them), and a value object
  shared by consecutive rows (the one version vector and dot of the transaction) encoded once.

Everything happens in the caller's transaction: a rollback puts the indexes and triggers back,
and no other connection ever sees the database without them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from desktop.storage import queries, search_bulk, sync_meta
from desktop.storage.tables import SYNCED_TABLES, Synced

# Below this many rows the indexes and triggers are kept: dropping and re-making them costs more
# than they do (the test suite fills databases of a few pursuits).
LARGE_FROM = 20_000
_NO_VALUE = object()


class BulkLoad:
    """One bulk write of new rows into synced tables, in the caller's transaction."""

    def __init__(self, session: Session, *, expected_rows: int, cache_mb: int = 256) -> None:
        self.session = session
        self.driver = queries.driver_of(session)
        self.dialect = session.get_bind().dialect
        (self._cache,) = self.driver.execute("PRAGMA cache_size").fetchone()
        self.driver.execute(f"PRAGMA cache_size = {-int(cache_mb) * 1024}")
        large = expected_rows >= LARGE_FROM
        self.index = search_bulk.BulkIndex(self.driver, active=large)
        self.dropped: list[str] = []  # the CREATE INDEX statements to run again at the end
        if large and self._empty():
            self._drop_indexes()
        self._sequence: dict[str, int] = {}  # table -> the last change sequence given
        self._statements: dict[str, tuple[str, list[tuple[str, Any]], bool]] = {}

    def _empty(self) -> bool:
        return all(
            self.driver.execute(f"SELECT 1 FROM {t.__tablename__} LIMIT 1").fetchone() is None
            for t in SYNCED_TABLES
        )

    def _drop_indexes(self) -> None:
        names = [t.__tablename__ for t in SYNCED_TABLES]
        marks = ", ".join("?" * len(names))
        # `sql IS NOT NULL`: a primary key's or a UNIQUE constraint's own index stays.
        found = self.driver.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks}) ORDER BY name",
            names,
        ).fetchall()
        for name, sql in found:
            self.driver.execute(f'DROP INDEX "{name}"')
            self.dropped.append(sql)

    def _statement(self, table: type[Synced]) -> tuple[str, list[tuple[str, Any]], bool]:
        name = table.__tablename__
        known = self._statements.get(name)
        if known is None:
            columns = list(_core(table).columns)
            present = {row[1] for row in self.driver.execute(f'PRAGMA table_info("{name}")')}
            sequenced = "seq" in present
            names = [c.name for c in columns] + (["seq"] if sequenced else [])
            sql = f"INSERT INTO {name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            encoders = [
                (c.key, c.type.dialect_impl(self.dialect).bind_processor(self.dialect))
                for c in columns
            ]
            known = self._statements[name] = (sql, encoders, sequenced)
            if sequenced:
                (top,) = self.driver.execute(f"SELECT coalesce(max(seq), 0) FROM {name}").fetchone()
                self._sequence[name] = int(top)
        return known

    def insert(self, table: type[Synced], rows: list[dict[str, Any]]) -> None:
        """New rows of `table` (from `sync_meta.stamped_row`), written in this order."""
        if not rows:
            return
        sync_meta.fill_defaults(table, rows)
        sql, encoders, sequenced = self._statement(table)
        name = table.__tablename__
        first = self._sequence.get(name, 0) + 1
        self.driver.executemany(sql, _encoded(rows, encoders, first if sequenced else None))
        if sequenced:
            self._sequence[name] = first + len(rows) - 1
        self.index.inserted(name)

    def finish(self) -> None:
        """Build the dropped indexes, make the search documents, restore the page cache."""
        for sql in self.dropped:
            self.driver.execute(sql)
        self.dropped = []
        self.index.finish()
        self.driver.execute(f"PRAGMA cache_size = {int(self._cache)}")


def _core(table: type[Synced]) -> Table:
    assert isinstance(table.__table__, Table)
    return table.__table__


def _encoded(
    rows: list[dict[str, Any]],
    encoders: Sequence[tuple[str, Callable[[Any], Any] | None]],
    first_seq: int | None,
) -> Iterator[list[Any]]:
    """Each row's values in column order, as the bind processors give them. The last value seen
    per column and its encoding are kept: rows written together share their metadata objects
    (the version vector, the dots, the time), and JSON and dates are the costly ones."""
    last: list[Any] = [_NO_VALUE] * len(encoders)
    done: list[Any] = [None] * len(encoders)
    seq = first_seq
    for row in rows:
        values: list[Any] = []
        for position, (key, encode) in enumerate(encoders):
            value = row[key]
            if encode is None:
                values.append(value)
            elif value is last[position]:
                values.append(done[position])
            else:
                last[position] = value
                done[position] = encoded = encode(value)
                values.append(encoded)
        if seq is not None:
            values.append(seq)
            seq += 1
        yield values

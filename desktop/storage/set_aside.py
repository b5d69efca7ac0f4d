"""What a large load of new rows into the synced tables sets aside, and how it is put back.

Two writers load hundreds of thousands of rows in one transaction: demo data at scale
(`bulk_load.BulkLoad`) and a sync import into a new database (`services.sync.fresh`). Row by
row, most of an insert's cost is not the row but what keeps derived data up to date:

- the change sequence's insert trigger (migration 0008): every row of such a load is written
  with its `seq`, so the trigger, which fires only for `seq = 0`, would only test its condition
  (a fifth of an insert's time in SQLite);
- into empty tables only:
  - the secondary indexes, each updated at a random place by every row: one sorted build at
    the end is far cheaper; their planner statistics are kept and put back as they were;
  - the deal-health facts' insert triggers (migration 0014: each looks up the row's card and
    pursuit and updates their facts at a random place, a fifth of the inserts' time): the facts
    are counted at the end by the migration's own statements for the rows already there;
  - the full-text index's own trigger (migration 0002): row by row, FTS5 writes a segment each
    time its 1 MB of pending terms is full and keeps merging them; at the end the trigger's own
    values go in with one statement (`_index_full_text`).

The search documents themselves are `search_bulk.BulkIndex`'s, made between the indexes and the
full-text index (`finish`). Everything happens in the caller's transaction: a rollback puts the
indexes and triggers back, and no other connection ever sees the database without them. Unique
indexes stay: they are constraints.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from desktop.storage import search_bulk
from desktop.storage.tables import SYNCED_TABLES

# The full-text index over the search documents, and the trigger that feeds it one by one
# (migration 0002).
_FTS_TABLE = "search_index"
_FTS_TRIGGER = "search_docs_ai"
_FTS_HASH_MB = 256  # what the full-text index holds in memory before it writes: one segment
# The deal-health facts (migration 0014): their tables, and their insert triggers.
_FACTS_MIGRATION = Path(__file__).parent / "migrations" / "versions" / "0014_flags.py"
_FACTS_TABLES = ("pursuit_facts", "stakeholder_facts")
_FACTS_TRIGGERS = "facts\\_%\\_ai"  # LIKE, escaped by backslash


class SetAside:
    """The triggers and indexes of `tables` a load sets aside (see the module), dropped when
    made; `finish` puts them back with what they would have kept. Into empty tables (no synced
    row at all, as the caller's transaction sees them) more is set aside."""

    def __init__(self, driver: Any, tables: list[str], *, full_text_mb: int = _FTS_HASH_MB) -> None:
        """`full_text_mb`: the memory the full-text index's one build may take (less: more
        segments for FTS5 to merge later, as row by row)."""
        self.driver = driver
        self.full_text_mb = full_text_mb
        self.indexes: list[tuple[str, str]] = []
        self.stats: list[tuple[Any, ...]] = []
        self.fts: list[tuple[str, str]] = []
        self.facts: list[tuple[str, str]] = []
        self.triggers = self._drop("trigger", "name", [f"sync_seq_{name}_ai" for name in tables])
        if not no_synced_rows(driver):
            return
        self.indexes = [
            (name, sql)
            for name, sql in self._found("index", "tbl_name", tables)
            if not sql.lstrip().upper().startswith("CREATE UNIQUE")
        ]
        # Dropping an index drops its planner statistics: kept, to be put back as they were.
        has_stats = driver.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).fetchone()
        if has_stats and self.indexes:
            names = [name for name, _ in self.indexes]
            self.stats = driver.execute(
                f"SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IN ({_marks(names)})", names
            ).fetchall()
        for name, _sql in self.indexes:
            driver.execute(f'DROP INDEX "{name}"')
        if driver.execute("SELECT 1 FROM search_docs LIMIT 1").fetchone() is None:
            self.fts = self._drop("trigger", "name", [_FTS_TRIGGER])
        if all(
            driver.execute(f"SELECT 1 FROM {name} LIMIT 1").fetchone() is None
            for name in _FACTS_TABLES
        ):
            found = driver.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ESCAPE '\\'",
                (_FACTS_TRIGGERS,),
            ).fetchall()
            self.facts = self._drop("trigger", "name", [name for (name,) in found])

    def _found(self, kind: str, key: str, names: list[str]) -> list[tuple[str, str]]:
        # `sql IS NOT NULL`: a primary key's or a UNIQUE constraint's own index has none.
        found: list[tuple[str, str]] = self.driver.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL "
            f"AND {key} IN ({_marks(names)}) ORDER BY name",
            [kind, *names],
        ).fetchall()
        return found

    def _drop(self, kind: str, key: str, names: list[str]) -> list[tuple[str, str]]:
        found = self._found(kind, key, names)
        for name, _sql in found:
            self.driver.execute(f'DROP {kind.upper()} "{name}"')
        return found

    def finish(self, index: search_bulk.BulkIndex) -> None:
        """Put everything back: the indexes (built by a sort, on two threads), the triggers,
        the facts counted, the search documents (`index`, set aside by the caller) made, and
        the full-text index filled from them."""
        driver = self.driver
        (threads,) = driver.execute("PRAGMA threads").fetchone()
        driver.execute("PRAGMA threads = 2")  # an index is built by a sort: two cores help
        for _name, sql in self.indexes + self.triggers:
            driver.execute(sql)
        driver.execute(f"PRAGMA threads = {int(threads)}")
        if self.stats:
            driver.executemany(
                "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", self.stats
            )
        self.indexes, self.triggers, self.stats = [], [], []
        if self.facts:  # counted on the indexes just made
            self._count_facts()
        index.finish()
        if self.fts:
            self._index_full_text()

    def _index_full_text(self) -> None:
        """The full-text index of an empty database made from all its documents at once: the
        trigger's own values (migration 0002: each text with its end mark) with one statement,
        the pending size raised for it (one segment), then that setting taken out again, so the
        index is configured as before (FTS5 reads its settings from that table)."""
        fts = _FTS_TABLE
        indexed = search_bulk.indexed_values("d")
        self.driver.execute(
            f"INSERT INTO {fts}({fts}, rank) VALUES ('hashsize', ?)", (self.full_text_mb << 20,)
        )
        self.driver.execute(
            f"INSERT INTO {fts}(rowid, name, context, body) "
            f"SELECT d.id, {indexed} FROM search_docs AS d ORDER BY d.id"
        )
        self.driver.execute(f"DELETE FROM {fts}_config WHERE k = 'hashsize'")
        for _name, sql in self.fts:
            self.driver.execute(sql)
        self.fts = []

    def _count_facts(self) -> None:
        """The deal-health facts of every row written, into their empty tables, then their
        insert triggers back.

        Migration 0014's statements for the rows already there (`_facts_statements`) give what
        the triggers give row by row, but for one thing: they give a card a `stakeholder_facts`
        row for any role, where the triggers make one only for a live role a rule counts (which
        gives it a count above zero). Those rows of no count are taken out again.
        """
        for sql in _facts_statements():
            self.driver.execute(sql)
        roles = facts_migration().ROLES.values()
        self.driver.execute(
            f"DELETE FROM stakeholder_facts WHERE {' AND '.join(f'{c} = 0' for c in roles)}"
        )
        for _name, sql in self.facts:
            self.driver.execute(sql)
        self.facts = []


def no_synced_rows(driver: Any) -> bool:
    """Whether every synced table is empty (a tombstone counts as a row)."""
    return all(
        driver.execute(f"SELECT 1 FROM {table.__tablename__} LIMIT 1").fetchone() is None
        for table in SYNCED_TABLES
    )


def _marks(names: list[str]) -> str:
    return ", ".join("?" * len(names))


@functools.cache
def facts_migration() -> Any:
    """Migration 0014, the one statement of the deal-health facts."""
    spec = importlib.util.spec_from_file_location("pursuit_migration_0014", _FACTS_MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _facts_statements() -> tuple[str, ...]:
    """The statements migration 0014 counts the facts of the rows already there with (its
    `_fill`), taken as it gives them to Alembic's `op.execute` (its own copy of the module
    is given a recorder in Alembic's place)."""
    migration = facts_migration()
    statements: list[str] = []
    migration.op = SimpleNamespace(execute=statements.append)
    migration._fill()
    return tuple(statements)

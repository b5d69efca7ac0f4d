"""Search documents made in bulk, for a sync import that writes many records in one transaction.

The search index (migration 0002) is kept by triggers on every searched table: each row written
deletes and re-makes its document, a few statements per row. An import into a new database writes
hundreds of thousands of rows, and there the triggers were a third of the time. `BulkIndex` drops
those triggers inside the import's transaction, is told which records the import updated (new rows
are those past each table's last rowid), and at the end re-makes their documents with a few
statements per table, then puts the triggers back, still in the same transaction: a rollback
restores them, and no other connection ever sees the database without them.

The documents are the triggers' own: the same expressions and condition (migration 0002's
`SOURCES`, whose triggers migration 0015 made again with lookups by the record id's prefix and
no stored kind: its `doc_values` and `same_record` are used here), ids from the same kind range,
allotted in the order the rows were written (the newest sort first, as with the triggers). An
update re-makes a document only when it set a column its trigger watches, as the trigger does;
an account renamed renames its pursuits' contexts, as `search_accounts_rename` does.

Into an empty `search_docs` (`fresh`) the lookup index on the record id's prefix is set aside too
and made again by one sorted build once the documents are in: filled document by document, each
went in at a random place (the prefixes of random ids), a million times at 50,000 pursuits.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_MIGRATION = Path(__file__).parent / "migrations" / "versions" / "0015_search.py"
_RENAME = "search_accounts_rename"


@functools.cache
def _search_migration() -> Any:
    """Migration 0015 (over 0002's sources), the one statement of how a record becomes a search
    document and how its document is found."""
    spec = importlib.util.spec_from_file_location("pursuit_migration_0015", _MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def indexed_values(row: str) -> str:
    """The values the full-text index is given for the search_docs row `row` (migration 0002's
    trigger: each text with its end mark), for a bulk writer that fills the index itself."""
    return str(_search_migration()._indexed(row))


def _trigger_names() -> list[str]:
    names = [
        f"search_{table}_{suffix}"
        for table in _search_migration().SOURCES
        for suffix in ("ai", "au", "ad")
    ]
    return [*names, _RENAME]


class BulkIndex:
    """The search triggers set aside for one transaction, and the documents to re-make."""

    def __init__(self, driver: Any, *, active: bool = True) -> None:
        """`active=False`: the triggers stay and keep the index row by row (a small import,
        where dropping and re-making them costs more than they do)."""
        self.driver = driver
        self.sources: dict[str, Any] = _search_migration().SOURCES
        # table -> the ids of rows updated, in write order (new rows are found by rowid)
        self.written: dict[str, dict[str, None]] = {}
        self.renamed: dict[str, None] = {}  # accounts whose name this import changed
        self.saved: dict[str, str] = {}
        self.lookup: list[str] = []  # the lookup index, when set aside (`fresh`)
        self.last_rowid: dict[str, int] = {}  # table -> its last rowid before the import
        # No document before the import: a new row can have none to replace, and looking for
        # them (every new row against the documents) was a tenth of a new database's load.
        self.fresh = False
        self.active = False
        if active:
            self._set_aside()

    def _set_aside(self) -> None:
        driver = self.driver
        names = _trigger_names()
        marks = ", ".join("?" * len(names))
        self.saved = dict(
            driver.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
                names,
            )
        )
        # A database without the whole set (none is expected at the current revision) keeps
        # its triggers: documents made half one way, half the other, could disagree.
        self.active = len(self.saved) == len(names)
        if self.active:
            self.fresh = driver.execute("SELECT 1 FROM search_docs LIMIT 1").fetchone() is None
            for table in self.sources:
                (top,) = driver.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()
                self.last_rowid[table] = int(top)
            for name in self.saved:
                driver.execute(f"DROP TRIGGER {name}")
            if self.fresh:
                index = _search_migration().LOOKUP_INDEX
                self.lookup = [
                    sql
                    for (sql,) in driver.execute(
                        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                        (index,),
                    )
                ]
                if self.lookup:
                    driver.execute(f'DROP INDEX "{index}"')

    def inserted(self, table: str) -> None:
        """New rows written to `table`: each gets its document (if the condition holds). They
        are found by rowid, past the table's last before the import (an insert takes the next
        one), not kept here: a new database's first import writes half a million."""
        if self.active and table in self.sources:
            self.written.setdefault(table, {})

    def updated(self, table: str, changed: tuple[str, ...], ids: Iterable[str]) -> None:
        """Rows of `table` whose columns `changed` were set: re-made when the trigger would."""
        if not self.active or table not in self.sources:
            return
        ids = list(ids)
        if set(changed) & set(self.sources[table]["watch"]):
            written = self.written.setdefault(table, {})
            for record_id in ids:  # moved to the end: written again, it is the newest
                written.pop(record_id, None)
                written[record_id] = None
        if table == "accounts" and "name" in changed:
            self.renamed.update(dict.fromkeys(ids))

    def finish(self) -> None:
        """Make the documents of every record written, and put the triggers back."""
        if not self.active:
            return
        for table, ids in self.written.items():
            self._remake(table, list(ids))
        for sql in self.lookup:  # before the renames, which find documents by it
            self.driver.execute(sql)
        self.lookup = []
        if self.renamed:
            # Pursuits not written themselves keep their documents; their context follows.
            migration = _search_migration()
            low, high = migration.kind_range(self.sources["pursuits"])
            self.driver.execute(
                "UPDATE search_docs SET context = coalesce((SELECT a.name FROM pursuits AS p "
                "JOIN accounts AS a ON a.id = p.account_id "
                "WHERE p.id = search_docs.record_id), '') "
                f"WHERE id BETWEEN {low} AND {high} AND id IN (SELECT d.id FROM pursuits AS p "
                f"JOIN search_docs AS d ON {migration.same_record('d.record_id', 'p.id')} "
                "WHERE p.account_id IN (SELECT value FROM json_each(?)))",
                (json.dumps(list(self.renamed)),),
            )
        for sql in self.saved.values():
            self.driver.execute(sql)
        self.active = False

    def _remake(self, table: str, ids: list[str]) -> None:
        migration = _search_migration()
        spec = self.sources[table]
        low, high = migration.kind_range(spec)
        last = self.last_rowid[table]
        listed = json.dumps(ids)
        # Into an empty `search_docs` no record of this table has a document yet: they are all
        # made here, table by table (and there the lookup index is set aside).
        if ids and not self.fresh:
            self.driver.execute(
                "DELETE FROM search_docs WHERE id IN (SELECT d.id FROM json_each(?) AS w "
                f"JOIN search_docs AS d ON {migration.same_record('d.record_id', 'w.value')})",
                (listed,),
            )
        if not self.fresh:
            self.driver.execute(  # none for a new record, but the insert trigger also made sure
                # CROSS JOIN: the new rows drive (by rowid), not every document
                f"DELETE FROM search_docs WHERE id IN (SELECT d.id FROM {table} AS t "
                f"CROSS JOIN search_docs AS d ON {migration.same_record('d.record_id', 't.id')} "
                "WHERE t.rowid > ?)",
                (last,),
            )
        values, condition = migration.doc_values(spec, "t"), migration.condition(spec, "t")
        for source, order, parameter in (
            (f"json_each(?) AS w JOIN {table} AS t ON t.id = w.value", "w.key", listed),
            (f"{table} AS t", "t.rowid", last),
        ):
            (top,) = self.driver.execute(
                "SELECT coalesce(max(id), ?) FROM search_docs WHERE id BETWEEN ? AND ?",
                (low, low, high),
            ).fetchone()
            where = f"{condition} AND t.rowid > ?" if order == "t.rowid" else condition
            self.driver.execute(
                f"{migration.COLUMNS} SELECT ? + row_number() OVER (ORDER BY {order}), {values} "
                f"FROM {source} WHERE {where}",
                (int(top), parameter),
            )

"""search: the same search documents in less space — the kind not stored, a short record key

Revision ID: 0015
Revises: 0014

Hand-written, like revision 0002 that made the search index (its `SOURCES` say how a record
becomes a document; this revision reads them from there and changes none).

At 10,000 pursuits `search_docs` and its UNIQUE index on `record_id` were 46 MB of a 392 MB
database, for 192,000 documents. Two things in them cost space and bought nothing:

- `kind` was stored as text in every row ('coaching_answer', fifteen bytes, in 117,000 of them),
  yet the id already says it: ids are allotted per kind in ranges of 2**40 (`id >> 40` is the
  kind's code). It is now a VIRTUAL generated column, read exactly as before and stored nowhere.
- the UNIQUE index held each 36-character record id again beside the document id, for one use:
  the triggers (and the bulk writer, `storage/search_bulk.py`) find a record's document to
  replace it. It is now an index on `record_key`, a VIRTUAL generated column of the record
  id's first eight characters (ids are random UUIDs: a handful of documents share a prefix at
  200,000), and every lookup names both the key and the whole id (`same_record`). Uniqueness was never the index's job: every writer deletes a
  record's document before it writes one.

The documents keep their ids, texts and order; the full-text index (external content, rowid =
document id) is not touched, so search finds and ranks exactly as before. The rebuild copies
the documents aside to a temporary table and writes them back after the old table is dropped,
so the new table takes the old one's pages instead of growing the file. Those come off the free
list in reverse order, and a search that walks a kind's documents read them backwards (up to
twice as slow at 50,000 pursuits), and a file only shrinks by a VACUUM: so this script asks for
one after the upgrade (`vacuum = True`, `migrate.compact`). It rewrites the whole file once, on
the first open after the update: 4 s at 10,000 pursuits (414 MB), 33 s at 50,000 (2 GB), with
twice the file's size free meanwhile (without that room it is skipped). Triggers are made
again from revision 0002's `SOURCES`, with the lookups by key; downgrade restores revision
0002's table and triggers.

Measured options left out (10,000 pursuits): `columnsize=0` saves the 3.2 MB docsize table but
bm25, which orders the name matches, then re-reads and re-tokenizes every matching document
(×2–3 on a common name query, even with the same scores through a content view that adds the
end mark); `detail=column` saves 11.5 MB of the 30 MB index but refuses
phrase queries, which are how a word of four or more characters is found (the query side would
have to AND the trigrams and check each word with LIKE).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None
vacuum = True  # read by storage/migrate.py: compact the file after the upgrade

KEY_CHARS = 8  # of a record id, in the lookup index


def _search_migration() -> Any:
    """Revision 0002: the sources, the kind bits and the end mark of the index's texts."""
    path = Path(__file__).with_name("0002_search_index.py")
    spec = importlib.util.spec_from_file_location("pursuit_migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_0002 = _search_migration()
SOURCES: dict[str, Any] = _0002.SOURCES
KIND_BITS: int = _0002.KIND_BITS
_body = _0002._body
_condition = _0002._condition
_indexed = _0002._indexed

COLUMNS = "INSERT INTO search_docs (id, record_id, pursuit_id, name, context, body)"
_OLD_COLUMNS = "INSERT INTO search_docs (id, kind, record_id, pursuit_id, name, context, body)"
LOOKUP_INDEX = "search_docs_record"


def kind_sql(id_column: str = "id") -> str:
    """The kind of a document from its id (the range its kind's code starts)."""
    cases = " ".join(f"WHEN {spec['code']} THEN '{spec['kind']}'" for spec in SOURCES.values())
    return f"CASE {id_column} >> {KIND_BITS} {cases} END"


def same_record(column: str, record_id: str) -> str:
    """SQL: the document's `column` (its record_id, maybe qualified) is `record_id`, found by
    the lookup index on the id's prefix (`record_key`)."""
    key = column.replace("record_id", "record_key")
    return f"{key} = substr({record_id}, 1, {KEY_CHARS}) AND {column} = {record_id}"


def doc_values(spec: Any, prefix: str) -> str:
    """Record id, pursuit id, name, context, body of the source row `prefix` (NEW or t)."""

    def sub(expr: str) -> str:
        return expr.replace("NEW.", f"{prefix}.")

    return (
        f"{prefix}.id, {sub(spec['pursuit'])}, "
        f"coalesce({sub(spec['name'])}, ''), coalesce({sub(spec['context'])}, ''), "
        f"{sub(_body(spec['body']))}"
    )


def condition(spec: Any, prefix: str) -> str:
    return str(_condition(spec, prefix))


def kind_range(spec: Any) -> tuple[int, int]:
    low = int(spec["code"]) << KIND_BITS
    return low, low + (1 << KIND_BITS) - 1


def _trigger_names() -> list[str]:
    names = [f"search_{table}_{suffix}" for table in SOURCES for suffix in ("ai", "au", "ad")]
    return [*names, "search_accounts_rename", "search_docs_ai", "search_docs_ad", "search_docs_au"]


def _index_triggers() -> list[str]:
    """The full-text index follows search_docs (revision 0002's, unchanged)."""
    return [
        f"""
        CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
            INSERT INTO search_index(rowid, name, context, body)
            VALUES (NEW.id, {_indexed("NEW")});
        END
        """,
        f"""
        CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
            INSERT INTO search_index(search_index, rowid, name, context, body)
            VALUES ('delete', OLD.id, {_indexed("OLD")});
        END
        """,
        f"""
        CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
            INSERT INTO search_index(search_index, rowid, name, context, body)
            VALUES ('delete', OLD.id, {_indexed("OLD")});
            INSERT INTO search_index(rowid, name, context, body)
            VALUES (NEW.id, {_indexed("NEW")});
        END
        """,
    ]


def _source_triggers(*, lean: bool) -> list[str]:
    """Revision 0002's triggers on the searched tables; `lean`: this revision's lookups (by the
    record id's prefix) and no stored kind, else revision 0002's own."""
    made = []
    for table, spec in SOURCES.items():
        low, high = kind_range(spec)
        next_id = (
            f"(SELECT coalesce(max(id), {low}) + 1 FROM search_docs "
            f"WHERE id BETWEEN {low} AND {high})"
        )
        if lean:
            values = doc_values(spec, "NEW")
            columns = COLUMNS
            drop = "DELETE FROM search_docs WHERE {}".format
            new, old = (
                drop(same_record("record_id", "NEW.id")),
                drop(same_record("record_id", "OLD.id")),
            )
        else:
            values = _0002._doc_values(spec, "NEW")
            columns = _OLD_COLUMNS
            new = "DELETE FROM search_docs WHERE record_id = NEW.id"
            old = "DELETE FROM search_docs WHERE record_id = OLD.id"
        doc = f"{columns} SELECT {next_id}, {values} WHERE {condition(spec, 'NEW')}"
        watched = ", ".join(spec["watch"])
        made += [
            f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {new}; {doc}; END",
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {watched} ON {table} BEGIN "
            f"{old}; {doc}; END",
            f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {old}; END",
        ]
    low, high = kind_range(SOURCES["pursuits"])
    if lean:
        pursuits = (
            f"id BETWEEN {low} AND {high} AND id IN (SELECT d.id FROM pursuits AS p "
            f"JOIN search_docs AS d ON {same_record('d.record_id', 'p.id')} "
            "WHERE p.account_id = NEW.id)"
        )
    else:
        pursuits = (
            "kind = 'pursuit' AND record_id IN (SELECT id FROM pursuits WHERE account_id = NEW.id)"
        )
    made.append(
        "CREATE TRIGGER search_accounts_rename AFTER UPDATE OF name ON accounts "
        "WHEN NEW.name IS NOT OLD.name BEGIN "
        f"UPDATE search_docs SET context = coalesce(NEW.name, '') WHERE {pursuits}; END"
    )
    return made


def _rebuild(*, lean: bool) -> None:
    """search_docs made again in the shape `lean` (this revision) or revision 0002's, the
    documents kept, then the triggers."""
    for name in _trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS temp.search_docs_copy")
    op.execute(
        "CREATE TEMP TABLE search_docs_copy AS "
        "SELECT id, record_id, pursuit_id, name, context, body FROM main.search_docs"
    )
    op.execute("DROP TABLE main.search_docs")  # its pages are free for the new table
    if lean:
        op.execute(
            f"""
            CREATE TABLE main.search_docs (
                id INTEGER PRIMARY KEY,
                kind TEXT GENERATED ALWAYS AS ({kind_sql()}) VIRTUAL,
                record_id TEXT NOT NULL,
                pursuit_id TEXT,
                name TEXT NOT NULL DEFAULT '',
                context TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT '',
                record_key TEXT GENERATED ALWAYS AS (substr(record_id, 1, {KEY_CHARS})) VIRTUAL
            )
            """
        )
        op.execute(
            "INSERT INTO main.search_docs (id, record_id, pursuit_id, name, context, body) "
            "SELECT id, record_id, pursuit_id, name, context, body FROM temp.search_docs_copy "
            "ORDER BY id"
        )
        op.execute(f"CREATE INDEX main.{LOOKUP_INDEX} ON search_docs (record_key)")
    else:
        op.execute(
            """
            CREATE TABLE main.search_docs (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                record_id TEXT NOT NULL UNIQUE,
                pursuit_id TEXT,
                name TEXT NOT NULL DEFAULT '',
                context TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT ''
            )
            """
        )
        op.execute(
            "INSERT INTO main.search_docs (id, kind, record_id, pursuit_id, name, context, body) "
            f"SELECT id, {kind_sql()}, record_id, pursuit_id, name, context, body "
            "FROM temp.search_docs_copy ORDER BY id"
        )
    op.execute("DROP TABLE temp.search_docs_copy")
    for sql in [*_index_triggers(), *_source_triggers(lean=lean)]:
        op.execute(sql)


def upgrade() -> None:
    _rebuild(lean=True)


def downgrade() -> None:
    _rebuild(lean=False)

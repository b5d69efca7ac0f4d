"""Many new rows written at once, inside the caller's write transaction (demo data at scale:
some 60 rows a pursuit, three million at 50,000 pursuits).

Row by row, most of the cost is not the row but what keeps derived data up to date. A large
load sets aside what `set_aside.SetAside` says (the change sequence's insert triggers; into an
empty database also the secondary indexes, the deal-health facts' and the full-text index's
triggers) and puts it back at the end, and makes the search documents with a few statements per
table (`search_bulk.BulkIndex`), as the sync import into a new database does. Each row is
written with its change sequence (`seq`) already set, the next number of its table in write
order: what the trigger gives a row inserted alone (storage/change_sequence.py). Besides:

- rows are made from one template per table (`row`): what `sync_meta.stamped_row` gives, the
  columns' defaults filled in as `sync_meta.fill_defaults` fills them, the metadata objects (the
  transaction's one version vector and dot, its time) shared by every row, and kept in the
  template already encoded: each row would otherwise encode them again;
- values go to the driver in one executemany per batch, dates and JSON encoded by the columns'
  own SQLAlchemy bind processors (stored exactly as a Core insert stores them), a value object
  shared by consecutive rows encoded once;
- the metadata every row of the transaction shares (`_SHARED`: its dot, version vector, time,
  life) is written into the insert itself as constants, not bound to each row again: nine
  values a row copied into SQLite three million times. A table one of whose rows was given
  its own goes on binding them (`_Statement.full`);
- into an empty database, the search documents are made without first looking for old ones to
  replace (`search_bulk.BulkIndex.fresh`);
- ids are made as `tables.new_id` and `tables.membership_id` make them, without building a
  `uuid.UUID` for each (a third of the time at scale went there).

Everything happens in the caller's transaction: a rollback puts the indexes and triggers back,
and no other connection ever sees the database without them.

A brand-new database (`new_database`: the `demo` command on a path where nothing is) is built
under a temporary name beside its place, where no one else can open it, with no journal and no
syncs: each page is written once, straight into the file (in WAL mode every page went to the log
first and was copied into the file again at the checkpoint: the database written twice). There
is nothing to roll back to in a file that did not exist: a failed build is deleted. Nor are its
foreign keys checked as it is filled (four million lookups of a parent at random at 50,000
pursuits): every row comes from the caller's generator, into a file no one else writes, and the
tests check the demo's references (`PRAGMA foreign_key_check`); its connections enforce them
again as soon as it is filled. Only when the load is done is it put in WAL mode (as every
database is opened), flushed to disk and renamed into place (`files.write_atomically`): a crash
leaves at most the temporary file, never a half database at the path.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import operator
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Table, event, update
from sqlalchemy.orm import Session

from desktop.storage import files, queries, search_bulk, sync_meta
from desktop.storage.db import Database
from desktop.storage.set_aside import SetAside
from desktop.storage.tables import ID_NAMESPACE, SYNCED_TABLES, Synced, SyncState, name_key

# Below this many rows the indexes and triggers are kept: dropping and re-making them costs more
# than they do (the test suite fills databases of a few pursuits).
LARGE_FROM = 20_000
_NO_VALUE = object()
_NAMESPACE = ID_NAMESPACE.bytes
_ID_BLOCK = 16 * 4096  # random bytes read at a time for new ids
# The metadata columns `sync_meta.stamped_row` sets the same on every row of a transaction: kept
# in the templates already encoded (dates and JSON as text), so no row encodes them again.
_STAMPS = frozenset(("created_at", "updated_at", "deleted_at", "vv", "dots", "siblings"))
# The columns `sync_meta.stamped_row` gives the same value in every row of a transaction (unless
# a row is given its own): constants of the insert (`_Statement.shared`).
_SHARED = _STAMPS | {"alive", "purged", "origin_site"}


# A UUID's variant digit (RFC 4122: 8, 9, a or b) from any hex digit, as its top bits are set.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def _uuid_text(x: str, version: str) -> str:
    """`str(uuid.UUID(hex=x[:32], version=...))`: the version digit and variant bits set."""
    return f"{x[:8]}-{x[8:12]}-{version}{x[13:16]}-{_VARIANT[x[16]]}{x[17:20]}-{x[20:32]}"


def membership_id(kind: str, *parts: str) -> str:
    """`tables.membership_id`, the same text (a name-based UUID 5 in the same namespace)."""
    return _uuid_text(hashlib.sha1(_NAMESPACE + ":".join((kind, *parts)).encode()).hexdigest(), "5")


def _new_ids() -> Iterator[str]:
    """Random ids as `tables.new_id` makes them (UUID 4 from the system's random source)."""
    return itertools.chain.from_iterable(map(_id_block, itertools.repeat(_ID_BLOCK // 16)))


# A random byte's version (0100) and variant (10) bits set, as `uuid.UUID(version=4)` sets them.
_VERSION_4 = bytes((b & 0x0F) | 0x40 for b in range(256))
_RFC_4122 = bytes((b & 0x3F) | 0x80 for b in range(256))
# Where each of a UUID's 32 hex digits goes in its text (the dashes after 8, 12, 16 and 20).
_DIGIT_AT = [d + (d >= 8) + (d >= 12) + (d >= 16) + (d >= 20) for d in range(32)]


def _id_block(count: int) -> list[str]:
    """`count` random UUID 4 texts, made a digit position at a time over all of them (slices
    of bytes, in C) rather than an id at a time in Python (a million ids at 50,000 pursuits)."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = raw[6::16].translate(_VERSION_4)
    raw[8::16] = raw[8::16].translate(_RFC_4122)
    digits = raw.hex().encode()
    text = bytearray(b"-" * (37 * count))  # 36 characters and a line end each
    for digit, place in enumerate(_DIGIT_AT):
        text[place::37] = digits[digit::32]
    text[36::37] = b"\n" * count
    return text.decode().split("\n")[:count]


class BulkLoad:
    """One bulk write of new rows into synced tables, in the caller's transaction; used as a
    context manager, it finishes when the block does."""

    def __init__(self, session: Session, *, expected_rows: int) -> None:
        self.session = session
        self.dot = sync_meta.next_dot(session)
        self.driver = queries.driver_of(session)
        self.dialect = session.get_bind().dialect
        (self._cache,) = self.driver.execute("PRAGMA cache_size").fetchone()
        # The rows' pages, the primary keys they go into at random places, and then the sorts
        # that build the indexes again, in memory: about a third of the data's size, 256 MB to
        # 1 GB (SQLite's default of 2 MB writes and reads the same pages again and again).
        cache_mb = max(256, min(1024, expected_rows // 3000))
        self.driver.execute(f"PRAGMA cache_size = {-cache_mb * 1024}")
        large = expected_rows >= LARGE_FROM
        self.index = search_bulk.BulkIndex(self.driver, active=large)
        self.aside: SetAside | None = None
        if large:
            names = [t.__tablename__ for t in SYNCED_TABLES]
            self.aside = SetAside(self.driver, names)
        self._sequence: dict[str, int] = {}  # table -> the last change sequence given
        self._statements: dict[str, _Statement] = {}
        self._own: set[str] = set()  # tables a row of which was given its own shared value
        self._templates: dict[type[Synced], tuple[dict[str, Any], dict[str, Any]]] = {}
        self._ids = _new_ids()
        self._taken: dict[str, set[str]] = {}  # table -> the ids its rows had before this load

    def named_id(self, table: type[Synced], kind: str, name: str) -> str:
        """`tables.named_id`, the same answer, from the table's ids read once for the load
        (rather than an ORM lookup per name: 17,000 accounts at 50,000 pursuits); ids given by
        this load's own rows are the caller's to tell apart."""
        name_of = table.__tablename__
        taken = self._taken.get(name_of)
        if taken is None:
            taken = self._taken[name_of] = {
                row[0] for row in self.driver.execute(f"SELECT id FROM {name_of}")
            }
        candidate = membership_id(kind, name_key(name))
        return next(self._ids) if candidate in taken else candidate

    def row(self, table: type[Synced], values: dict[str, Any]) -> dict[str, Any]:
        """A new row of `table` with `values`, stamped with this transaction's dot (as
        `sync_meta.stamped_row` stamps it) and its empty columns given their defaults (as
        `sync_meta.fill_defaults` gives them)."""
        known = self._templates.get(table)
        if known is None:
            known = self._templates[table] = self._template(table)
        template, defaults = known
        row = {**template, **values}
        if not _SHARED.isdisjoint(values):  # its own metadata: bound, a stamp encoded
            self._own.add(table.__tablename__)
            for name, encode in self._statements[table.__tablename__].stamps.items():
                if name in values:
                    row[name] = encode(values[name])
        if "id" not in values:
            row["id"] = next(self._ids)
        # An empty value given for a column with a default gets the default. The few defaulted
        # columns are looked at, not every value given: this runs three million times at scale.
        for name in defaults:
            if row[name] is None:
                row[name] = defaults[name]
        return row

    def _template(self, table: type[Synced]) -> tuple[dict[str, Any], dict[str, Any]]:
        """What every new row of `table` starts from, and its columns' defaults."""
        template = sync_meta.stamped_row(table, {"id": ""}, self.dot)
        del template["id"]
        defaults = {name: template[name] for name in _defaulted(table) if name != "id"}
        sync_meta.fill_defaults(table, [defaults])
        template.update(defaults)
        statement = self._statement(table)
        stamps = statement.stamps
        template.update({name: encode(template[name]) for name, encode in stamps.items()})
        statement.share({name: template[name] for name in _SHARED if name in template})
        return template, defaults

    def _statement(self, table: type[Synced]) -> _Statement:
        name = table.__tablename__
        known = self._statements.get(name)
        if known is None:
            columns = list(_core(table).columns)
            present = {row[1] for row in self.driver.execute(f'PRAGMA table_info("{name}")')}
            sequenced = "seq" in present
            encoders: dict[str, Callable[[Any], Any]] = {}
            stamps: dict[str, Callable[[Any], Any]] = {}  # encoded in `row`, not per batch
            for column in columns:
                # The driver binds a bool as the integer SQLAlchemy's processor would make.
                if isinstance(column.type, Boolean):
                    continue
                encode = column.type.dialect_impl(self.dialect).bind_processor(self.dialect)
                if encode is None:
                    continue
                if column.key in _STAMPS:
                    stamps[column.key] = encode
                else:
                    encoders[column.key] = encode
            known = self._statements[name] = _Statement(
                name, [(c.name, c.key) for c in columns], encoders, stamps, sequenced
            )
            if sequenced:
                (top,) = self.driver.execute(f"SELECT coalesce(max(seq), 0) FROM {name}").fetchone()
                self._sequence[name] = int(top)
        return known

    def insert(self, table: type[Synced], rows: list[dict[str, Any]]) -> None:
        """New rows of `table` (from `row`), written in this order."""
        if not rows:
            return
        statement = self._statement(table)
        name = table.__tablename__
        first = self._sequence.get(name, 0) + 1 if statement.sequenced else None
        form = statement.full if name in self._own else statement.shared or statement.full
        self.driver.executemany(form.sql, _encoded(rows, form, first))
        if first is not None:
            self._sequence[name] = first + len(rows) - 1
        self.index.inserted(name)

    def __enter__(self) -> BulkLoad:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        """`finish` after a load that went through; after a failure only the page cache is put
        back (the caller's rollback restores the indexes and triggers)."""
        if kind is None:
            self.finish()
        else:
            self.driver.execute(f"PRAGMA cache_size = {int(self._cache)}")

    def finish(self) -> None:
        """Put back what was set aside, make the search documents; restore the page cache."""
        if self.aside is not None:
            self.aside.finish(self.index)
        else:
            self.index.finish()
        self.driver.execute(f"PRAGMA cache_size = {int(self._cache)}")


def new_database(target: Path, fill: Callable[[Database], object]) -> None:
    """A new database at `target` (where nothing is), filled by `fill`: made whole under a
    temporary name beside it with no journal, then put in WAL mode, flushed and renamed into
    place. Raises what failed, with nothing left at `target` nor beside it."""
    target = Path(target).expanduser().resolve()

    def write(temp: Path) -> None:
        db = Database.open(temp, create=True)
        try:
            # Its sync identity is made for the path it will have: the first open there must
            # not take it for a copy (`sync_meta.ensure_site`) and give it a new one.
            with db.write() as session:
                session.execute(update(SyncState).values(db_path=str(target)))
            _unjournaled(db, True)
            fill(db)
            _unjournaled(db, False)
        except BaseException:
            db.close()
            for suffix in ("-wal", "-shm", "-journal"):  # what a failed open may have left
                with contextlib.suppress(OSError):
                    Path(f"{temp}{suffix}").unlink(missing_ok=True)
            raise
        db.close()

    files.write_atomically(target, write, _check_wal)


def _no_journal(connection: sqlite3.Connection, _record: object) -> None:
    """Each connection to a database being built: no journal, no syncs, no foreign key checks
    (see the module; set after `db.Database`'s own settings, which turn them on)."""
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA foreign_keys = OFF")


def _unjournaled(db: Database, on: bool) -> None:
    """Switch the connections of a new database to no journal (`on`), or back to what
    `db.Database` opens with (WAL, synchronous FULL, foreign keys). The connections made so far
    are closed first: a database leaves WAL mode (or enters it) only on its one connection."""
    if on:
        event.listen(db.engine, "connect", _no_journal)
    else:
        event.remove(db.engine, "connect", _no_journal)
    db.engine.dispose()
    raw = db.engine.raw_connection()  # made now: the journal mode is set as it connects
    try:
        cursor = raw.cursor()
        (mode,) = cursor.execute("PRAGMA journal_mode").fetchone()
        (keys,) = cursor.execute("PRAGMA foreign_keys").fetchone()
        cursor.close()
    finally:
        raw.close()
    if (mode, keys) != (("off", 0) if on else ("wal", 1)):
        raise sqlite3.OperationalError(
            f"the new database stayed in journal mode {mode}, foreign keys {keys}"
        )


def _check_wal(path: Path) -> None:
    """The finished file is a database in WAL mode (its header's read and write versions)."""
    with path.open("rb") as fh:
        head = fh.read(20)
    if head[:16] != b"SQLite format 3\x00" or head[18:20] != b"\x02\x02":
        raise OSError(f"{path.name} is not a whole database in WAL mode")


def _core(table: type[Synced]) -> Table:
    assert isinstance(table.__table__, Table)
    return table.__table__


class _Form:
    """One insert of a table's rows: its SQL, the values it binds in order, their encoders."""

    def __init__(
        self,
        sql: str,
        values: Callable[[dict[str, Any]], tuple[Any, ...]],
        encoders: list[tuple[int, Callable[[Any], Any]]],
    ) -> None:
        self.sql = sql
        self.values = values
        self.encoders = encoders


class _Statement:
    """How one table's rows are written: every value bound (`full`), or the values the rows
    share written into the insert as constants (`shared`, once the template is known)."""

    def __init__(
        self,
        table: str,
        columns: list[tuple[str, str]],
        encoders: dict[str, Callable[[Any], Any]],
        stamps: dict[str, Callable[[Any], Any]],
        sequenced: bool,
    ) -> None:
        self.table = table
        self.columns = columns  # (column name, attribute key)
        self.encoders = encoders
        self.stamps = stamps
        self.sequenced = sequenced
        self.full = self._form({})
        self.shared: _Form | None = None

    def share(self, values: dict[str, Any]) -> None:
        """The `shared` insert, with these values (by key, as encoded) as its constants; those
        SQL cannot spell exactly as the driver binds them stay bound."""
        constants = {key: text for key, value in values.items() if (text := _literal(value))}
        self.shared = self._form(constants) if constants else None

    def _form(self, constants: dict[str, str]) -> _Form:
        bound = [(name, key) for name, key in self.columns if key not in constants]
        names = [name for name, _ in bound] + (["seq"] if self.sequenced else [])
        shared = [(name, constants[key]) for name, key in self.columns if key in constants]
        sql = (
            f"INSERT INTO {self.table} ({', '.join(names + [name for name, _ in shared])}) "
            f"VALUES ({', '.join(['?'] * len(names) + [text for _, text in shared])})"
        )
        keys = [key for _, key in bound]
        encoders = [(i, self.encoders[key]) for i, key in enumerate(keys) if key in self.encoders]
        # itemgetter of one key gives the value, not a one-tuple.
        get = operator.itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],)
        return _Form(sql, get, encoders)


def _literal(value: Any) -> str | None:
    """`value` as an SQL constant stored exactly as the driver stores it bound (the same type:
    NULL, integer, text, under the same column affinity); None for one it cannot be."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):  # a bool is bound as its integer
        return str(int(value)) if -(2**63) <= value < 2**63 else None
    if isinstance(value, str) and "\x00" not in value:
        try:
            value.encode()
        except UnicodeEncodeError:  # a lone surrogate: the driver refuses it bound, too
            return None
        return "'" + value.replace("'", "''") + "'"
    return None


def _defaulted(table: type[Synced]) -> list[str]:
    """The columns `sync_meta.fill_defaults` may fill."""
    return [c.key for c in _core(table).columns if getattr(c.default, "arg", None) is not None]


def _encoded(
    rows: list[dict[str, Any]], statement: _Form, first_seq: int | None
) -> Iterator[Sequence[Any]]:
    """Each row's values in column order, as the bind processors give them (then its change
    sequence). The last value seen per column and its encoding are kept: rows written together
    share their metadata objects (the version vector, the dots, the time)."""
    encoders = statement.encoders
    last: list[Any] = [_NO_VALUE] * len(encoders)
    done: list[Any] = [None] * len(encoders)
    seq = first_seq
    get = statement.values
    if not encoders:  # most tables: only the stamps are encoded, and `row` did those
        if seq is None:
            yield from map(get, rows)
        else:  # each tuple + (seq,), made in C rather than by a Python call per row
            yield from map(operator.add, map(get, rows), zip(itertools.count(seq)))
        return
    for row in rows:
        values = list(get(row))
        for slot, (position, encode) in enumerate(encoders):
            value = values[position]
            if value is last[slot]:
                values[position] = done[slot]
            else:
                last[slot] = value
                values[position] = done[slot] = encode(value)
        if seq is not None:
            values.append(seq)
            seq += 1
        yield values

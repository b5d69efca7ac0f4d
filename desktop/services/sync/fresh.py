"""Import into a new database: the file's state adopted as it is, in one pass.

A new laptop's first sync, or a manager's roll-up starting, imports a whole snapshot into a
database that holds no synced record yet. There is nothing local to merge against, so the normal
import's work per record (pass one comparing each line with ours, keeping the changed ones, pass
two parsing them again, looking up our version and our row) buys nothing. Here every line is
parsed once and checked as in pass one (the schema, each id once, no write of this database it
never made, no time beyond the clock bound: the same BundleError), and the record is written as
the file has it: its values, version vector, dots and siblings (normalized as the merge would,
which for one side alone is the file's own state).

The condition, checked again under the write lock: every synced table (schema.kinds_in_order)
is empty. A new Workspace makes no synced row (no seed data), so a database just created
qualifies; one with a single record of any kind, even a tombstone, is merged normally. Local
tables (the import log, private_pursuits, the sync state) do not count.

The rest is the importer's, through its helpers: references checked batch by batch against what
is written so far (a record whose parent is missing is rejected; a reference within the kind,
a stakeholder's manager, against the kind's ids in the whole file, so that kind is kept
compressed until it is complete, as pass one keeps lines), the rules' validation, sync_review for
records with siblings, the search documents made in bulk at the end, the change sequence, the
legacy-won and people settling, the import log and sync_sites, the backup, dry run, confirm,
cancel and the attachments companion. What is new is only speed: the tables' secondary indexes
are dropped inside the transaction and made again after the load (a sorted build instead of
half a million scattered inserts), with their planner statistics kept, and so are the change
sequence's, the deal-health facts' and the full-text index's triggers, their work done at the
end in bulk (`storage.set_aside`, as demo data at scale does).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain import merge
from desktop.services import backup as backups
from desktop.services import collection, people, records
from desktop.services.changes import Changes
from desktop.services.errors import InvalidInput
from desktop.services.indicators import merge as competitor_merge
from desktop.services.sync import attachments, bundle, importer, schema
from desktop.services.sync.bundle import BundleError
from desktop.services.sync.export import read_connection
from desktop.services.workspace import Workspace
from desktop.storage import queries, search_bulk, sync_codec, sync_meta
from desktop.storage.set_aside import SetAside, no_synced_rows
from desktop.storage.tables import BY_KIND, Synced, table_cache

# Records written per statement where the batch does not matter to the outcome (no reference
# within the kind): fewer, larger batches. A kind that refers to itself keeps the importer's
# batches, whose boundaries decide which earlier rejections a reference sees.
LOAD_BATCH = 2000

# The full-text index's build at the end: 8 MB of terms at a time keeps an import's peak memory
# where it was (some 275 MB at 10,000 pursuits, #21 asks < 300); 32 MB and more took 17 MB more.
FULL_TEXT_MB = 8

Kinds = list[tuple[type[Synced], tuple[str, ...]]]


class _NotNew(Exception):
    """A synced record was written between the first look and the write lock: merge instead."""


def is_new(conn: Any) -> bool:
    """Whether the database holds no synced record at all (the condition of this path)."""
    return no_synced_rows(conn)


def import_new(
    ws: Workspace,
    path: Path,
    header: bundle.Header,
    keys: bundle.Keys | None,
    kinds: Kinds,
    preview: importer.Preview,
    digest: str,
    *,
    dry_run: bool,
    confirm: Callable[[importer.Preview], bool] | None,
    progress: importer.Progress | None,
    cancelled: Callable[[], bool] | None,
    backup: bool,
    started: float,
) -> importer.ImportReport | None:
    """Import the opened file into a new database; None when the database is not new (the
    caller merges). Raises BundleError (nothing imported) as the normal import does."""
    conn = read_connection(ws.path)
    try:
        if not is_new(conn):
            return None
    finally:
        conn.close()
    backup_path: Path | None = None
    try:
        with ws.write() as session:
            session.info["merging"] = True
            driver = queries.driver_of(session)
            with importer._interruptible(driver, cancelled):
                driver.execute("PRAGMA defer_foreign_keys = ON")
                (cache,) = driver.execute("PRAGMA cache_size").fetchone()
                driver.execute("PRAGMA cache_size = -65536")
                try:
                    if not is_new(driver):  # again, now that no one else can write
                        raise _NotNew
                    loader = _Loader(session, driver, preview, header, cancelled, progress)
                    names = [table.__tablename__ for table, _ in kinds]
                    aside = SetAside(driver, names, full_text_mb=FULL_TEXT_MB)
                    loader.load(path, keys, kinds)
                    if progress is not None:
                        progress("merging", 0, 1)
                    aside.finish(loader.index)
                    session.info["merging"] = False
                    collection.settle_legacy_won(session)
                    people.settle_merges(session)
                    # … and what still uses a competitor merged away, to the one kept.
                    competitor_merge.settle_merges(session)
                    session.flush()
                    session.info["merging"] = True
                    if backup and not dry_run and preview.records:
                        # Read by another connection: the state before this transaction. Taken
                        # once the file proved good, so a refused file leaves no backup behind.
                        backup_path = backups.make_backup(ws, "before-import").path
                    importer._after_merge(
                        driver,
                        header,
                        loader.scan,
                        preview,
                        digest,
                        path,
                        backup_path,
                        loader.pursuits,
                    )
                finally:
                    driver.execute(f"PRAGMA cache_size = {int(cache)}")
                for name in sorted(loader.written):
                    violations = driver.execute(f"PRAGMA foreign_key_check({name})").fetchmany(1)
                    if violations:
                        raise BundleError("damaged", f"a reference is missing: {violations[0]}")
                if progress is not None:
                    progress("merging", 1, 1)
                if dry_run or (confirm is not None and not confirm(preview)):
                    raise importer._RollBack
    except _NotNew:
        return None
    except importer._RollBack:
        if backup_path is not None:
            backup_path.unlink(missing_ok=True)
        seconds = time.perf_counter() - started
        return importer.ImportReport(preview, False, dry_run, None, seconds, Changes())
    changes = Changes.all() if preview.changes_anything else Changes()
    files = attachments.receive(ws, path, keys)
    seconds = time.perf_counter() - started
    return importer.ImportReport(preview, True, False, backup_path, seconds, changes, files)


class _Loader(importer._Merger):
    """The importer's merger with nothing local: every record of the file is new here.

    Its rules (`_check`: validation and references), writes (`_write`, `_write_reviews`) and
    bookkeeping (`_touched`, the bulk search index, the change sequence) are the merger's own.
    """

    def __init__(
        self,
        session: Any,
        driver: Any,
        preview: importer.Preview,
        header: bundle.Header,
        cancelled: Callable[[], bool] | None,
        progress: importer.Progress | None,
    ) -> None:
        sender = preview.source_name or preview.source_site[:8]
        scan = importer._Scan({}, {}, False, 0, 0, {}, bound=sync_meta.clock_bound(), sender=sender)
        super().__init__(session, driver, preview, scan, cancelled, progress)
        # The merger sizes itself by the lines pass one kept; here by what the header declares
        # (checked against the file at its end): a big file gets its search documents in bulk.
        self.total = _declared(header)
        if not self.index.active and self.total >= importer.BULK_INDEX_FROM:
            # (The merger's own, sized by nothing, set no trigger aside: one index only.)
            self.index = search_bulk.BulkIndex(driver)
        self.header = header
        self.our_site, self.our_counter = driver.execute(
            "SELECT site_id, counter FROM sync_state"
        ).fetchone()
        self.good = schema.Good()

    def load(self, path: Path, keys: bundle.Keys | None, kinds: Kinds) -> None:
        """Read, check and write every record of the file, kind after kind, in file order."""
        header, scan = self.header, self.scan
        end_marker = b'["' + bundle.END.encode() + b'"'
        trailer: Any = None
        index = -1
        table: type[Synced] | None = None
        columns: tuple[str, ...] = ()
        prefix = b""
        count = 0
        line_number = 0
        sink: _Sink | None = None

        def reading(done: int) -> None:
            importer._check_cancel(self.cancelled)
            if self.progress is not None:
                self.progress("reading", done, header.size)

        # The content digest, as the merge keeps it: an unchanged re-export of this file is
        # then known at once (importer._content_imported_before).
        content = hashlib.sha256(importer._layout(header, kinds))
        try:
            stream = importer._digested(bundle.chunks(path, header, keys, reading), content)
            for line in bundle.lines(stream, header.max_lines):
                line_number += 1
                if trailer is not None:
                    raise BundleError("damaged", "lines after the end")
                if table is None or not line.startswith(prefix):
                    if line.startswith(end_marker):
                        trailer = importer._parse_trailer(line)
                        continue
                    if table is None or importer._kind_of(line) != table.kind:
                        if sink is not None and table is not None:
                            sink.close()
                            scan.counts[table.kind] = count
                        index = importer._next_kind(kinds, index, line)
                        table, columns = kinds[index]
                        prefix = importer._prefix(table.kind)
                        sink = _Sink(self, table, columns)
                        count = 0
                assert sink is not None
                count += 1
                sink.add(line)
            if sink is not None and table is not None:
                sink.close()
                scan.counts[table.kind] = count
        except BundleError as exc:
            if exc.code == "damaged" and line_number:
                exc.detail = f"line {line_number}: {exc.detail}"
            raise
        _check_counts(header, trailer, kinds, scan)
        scan.content = content.hexdigest()
        self.preview.records = scan.records

    def adopt(self, table: type[Synced], columns: tuple[str, ...], batch: list[_Line]) -> None:
        """Write a batch of checked records (`_Line`s) as the file has them.

        A record with one value per field, in this version's layout, becomes its row straight
        from the parsed line (`_Rows`); one with siblings or purged goes through the merge's
        normalization, as before. The rules and references are then `_accept`'s.
        """
        importer._check_cancel(self.cancelled)
        rules = sync_codec.rules_for(table)
        rows = _Rows.of(table, columns)
        at = schema.positions(columns)
        siblings, purged, id_at = at["siblings"], at["purged"], at["id"]
        entries: list[_Entry] = []
        for parsed, line, texts in batch:
            if parsed[siblings] is None and not parsed[purged]:
                entry = rows.plain(parsed, line, texts)
                if entry is not None:
                    entries.append(entry)
                    continue
                values = importer._plain_values(table, columns, parsed, line)
                review: list[str] = []
            else:
                state = merge.normalize(schema.state_from(table, columns, parsed), rules)
                values = sync_codec.compact(table, state)
                review = sync_codec.review_fields(table, state)
            values["id"] = parsed[id_at]
            filled = sum(1 for name in rows.fields if values[name] not in importer.EMPTY)
            row = importer._raw_row(table, rows.names, values)
            entries.append(_Entry(row, filled, review, values))
        counts = self.preview.counts[table.kind]
        inserts = []
        reviews = []
        for entry in self._accept(table, rows, entries):
            row = entry.row
            if entry.review:
                counts.conflicts += 1
                assert entry.values is not None  # a review comes of the merge's normalization
                reviews.append((row[0], entry.review, entry.values))
            inserts.append(row)
            if rows.owner is not None and entry.filled:
                # The pursuit each record belongs to, counted for its timeline (the merger's
                # _touched: records and fields given).
                pursuit_id = row[rows.owner]
                if pursuit_id:
                    counted = self.pursuits.setdefault(pursuit_id, [0, 0])
                    counted[0] += 1
                    counted[1] += entry.filled
        counts.new += len(inserts)
        if inserts:
            name = table.__tablename__
            self.written.add(name)
            seq = self._sequence(table)
            extra = ", seq" if seq is not None else ""
            if seq is not None:
                for row in inserts:
                    row.append(seq)
            marks = ", ".join("?" * (len(rows.names) + (seq is not None)))
            self.driver.executemany(
                f"INSERT INTO {name} ({', '.join(rows.names)}{extra}) VALUES ({marks})", inserts
            )
            self.index.inserted(name)
        self._write_reviews(table, reviews)
        self.done += len(batch)

    def _accept(self, table: type[Synced], rows: _Rows, entries: list[_Entry]) -> list[_Entry]:
        """The merger's `_check` on rows: refuse records the rules refuse, or whose parent
        exists nowhere, with the same reasons and examples.

        The database held no synced row when the load began, so a table holds exactly the
        records of its kind checked so far (`scan.pending_ids`) less those refused: a
        reference is looked up there, in memory, rather than in the table batch by batch. A
        reference within the kind sees the refusals of the batches before this one only, as
        the merger's lookup, made once per batch, does.
        """
        counts = self.preview.counts[table.kind]
        pending, rejected = self.scan.pending_ids, self.rejected
        references = [
            (
                name,
                index,
                target,
                pending.get(kind, set()),
                set(rejected.get(kind, ())) if kind == table.kind else rejected.get(kind, set()),
            )
            for name, index, target, kind in rows.references
        ]
        validated = rows.validated
        accepted = []
        for entry in entries:
            row = entry.row
            reason = None
            if validated is not None and not row[rows.purged]:
                shown = {name: row[index] for name, index in validated}
                try:
                    records.validate(table.kind, importer._domain_values(table, shown))
                except InvalidInput as exc:
                    reason = f"{exc.field}: {exc.code}"
            if reason is None:
                for name, index, target, known, refused in references:
                    value = row[index]
                    if value is not None and (value not in known or value in refused):
                        reason = f"{name}: no such {target}"
                        break
            if reason is not None:
                counts.rejected += 1
                self.rejected.setdefault(table.kind, set()).add(row[0])
                if len(self.preview.rejected) < importer.EXAMPLES:
                    self.preview.rejected.append((table.kind, row[0], reason))
                continue
            accepted.append(entry)
        return accepted


@dataclass
class _Entry:
    """A record about to be written: its row (`_Rows.names` order, as stored), how many of its
    fields are given (for its pursuit's timeline), its fields in review, and, for a record
    that went through the merge's normalization, its column values (for the review)."""

    row: list[Any]
    filled: int
    review: list[str]
    values: dict[str, Any] | None = None


class _Rows:
    """How the lines of one layout become rows, worked out once per layout."""

    def __init__(self, table: type[Synced], columns: tuple[str, ...]) -> None:
        self.names = schema.columns_of(table)
        self.fields = table.register_fields()
        where = {name: i for i, name in enumerate(self.names)}
        self.purged = where["purged"]
        fields = table.register_fields()
        owner = (
            "id" if table.kind == "pursuit" else "pursuit_id" if "pursuit_id" in fields else None
        )
        self.owner = where[owner] if owner is not None else None
        # This version's own layout: a parsed line, less its kind, is the row as stored.
        self.direct = columns == self.names
        self.vv, self.dots = where["vv"], where["dots"]
        self.encoded = [where[name] for name in sorted(importer._encoded_columns(table))]
        self.first, self.last = 2, 2 + len(fields)  # the fields' places in a parsed line
        names = importer._validated_fields(table)
        # A kind without rules (records.has_rules) has nothing to validate.
        self.validated = (
            [(name, where[name]) for name in names] if records.has_rules(table.kind) else None
        )
        self.references: list[tuple[str, int, str, str]] = []
        for name in sorted(sync_codec.rules_for(table).keep_on_purge):  # the foreign keys
            column = table.__table__.columns[name]
            target = next(iter(column.foreign_keys)).column.table.name
            self.references.append((name, where[name], target, _KIND_OF_TABLE[target]))

    @staticmethod
    @table_cache
    def of(table: type[Synced], columns: tuple[str, ...]) -> _Rows:
        return _Rows(table, columns)

    def plain(self, parsed: list[Any], line: bytes, texts: tuple[str, str] | None) -> _Entry | None:
        """The row of a record with one value per field, as `importer._plain_values` and
        `_raw_row` make it; None when the line is not in this version's layout, or its
        version vector and dots cannot be cut from it as written (then they make it).
        `texts`: those two texts when the caller cut them already."""
        if not self.direct:
            return None
        if texts is None:
            cut_vv, cut_dots = importer._tail_texts(self.names, line)
            if cut_vv is None or cut_dots is None:
                return None
            texts = cut_vv, cut_dots
        vv, dots = texts
        row = parsed[1:]
        filled = 0
        if self.owner is not None:
            # The fields given: not in importer.EMPTY (None, "", [], {}), counted in C.
            given = parsed[self.first : self.last]
            filled = len(given) - given.count(None) - given.count("")
            filled -= given.count([]) + given.count({})
        for index in self.encoded:
            if row[index] is not None:
                row[index] = sync_codec.dumps(row[index])
        row[self.purged] = 0
        row[self.vv] = vv
        row[self.dots] = dots
        return _Entry(row, filled, [])


class _Sink:
    """One kind's lines on their way in: each parsed and checked at once, written by batch, or,
    for a kind that refers to itself, kept until the kind's ids are all known."""

    def __init__(self, loader: _Loader, table: type[Synced], columns: tuple[str, ...]) -> None:
        self.loader = loader
        self.table = table
        self.columns = columns
        self.batch: list[_Line] = []
        self.kept: importer._Kept | None = None
        loader.scan.pending_ids.setdefault(table.kind, set())
        self.reader = schema.LineReader(table, columns, loader.good)
        if _refers_to_itself(table):
            self.kept = importer._Kept()

    def add(self, line: bytes) -> None:
        loader, table, columns = self.loader, self.table, self.columns
        parsed, texts = importer._check_read(
            self.reader, line, loader.scan, loader.our_site, loader.our_counter
        )
        if self.kept is not None:
            self.kept.add(line)
            return
        self.batch.append((parsed, line, texts))
        if len(self.batch) >= LOAD_BATCH:
            loader.adopt(table, columns, self.batch)
            self.batch = []

    def close(self) -> None:
        loader, table, columns = self.loader, self.table, self.columns
        if self.kept is not None:
            self.batch = []
            for line in self.kept:
                parsed = importer.parse_line(table, columns, line, check=False)
                self.batch.append((parsed, line, None))
                if len(self.batch) >= importer.BATCH:
                    loader.adopt(table, columns, self.batch)
                    self.batch = []
            self.kept = None
        if self.batch:
            loader.adopt(table, columns, self.batch)
            self.batch = []


# A line on its way in: parsed, as written, and its version vector's and dots' texts when cut.
_Line = tuple[list[Any], bytes, tuple[str, str] | None]

_KIND_OF_TABLE = {table.__tablename__: table.kind for table in BY_KIND.values()}


def _refers_to_itself(table: type[Synced]) -> bool:
    for name in sync_codec.rules_for(table).keep_on_purge:
        column = table.__table__.columns[name]
        if next(iter(column.foreign_keys)).column.table.name == table.__tablename__:
            return True
    return False


def _declared(header: bundle.Header) -> int:
    counts = header.fields.get("counts") or {}
    return sum(n for n in counts.values() if isinstance(n, int) and not isinstance(n, bool))


def _check_counts(header: bundle.Header, trailer: Any, kinds: Kinds, scan: importer._Scan) -> None:
    """The end marker and the header must count what the file holds, kind by kind."""
    scan.records = sum(scan.counts.values())
    if trailer is None:
        raise BundleError("damaged", "the end marker is missing")
    actual = {k: v for k, v in scan.counts.items() if v}
    if {k: v for k, v in trailer["counts"].items() if v} != actual:
        raise BundleError("damaged", "the record counts do not match")
    if trailer["records"] != scan.records:
        raise BundleError("damaged", "the record count does not match")
    declared = header.fields["counts"]
    if declared and {k: v for k, v in declared.items() if v} != actual:
        raise BundleError("damaged", "the header's counts do not match")

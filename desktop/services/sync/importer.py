"""Import: check a sync file completely, then merge it in one transaction.

1. The header: size, magic, format, the key-derivation cost (capped), the passphrase, then the
   header proper against its strict schema (bundle.check_fields).
2. Pass one, before any write: every chunk authenticated, every line's version vector checked,
   every line that may change something parsed and checked. A file that claims writes of this
   database that it never made (a version vector entry for our site beyond our counter: a stale
   copy imported into its newer self, or a forged file) is refused, whatever else its line
   holds. A change time beyond this computer's clock plus a day (sync_meta.MAX_SKEW_MS)
   refuses the file, naming its sender: such a time would drag the clock of this database, and
   of every later file from it, out of what peers accept. The lines that may change something
   are kept for pass two while they fit in memory (else the file is read again).
3. A backup, then one `BEGIN IMMEDIATE` transaction: merge kind by kind (parents first), check
   references (a record whose parent is missing everywhere is rejected, nothing else), log the
   import, and show the preview (new / updated / conflicts / rejected per kind). The caller
   commits or rolls back; a dry run always rolls back.

A line whose version vector our record's covers (each of its entries at most ours) is passed
over without being parsed, validated or merged; only its version vector is cut from the end of
the line and checked as above. This is sound: the chunk's tag has authenticated the line, so it
is what a holder of the team key wrote, and a state whose writes this database has all seen
cannot change the merge (the join of a covered state with ours is ours). So a file this database
mostly has already costs a cut and a lookup per line, and the same database results as when
every line is read in full; a damaged line among them changes nothing either. The cut is made a
decompressed piece at a time where it can (`_plain_lines`: one regular expression over the piece,
the lookups in C), since Python work per line was most of reading a big file.

A file imported before, byte for byte, with nothing rejected then, is known at once: the database
has only moved forward since (every local write and every join does), so it has nothing new.
So is a file from the same site whose content digest equals one logged then (an unchanged
re-export: new export id and time, the same records): SHA-256 of the header's record layout and
counts and of the opened chunks (the compressed stream, which gives the records exactly),
computed here while the chunks are authenticated, never taken from the header. The same records
compressed differently are merely read again.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import re
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import compress, filterfalse
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Date, DateTime
from sqlalchemy.orm import Session

from desktop.domain import merge
from desktop.domain.status import COLLECTED, LEGACY_WON
from desktop.services import backup as backups
from desktop.services import collection, people, records
from desktop.services.changes import Changes
from desktop.services.errors import InvalidInput
from desktop.services.indicators import merge as competitor_merge
from desktop.services.sync import attachments, bundle, schema
from desktop.services.sync.bundle import BundleError
from desktop.services.sync.export import Cancelled, read_connection
from desktop.services.workspace import Workspace
from desktop.storage import queries, search_bulk, sync_codec, sync_meta
from desktop.storage.tables import Synced, new_id, table_cache, utcnow

EMPTY: tuple[object, ...] = (None, "", [], {})  # a new record's fields left unset
BATCH = 500
_DECODER = bundle.JSON_DECODER
# Changed lines kept in memory between the passes (compressed bytes); beyond, the file is re-read.
PENDING_BUDGET = 96 << 20
EXAMPLES = 20
# Records merged from which the search documents are made in bulk at the end, the triggers set
# aside meanwhile (search_bulk): below, re-making the triggers costs more than they save.
BULK_INDEX_FROM = 2000

# (phase, done, total): phase "reading" counts bytes of the file, "merging" records.
Progress = Callable[[str, int, int], None]


@dataclass
class KindCounts:
    new: int = 0
    updated: int = 0
    conflicts: int = 0
    rejected: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class Preview:
    """What the import does, per kind of record: shown before the user commits it."""

    source_site: str
    source_name: str
    created: str
    scope_all: bool
    records: int
    counts: dict[str, KindCounts] = field(default_factory=dict)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # kind, id, reason
    already_imported: bool = False
    encrypted: bool = True  # False: anyone who handled the file could have read or changed it

    def total(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.counts.values())

    @property
    def changes_anything(self) -> bool:
        return any(self.total(n) for n in ("new", "updated"))


@dataclass
class ImportReport:
    preview: Preview
    committed: bool
    dry_run: bool
    backup: Path | None
    seconds: float
    changes: Changes
    # The documents' files the file's companion brought, and those still not on this computer.
    files: attachments.FilesReport | None = None


class _RollBack(Exception):
    """Leave the transaction without a trace (dry run, or the user said no)."""


@dataclass
class _Scan:
    pending: dict[str, _Kept]  # kind -> changed lines, when they fit in memory
    pending_ids: dict[str, set[str]]  # kind -> records pass two merges
    overflow: bool
    max_hlc: int
    records: int
    counts: dict[str, int]
    bound: int = 0  # the latest change time accepted (ms): this computer's clock plus the skew
    sender: str = ""  # who the file says it comes from, for the refusal of a time beyond
    content: str = ""  # the content digest (see the module's docstring)


def import_bundle(
    ws: Workspace,
    path: Path,
    passphrase: str | None = None,
    *,
    dry_run: bool = False,
    confirm: Callable[[Preview], bool] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    pending_budget: int = PENDING_BUDGET,
    backup: bool = True,
    expect: Callable[[bundle.Header], None] | None = None,
    adopt: bool = True,
) -> ImportReport:
    """Check and merge the file at `path`. Raises BundleError (nothing imported) when refused.

    `backup=False` skips the pre-import backup (and so "Undo last import"): only for callers
    that hold their own copy, such as a merge into a brand-new database or a test of orders.
    `expect` sees the opened header first and may refuse the file by raising BundleError (the
    sync folder checks a file's sender and sequence against its place in the folder there,
    without deriving the key twice).
    Into a database with no synced record yet the file is adopted as it is (fresh.py);
    `adopt=False` merges it all the same (the tests compare the two).

    A delta costs in proportion to its records: kinds the file holds few of are compared by id,
    not by reading the whole table, and only the records that differ are merged.
    """
    started = time.perf_counter()
    path = Path(path).expanduser()
    header = bundle.read_header(path)
    keys = bundle.unlock(header, passphrase)
    if expect is not None:
        expect(header)
    kinds = schema.header_kinds(header.fields)
    our_site, our_counter = _our_site(ws)
    digest = bundle.file_digest(path)
    preview = Preview(
        source_site=header.fields["site"],
        source_name=str(header.fields.get("site_name") or ""),
        created=header.fields["created"],
        scope_all=bool((header.fields.get("scope") or {}).get("all")),
        records=sum(header.fields["counts"].values()),
        counts={table.kind: KindCounts() for table, _ in kinds},
        encrypted=header.encrypted,
    )
    known = _imported_before(ws, digest)
    if known:
        # Byte for byte a file merged before, with nothing rejected: nothing can be new. The
        # chunks are still checked, so a damaged copy on disk is not reported as fine.
        for _ in bundle.chunks(path, header, keys):
            _check_cancel(cancelled)
    elif _imported_from(ws, preview.source_site):
        # The same records as a file from that site merged before (an unchanged re-export):
        # told by the content digest, every chunk authenticated on the way.
        content = _content_digest(path, header, keys, kinds, cancelled)
        known = _content_imported_before(ws, preview.source_site, content)
    if known:
        preview.already_imported = True
        for table, _columns in kinds:
            preview.counts[table.kind].unchanged = header.fields["counts"].get(table.kind, 0)
        files = None if dry_run else attachments.receive(ws, path, keys)  # one left behind before
        return ImportReport(
            preview, False, dry_run, None, time.perf_counter() - started, Changes(), files
        )
    # Python's cycle collector: its passes were a fifth of a big merge and a tenth of a new
    # database's load, and found nothing.
    with _collector_paused():
        if adopt:
            from desktop.services.sync import fresh  # it builds on this module

            adopted = fresh.import_new(
                ws,
                path,
                header,
                keys,
                kinds,
                preview,
                digest,
                dry_run=dry_run,
                confirm=confirm,
                progress=progress,
                cancelled=cancelled,
                backup=backup,
                started=started,
            )
            if adopted is not None:  # None: the database holds synced records: merged here
                return adopted
        # The backup is copied while pass one reads the file (another core); it stands for the
        # state before the import as long as nothing was written meanwhile, which is checked once
        # the write lock is held (else it is taken again there).
        early = _EarlyBackup(ws) if backup and not dry_run else None
        try:
            scan = _scan(
                ws,
                path,
                header,
                keys,
                kinds,
                our_site,
                our_counter,
                progress,
                cancelled,
                pending_budget,
                preview.source_name or preview.source_site[:8],
            )
        except BaseException:
            if early is not None:
                early.discard()
            raise
        preview.records = scan.records
        for kind, n in scan.counts.items():
            preview.counts[kind].unchanged = n - len(scan.pending_ids.get(kind, ()))
        backup_path: Path | None = None
        if early is not None and not any(scan.pending_ids.values()):
            early.discard()  # nothing will change: no backup needed
            early = None
        try:
            with ws.write() as session:
                session.info["merging"] = True
                driver = queries.driver_of(session)
                with _interruptible(driver, cancelled):
                    driver.execute("PRAGMA defer_foreign_keys = ON")
                    (cache,) = driver.execute("PRAGMA cache_size").fetchone()
                    driver.execute("PRAGMA cache_size = -65536")  # 64 MiB while merging big tables
                    try:
                        mark = _write_mark(driver)  # also takes the write lock
                        if early is not None:
                            backup_path = early.result(mark)
                            early = None
                        if (
                            backup_path is None
                            and backup
                            and not dry_run
                            and any(scan.pending_ids.values())
                        ):
                            backup_path = backups.make_backup(ws, "before-import").path
                        merger = _Merger(session, driver, preview, scan, cancelled, progress)
                        lines = _pending_lines(path, header, keys, kinds, scan)
                        for table, columns in kinds:
                            merger.merge_kind(table, columns, lines.get(table.kind, iter(())))
                        merger.index.finish()  # before any other write: the triggers are back
                        # A "won" from a database older than revision 0004: mapped as a local edit.
                        session.info["merging"] = False
                        collection.settle_legacy_won(session)
                        # Cards of a person merged away on another laptop go to the survivor: a
                        # local, stamped write (services.people.settle_merges).
                        people.settle_merges(session)
                        # … and what still uses a competitor merged away, to the one kept.
                        competitor_merge.settle_merges(session)
                        session.flush()
                        session.info["merging"] = True
                        _after_merge(
                            driver,
                            header,
                            scan,
                            preview,
                            digest,
                            path,
                            backup_path,
                            merger.pursuits,
                        )
                    finally:
                        driver.execute(f"PRAGMA cache_size = {int(cache)}")  # pooled: give it back
                    for name in sorted(merger.written):
                        violations = driver.execute(f"PRAGMA foreign_key_check({name})").fetchmany(
                            1
                        )
                        if violations:
                            raise BundleError("damaged", f"a reference is missing: {violations[0]}")
                    if dry_run or (confirm is not None and not confirm(preview)):
                        raise _RollBack
        except BaseException as exc:
            if early is not None:
                early.discard()
            if backup_path is not None and isinstance(exc, _RollBack):
                backup_path.unlink(missing_ok=True)
            if not isinstance(exc, _RollBack):
                raise
            return ImportReport(
                preview, False, dry_run, None, time.perf_counter() - started, Changes()
            )
        changes = Changes.all() if preview.changes_anything else Changes()
        files = attachments.receive(ws, path, keys)
        return ImportReport(
            preview, True, False, backup_path, time.perf_counter() - started, changes, files
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a file is merged, back as it was after.

    A merge parses and drops hundreds of thousands of small lists and dicts; each thousand
    or so allocations start a collector pass, and the passes over the objects the batches
    keep alive cost as much as a fifth of the merge. What a merge makes is freed by reference
    counting (no cycles but the odd exception's traceback), so the passes find nothing; the
    next pass after the merge sees whatever is left.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _write_mark(driver: Any) -> tuple[int, int]:
    """What any write moves: the write counter (every stamped transaction) and the import log."""
    (counter,) = driver.execute("SELECT counter FROM sync_state").fetchone()
    (imports,) = driver.execute("SELECT count(*) FROM sync_imports").fetchone()
    return int(counter), int(imports)


class _EarlyBackup:
    """The pre-import backup, copied in a thread while the file is being checked."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        conn = read_connection(ws.path)
        try:
            self.mark = _write_mark(conn)
        finally:
            conn.close()
        self.info: backups.BackupInfo | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="pursuit-backup", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.info = backups.make_backup(self.ws, "before-import")
        except BaseException as exc:  # told to the caller, who backs up again under the lock
            self.error = exc

    def result(self, mark: tuple[int, int]) -> Path | None:
        """The backup when it still shows the state before the import; else None (removed)."""
        self.thread.join()
        if self.info is not None and self.error is None and mark == self.mark:
            return self.info.path
        self.discard()
        return None

    def discard(self) -> None:
        self.thread.join()
        if self.info is not None:
            self.info.path.unlink(missing_ok=True)
            self.info = None


def inspect(path: Path) -> bundle.Header:
    """The header of a file (is it encrypted; for a plain file also who made it, when), checked.

    No passphrase: what an encrypted file holds beyond its key derivation is sealed.
    """
    header = bundle.read_header(Path(path).expanduser())
    if header.opened:
        schema.header_kinds(header.fields)
    return header


@contextmanager
def _interruptible(driver: Any, cancelled: Callable[[], bool] | None) -> Iterator[None]:
    """Let Cancel stop a long statement (a foreign-key check of a big table, a merge batch)
    within milliseconds instead of at the next check between statements."""
    if cancelled is None:
        yield
        return
    driver.set_progress_handler(lambda: 1 if cancelled() else 0, 20_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if cancelled() and "interrupt" in str(exc):
            raise Cancelled from exc
        raise
    finally:
        driver.set_progress_handler(None, 0)  # a pooled connection: leave no handler behind


def _check_cancel(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled


def _our_site(ws: Workspace) -> tuple[str, int]:
    conn = read_connection(ws.path)
    try:
        site, counter = conn.execute("SELECT site_id, counter FROM sync_state").fetchone()
    finally:
        conn.close()
    return site, counter


def _imported_before(ws: Workspace, digest: str) -> bool:
    conn = read_connection(ws.path)
    try:
        row = conn.execute(
            "SELECT 1 FROM sync_imports WHERE file_digest = ? AND rejected = 0", (digest,)
        ).fetchone()
    finally:
        conn.close()
    return row is not None


def _imported_from(ws: Workspace, site: str) -> bool:
    """Whether a file from `site` was merged before with nothing rejected and its content
    digest kept: only then is a file's content digest worth its read before pass one."""
    conn = read_connection(ws.path)
    try:
        row = conn.execute(
            "SELECT 1 FROM sync_imports WHERE source_site = ? AND rejected = 0 "
            "AND json_extract(summary, '$.content') IS NOT NULL",
            (site,),
        ).fetchone()
    finally:
        conn.close()
    return row is not None


def _content_imported_before(ws: Workspace, site: str, content: str) -> bool:
    conn = read_connection(ws.path)
    try:
        row = conn.execute(
            "SELECT 1 FROM sync_imports WHERE source_site = ? AND rejected = 0 "
            "AND json_extract(summary, '$.content') = ?",
            (site, content),
        ).fetchone()
    finally:
        conn.close()
    return row is not None


def _prefix(kind: str) -> bytes:
    return b'["' + kind.encode() + b'","'


def _layout(header: bundle.Header, kinds: list[tuple[type[Synced], tuple[str, ...]]]) -> bytes:
    """What the header says about how to read the records: the kinds, their columns, and how
    many of each. The start of the content digest: the same lines under another layout, or
    with other counts, are another file."""
    counts = {kind: n for kind, n in header.fields["counts"].items() if n}
    layout = [[table.kind, list(columns)] for table, columns in kinds]
    return json.dumps([layout, counts], sort_keys=True, separators=(",", ":")).encode()


def _digested(blocks: Iterator[bytes], content: Any) -> Iterator[bytes]:
    """The opened chunks, passed on as they are, each also fed to the content digest."""
    for block in blocks:
        content.update(block)
        yield block


def _content_digest(
    path: Path,
    header: bundle.Header,
    keys: bundle.Keys | None,
    kinds: list[tuple[type[Synced], tuple[str, ...]]],
    cancelled: Callable[[], bool] | None,
) -> str:
    """The content digest of a file: every chunk authenticated, none decompressed (see the
    module's docstring)."""
    content = hashlib.sha256(_layout(header, kinds))
    for block in bundle.chunks(path, header, keys):
        _check_cancel(cancelled)
        content.update(block)
    return content.hexdigest()


# A version vector as a line of our layout writes it: site ids and counters, nothing else.
_ENTRY = rb'"[0-9a-f-]{36}":[1-9][0-9]{0,15}'
_VV_TEXT = re.compile(rb"\{" + _ENTRY + rb"(?:," + _ENTRY + rb")*\}")
_PLAIN_TAIL = b",null]"


def _vv_text(line: bytes) -> bytes | None:
    """The version vector's JSON text, cut from the end of a line without parsing it.

    A line of our layout with no siblings ends with `,{vv},{dots},null]`, and neither object
    holds a brace (site ids, field names, numbers): the last `},{` is where the version vector
    ends, the brace before it where it starts. For a line that holds a valid record this is
    exactly its version vector; a line with siblings, or written with other spacing, gives None
    and is read in full. (What is cut is checked as a version vector: `_cut_vector`.)
    """
    if not line.endswith(_PLAIN_TAIL):
        return None
    between = line.rfind(b"},{", 0, len(line) - len(_PLAIN_TAIL))
    start = line.rfind(b"{", 0, between) if between > 0 else -1
    return line[start : between + 1] if start > 0 else None


@functools.lru_cache(maxsize=64)
def _plain_lines(kind: str) -> re.Pattern[bytes]:
    """Each line of a piece (`bundle.pieces`) that `_scan` would cut, as (id, version vector
    text): a line of `kind` in our layout, the id where `_scan` takes it, ending with two
    brace-free objects and `,null]`. The first of those is exactly what `_vv_text` cuts (the
    last `},{` ends it, the brace before starts it), and it must already have the form of a
    version vector (`_VV_TEXT`). One search over a piece instead of Python work per line."""
    return re.compile(
        rb'^\["'
        + re.escape(kind.encode())
        + rb'","(.{36})",.*,('
        + _VV_TEXT.pattern
        + rb"),\{[^{}\n]*\},null\]$",
        re.MULTILINE,
    )


@functools.lru_cache(maxsize=4096)
def _cut_vector(text: bytes) -> dict[str, int] | None:
    """A version vector cut from a line (`_vv_text`), parsed and checked as `schema` checks one
    (ids, counters); None when it is not one. Parsed once per distinct text, as
    `_version_vector`; the dict is shared: read it, never change it."""
    if not _VV_TEXT.fullmatch(text):
        return None
    vv: dict[str, int] = json.loads(text)
    if len(vv) != text.count(b":") or not all(
        bundle.UUID.match(site) and counter <= schema.MAX_INT for site, counter in vv.items()
    ):
        return None  # a site twice, an id that is not one, a counter beyond the format's
    return vv


class _Versions:
    """This database's version vectors of one kind, as stored (text), by id (bytes).

    Read in one scan of the table when the file holds a good part of the kind (a full file:
    four times cheaper than looking each up by id); else looked up by id, batch by batch (a
    delta costs in proportion to its records). The scan builds the dict in C, straight from
    the rows: a third cheaper than keeping equal texts once, for a few more megabytes while
    one kind is read.
    """

    def __init__(self, conn: Any, table: type[Synced], expected: Any) -> None:
        self.conn = conn
        self.name = table.__tablename__
        self.all: dict[bytes, bytes] | None = None
        if not isinstance(expected, int) or isinstance(expected, bool):
            expected = 0
        (total,) = conn.execute(f"SELECT count(*) FROM {self.name}").fetchone()
        if total and expected * 5 >= total:
            self.all = dict(conn.execute(f"SELECT id, vv FROM {self.name}"))

    def of(self, ids: list[bytes]) -> dict[bytes, bytes]:
        """The stored version vectors of those ids (or of all) that exist here."""
        if self.all is not None:
            return self.all
        found: dict[bytes, bytes] = {}
        for start in range(0, len(ids), BATCH):
            part = ids[start : start + BATCH]
            found.update(
                self.conn.execute(
                    f"SELECT id, vv FROM {self.name} WHERE id IN ({', '.join('?' * len(part))})",
                    [i.decode("utf-8", "replace") for i in part],  # bound as text, not as blobs
                )
            )
        return found


@functools.lru_cache(maxsize=1 << 14)
def _covered(ours: bytes, theirs: bytes) -> bool:
    """Whether our stored version vector `ours` covers a line's (checked: `_cut_vector`):
    asked once per distinct pair, and records share few."""
    cut = _cut_vector(theirs)
    return cut is not None and merge.dominates(_version_vector(ours), cut)


def _uncovered(
    versions: _Versions,
    table: type[Synced],
    batch: list[tuple[bytes, bytes, bytes]],
    our_site: str,
    our_counter: int,
) -> Iterator[bytes]:
    """The lines of `batch` (id, version vector text, line) that may bring something here.

    A line whose version vector ours covers brings no write this database lacks: it is passed
    over unparsed. Its version vector is still checked against this database's own counter,
    like every line's: a file may not claim writes of ours we never made.
    """
    local = versions.of([record_id for record_id, _, _ in batch])
    for record_id, text, line in batch:
        theirs = _cut_vector(text)
        if theirs is None:
            yield line  # read in full (which refuses a bad one)
            continue
        if theirs.get(our_site, 0) > our_counter:
            raise BundleError("foreign_changes", f"{table.kind} {record_id.decode()}")
        ours = local.get(record_id)
        # The same text as ours (most records of a full file): covered, no pair to look up.
        if ours is None or (ours != text and not _covered(ours, text)):
            yield line


def _scan(
    ws: Workspace,
    path: Path,
    header: bundle.Header,
    keys: bundle.Keys | None,
    kinds: list[tuple[type[Synced], tuple[str, ...]]],
    our_site: str,
    our_counter: int,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    pending_budget: int,
    sender: str,
) -> _Scan:
    """Pass one: authenticate and check everything; find the lines that may change something."""
    scan = _Scan({}, {}, False, 0, 0, {}, bound=sync_meta.clock_bound(), sender=sender)
    header_counts = header.fields["counts"]
    conn = read_connection(ws.path)
    conn.text_factory = bytes
    if cancelled is not None:  # closed below: no need to take the handler off again
        conn.set_progress_handler(lambda: 1 if cancelled() else 0, 20_000)
    conn.execute("BEGIN")  # one snapshot for every lookup
    budget = [pending_budget]
    # Lines of our layout, by (id, version vector text): sorted out by their version vectors.
    batch: list[tuple[bytes, bytes, bytes]] = []
    # Lines checked in full whose version vector is still to be compared with ours.
    doubt: list[tuple[str, dict[str, int], bytes]] = []
    trailer: Any = None
    kind_index = -1
    table: type[Synced] | None = None
    columns: tuple[str, ...] = ()
    prefix = b""
    cuttable = False
    count = 0
    line_number = 0
    end_marker = b'["' + bundle.END.encode() + b'"'
    content = hashlib.sha256(_layout(header, kinds))  # the records and how to read them

    versions: _Versions | None = None
    # The current kind's fast check, and the values it found good in this file (all kinds).
    reader: schema.LineReader | None = None
    good = schema.Good()

    def check(line: bytes) -> None:
        assert table is not None and versions is not None and reader is not None
        parsed, _ = _check_read(reader, line, scan, our_site, our_counter)
        doubt.append((parsed[reader.at_id], parsed[reader.at_vv], line))
        if len(doubt) >= BATCH:
            _settle(versions, table, doubt, scan, budget)

    def flush() -> None:
        if batch and table is not None and versions is not None and reader is not None:
            for line in _uncovered(versions, table, batch, our_site, our_counter):
                _check_read(reader, line, scan, our_site, our_counter)
                _keep(scan, table.kind, line, budget)
            batch.clear()
        if table is not None and versions is not None:
            _settle(versions, table, doubt, scan, budget)
        _check_cancel(cancelled)

    def reading(done: int) -> None:
        _check_cancel(cancelled)
        if progress is not None:
            progress("reading", done, header.size)

    def at_once(piece: bytes) -> bool:
        """Sort out a piece of lines all of the current kind that the loop below would cut,
        in one search (`_plain_lines`) and a few C-level passes; False (nothing done) for any
        other piece, which is read line by line. The same checks, in the same order: each
        version vector (one per distinct text) checked as cut and against our counter, the
        lines ours does not cover checked in full and kept."""
        nonlocal count, line_number
        if not cuttable or trailer is not None or table is None or versions is None:
            return False
        if reader is None:
            return False
        found = _plain_lines(table.kind).findall(piece)
        lines = piece.count(b"\n") + 1
        if len(found) != lines:  # another kind begins, or a line is not cut so
            return False
        first = piece[: piece.find(b"\n")] if lines > 1 else piece
        if _vv_text(first) != found[0][1]:  # cut as the loop cuts (tests turn both off there)
            return False
        for text in set(map(itemgetter(1), found)):
            theirs = _cut_vector(text)
            if theirs is None or theirs.get(our_site, 0) > our_counter:
                return False  # line by line: read in full, or refused naming the record
        flush()  # lines before this piece first, as the loop keeps them
        count += lines
        line_number += lines
        local = versions.of(list(map(itemgetter(0), found)))
        # The same text as ours (most records of a full file): covered, no pair to look up.
        differ = list(filterfalse(local.items().__contains__, found))
        wanted = {
            record_id
            for record_id, text in differ
            if (ours := local.get(record_id)) is None or not _covered(ours, text)
        }
        if wanted:
            chosen = map(wanted.__contains__, map(itemgetter(0), found))
            for line in compress(piece.split(b"\n"), chosen):
                _check_read(reader, line, scan, our_site, our_counter)
                _keep(scan, table.kind, line, budget)
        return True

    try:
        stream = _digested(bundle.chunks(path, header, keys, reading), content)
        for piece in bundle.pieces(stream, header.max_lines):
            if at_once(piece):
                continue
            for line in piece.split(b"\n"):
                line_number += 1
                if trailer is not None:
                    raise BundleError("damaged", "lines after the end")
                if table is None or not line.startswith(prefix):
                    flush()
                    if table is not None:
                        scan.counts[table.kind] = count
                    if line.startswith(end_marker):
                        trailer = _parse_trailer(line)
                        continue
                    if table is not None and _kind_of(line) == table.kind:
                        # The same kind written differently (spacing): checked in full.
                        count += 1
                        check(line)
                        continue
                    kind_index = _next_kind(kinds, kind_index, line)
                    table, columns = kinds[kind_index]
                    prefix = _prefix(table.kind)
                    versions = None  # the last kind's, let go before the next kind's are read
                    versions = _Versions(conn, table, header_counts.get(table.kind))
                    reader = schema.LineReader(table, columns, good)
                    cuttable = columns[0] == "id" and columns[-3:] == ("vv", "dots", "siblings")
                    count = 0
                count += 1
                start = len(prefix)
                if cuttable and line[start + 36 : start + 38] == b'",':
                    vv_text = _vv_text(line)
                    if vv_text is not None:
                        batch.append((line[start : start + 36], vv_text, line))
                        if len(batch) >= BATCH:
                            flush()
                        continue
                check(line)  # another layout, siblings or a purge: read in full
        flush()
        if table is not None and trailer is None:
            scan.counts[table.kind] = count
    except BundleError as exc:
        if exc.code == "damaged" and line_number:
            exc.detail = f"line {line_number}: {exc.detail}"
        raise
    except sqlite3.OperationalError as exc:  # a lookup stopped by Cancel (progress handler)
        if cancelled is not None and cancelled() and "interrupt" in str(exc):
            raise Cancelled from exc
        raise
    finally:
        conn.close()
    scan.records = sum(scan.counts.values())
    if trailer is None:
        raise BundleError("damaged", "the end marker is missing")
    expected_counts = trailer["counts"]
    actual = {table.kind: scan.counts.get(table.kind, 0) for table, _ in kinds}
    if {k: v for k, v in expected_counts.items() if v} != {k: v for k, v in actual.items() if v}:
        raise BundleError("damaged", "the record counts do not match")
    if trailer["records"] != scan.records:
        raise BundleError("damaged", "the record count does not match")
    if header_counts and {k: v for k, v in header_counts.items() if v} != {
        k: v for k, v in actual.items() if v
    }:
        raise BundleError("damaged", "the header's counts do not match")
    scan.content = content.hexdigest()
    for kept in scan.pending.values():
        budget[0] -= kept.close()
    scan.overflow = budget[0] < 0
    if scan.overflow:
        scan.pending.clear()
    return scan


def _kind_of(line: bytes) -> Any:
    try:
        parsed = bundle.load_json(line, "a line")
    except BundleError:
        return None
    return parsed[0] if isinstance(parsed, list) and parsed else None


def _next_kind(kinds: list[tuple[type[Synced], tuple[str, ...]]], index: int, line: bytes) -> int:
    for candidate in range(index + 1, len(kinds)):
        if line.startswith(_prefix(kinds[candidate][0].kind)):
            return candidate
    parsed = bundle.load_json(line, "a line")
    kind = parsed[0] if isinstance(parsed, list) and parsed else None
    for candidate in range(index + 1, len(kinds)):  # the same kind, written with other spacing
        if kinds[candidate][0].kind == kind:
            return candidate
    if any(t.kind == kind for t, _ in kinds):
        raise BundleError("damaged", f"records of {kind!r} out of order")
    raise BundleError("damaged", f"a record of unknown kind {str(kind)[:40]!r}")


def _parse_trailer(line: bytes) -> dict[str, Any]:
    parsed = bundle.load_json(line, "the end marker")
    if not (isinstance(parsed, list) and len(parsed) == 2 and isinstance(parsed[1], dict)):
        raise BundleError("damaged", "bad end marker")
    body = parsed[1]
    counts, total = body.get("counts"), body.get("records")
    if not isinstance(counts, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in counts.values()
    ):
        raise BundleError("damaged", "bad end marker")
    if not isinstance(total, int) or isinstance(total, bool):
        raise BundleError("damaged", "bad end marker")
    return body


def parse_line(
    table: type[Synced], columns: tuple[str, ...], line: bytes, *, check: bool = True
) -> list[Any]:
    """A line as JSON, checked against the schema (unless pass one already did)."""
    # A line pass one checked is parsed as it is: its bounds (values, nesting) held there.
    parsed = bundle.load_json(line, "a line") if check else _DECODER.decode(line.decode())
    if not isinstance(parsed, list) or not parsed or parsed[0] != table.kind:
        raise BundleError("damaged", "not a record line")
    if check:
        try:
            schema.check_record(table, columns, parsed)
        except schema.Invalid as exc:
            raise BundleError("damaged", f"{table.kind}: {exc}") from exc
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BundleError("damaged", f"{table.kind}: malformed record") from exc
    return parsed


def _check_parsed(
    table: type[Synced],
    columns: tuple[str, ...],
    parsed: list[Any],
    scan: _Scan,
    our_site: str,
    our_counter: int,
) -> tuple[str, dict[str, int]]:
    """The checks of a parsed line beyond its schema (`_check_record`); its id and vector."""
    at = schema.positions(columns)
    record_id, vv = parsed[at["id"]], parsed[at["vv"]]
    dots = list(parsed[at["dots"]].values())
    for entries in (parsed[at["siblings"]] or {}).values():
        dots += [entry[1:] for entry in entries]
    hlc = max(dot[2] for dot in dots) if dots else 0
    _check_record(table.kind, record_id, vv, hlc, scan, our_site, our_counter)
    return record_id, vv


def _check_record(
    kind: str,
    record_id: str,
    vv: dict[str, int],
    hlc: int,
    scan: _Scan,
    our_site: str,
    our_counter: int,
) -> None:
    """A record's line seen once, with no write of ours we never made, and its latest change
    time `hlc` within the bound."""
    # Kept for pass two unless ours covers it (`_settle`): one set of ids, not two (a new
    # database's first import checks every line). A line passed over is not looked for here.
    ids = scan.pending_ids.setdefault(kind, set())
    if record_id in ids:
        raise BundleError("damaged", f"{kind} {record_id} appears twice")
    ids.add(record_id)
    if vv.get(our_site, 0) > our_counter:
        raise BundleError("foreign_changes", f"{kind} {record_id}")
    if hlc > scan.max_hlc:
        if hlc > scan.bound:
            raise bundle.ClockAhead(scan.sender, f"{kind} {record_id}: time {hlc}")
        scan.max_hlc = hlc


def _check_read(
    reader: schema.LineReader, line: bytes, scan: _Scan, our_site: str, our_counter: int
) -> tuple[list[Any], tuple[str, str] | None]:
    """Check one line that differs from this database's record (its schema, then
    `_check_record`); the parsed line, and its version vector's and dots' texts when cut from it.

    The fast check first (`schema.LineReader`: a plain line of a known shape, parsed and
    checked in one go, never more leniently than the schema); a line it does not pass goes to
    the full checks, which refuse it with their own message, word for word, or take it (one
    with siblings, a purge, another layout).
    """
    hlc, parsed, texts = reader.read(line)
    table = reader.table
    if hlc < 0:
        parsed = parse_line(table, reader.columns, line)
        _check_parsed(table, reader.columns, parsed, scan, our_site, our_counter)
        return parsed, None
    record_id, vv = parsed[reader.at_id], parsed[reader.at_vv]
    _check_record(table.kind, record_id, vv, hlc, scan, our_site, our_counter)
    return parsed, texts


@functools.lru_cache(maxsize=4096)
def _version_vector(text: str | bytes | None) -> dict[str, int]:
    """A stored version vector, parsed once per distinct text: records share few of them (one
    per combination of writes), and parsing each record's anew was a good part of an import.
    The dict is shared: read it, never change it."""
    vv: dict[str, int] = json.loads(text) if text else {}
    return vv


def _settle(
    versions: _Versions,
    table: type[Synced],
    doubt: list[tuple[str, dict[str, int], bytes]],
    scan: _Scan,
    budget: list[int],
) -> None:
    """Keep for pass two only the lines checked in full that can change something here.

    A line whose writes this database has all seen (its version vector is covered) joins to the
    record as it is: nothing to merge, so it is not read again.
    """
    if not doubt:
        return
    local = versions.of([record_id.encode() for record_id, _, _ in doubt])
    pending = scan.pending_ids[table.kind]
    for record_id, theirs, line in doubt:
        ours = local.get(record_id.encode())
        if ours is not None and merge.dominates(_version_vector(ours), theirs):
            pending.discard(record_id)
            continue
        _keep(scan, table.kind, line, budget)
    doubt.clear()


def _keep(scan: _Scan, kind: str, line: bytes, budget: list[int]) -> None:
    """A checked line that pass two merges (its id is in `pending_ids` since its check): kept in
    memory while the lines fit the budget."""
    if budget[0] >= 0:
        kept = scan.pending.get(kind)
        if kept is None:
            for other in scan.pending.values():  # kinds come one after the other
                budget[0] -= other.close()
            kept = scan.pending[kind] = _Kept()
        budget[0] -= kept.add(line)


class _Kept:
    """The checked lines of one kind that pass two merges, kept zlib-compressed in memory.

    JSON lines of records compress five to ten times, so a new database's first import (every
    line new) fits in the budget instead of reading, decrypting and checking the file twice; the
    lines never touch the disk in plaintext.
    """

    BLOCK = 1 << 20  # plaintext bytes per compressed block

    def __init__(self) -> None:
        self.blocks: list[bytes] = []
        self.lines: list[bytes] = []
        self.size = 0

    def add(self, line: bytes) -> int:
        """Keep a line; the compressed bytes this added to memory (when a block was closed)."""
        self.lines.append(line)
        self.size += len(line) + 1
        return self.close() if self.size >= self.BLOCK else 0

    def close(self) -> int:
        if not self.lines:
            return 0
        block = zlib.compress(b"\n".join(self.lines), 1)
        self.blocks.append(block)
        self.lines = []
        self.size = 0
        return len(block) + 100

    def __iter__(self) -> Iterator[bytes]:
        self.close()
        for block in self.blocks:
            yield from zlib.decompress(block).split(b"\n")


def _pending_lines(
    path: Path,
    header: bundle.Header,
    keys: bundle.Keys | None,
    kinds: list[tuple[type[Synced], tuple[str, ...]]],
    scan: _Scan,
) -> dict[str, Iterator[bytes]]:
    """Pass two's input: the kept lines, or (when they did not fit) the file read again."""
    if not scan.overflow:
        return {kind: iter(kept) for kind, kept in scan.pending.items()}
    return _reread(path, header, keys, kinds, scan)


def _reread(
    path: Path,
    header: bundle.Header,
    keys: bundle.Keys | None,
    kinds: list[tuple[type[Synced], tuple[str, ...]]],
    scan: _Scan,
) -> dict[str, Iterator[bytes]]:
    stream = bundle.lines(bundle.chunks(path, header, keys), header.max_lines)
    state: dict[str, Any] = {"line": None}
    by_kind: dict[str, Iterator[bytes]] = {}

    def kind_lines(kind: str) -> Iterator[bytes]:
        prefix = _prefix(kind)
        wanted = scan.pending_ids.get(kind, set())
        while True:
            line = state["line"] if state["line"] is not None else next(stream, None)
            state["line"] = None
            if line is None:
                return
            if not line.startswith(prefix):
                state["line"] = line  # the next kind's first line
                return
            start = len(prefix)
            record_id = line[start : start + 36].decode("utf-8", "replace")
            if record_id in wanted or line[start + 36 : start + 38] != b'",':
                yield line

    for table, _columns in kinds:
        by_kind[table.kind] = _Lazy(functools.partial(kind_lines, table.kind))
    return by_kind


class _Lazy:
    """An iterator made when first used (kinds are read from one stream, in order)."""

    def __init__(self, make: Callable[[], Iterator[bytes]]) -> None:
        self._make = make
        self._it: Iterator[bytes] | None = None

    def __iter__(self) -> _Lazy:
        return self

    def __next__(self) -> bytes:
        if self._it is None:
            self._it = self._make()
        return next(self._it)


@dataclass
class _Candidate:
    """A record about to be written: its column values (raw), the row it replaces, its review."""

    record_id: str
    values: dict[str, Any]
    row: sqlite3.Row | None  # the local row (`_Merger._local_rows`), None for a new record
    review: list[str]
    old_review: list[str]


def _plain_values(
    table: type[Synced], columns: tuple[str, ...], parsed: list[Any], line: bytes = b""
) -> dict[str, Any]:
    """Column values of a file's record that has one value per field (no siblings, no purge).

    The metadata keeps the file's own text (compact JSON in its key order), so that this record
    renders here exactly as it did there, and the next file recognises it without parsing.
    """
    fields, at = _value_plan(table, columns)
    values = {name: parsed[i] if i else blank for name, i, blank in fields}
    vv, dots = _tail_texts(columns, line)
    values["created_at"] = parsed[at["created_at"]]
    values["updated_at"] = parsed[at["updated_at"]]
    values["origin_site"] = parsed[at["origin_site"]]
    values["purged"] = 0
    values["vv"] = vv or json.dumps(parsed[at["vv"]], ensure_ascii=False, separators=(",", ":"))
    values["dots"] = dots or json.dumps(
        parsed[at["dots"]], ensure_ascii=False, separators=(",", ":")
    )
    values["siblings"] = None
    return values


@table_cache
def _value_plan(
    table: type[Synced], columns: tuple[str, ...]
) -> tuple[tuple[tuple[str, int, Any], ...], dict[str, int]]:
    """For `_plain_values`, once per layout: each field with its place in a parsed line (0 when
    the layout lacks it: the field's blank then), and the places of the columns."""
    at = schema.positions(columns)
    rules = sync_codec.rules_for(table)
    fields = tuple((name, at.get(name, 0), rules.blanks.get(name)) for name in rules.fields)
    return fields, at


def _tail_texts(columns: tuple[str, ...], line: bytes) -> tuple[str | None, str | None]:
    """The version vector's and the dots' JSON text, cut from the end of a line as written.

    A line of our layout ends with `,{vv},{dots},null]` when it has no siblings; neither object
    holds a brace (site ids, field names, numbers), so the last two braces find them. Anything
    else (other spacing, another layout) gives None, and the caller writes them afresh.
    """
    if columns[-3:] != ("vv", "dots", "siblings") or not line.endswith(_PLAIN_TAIL):
        return None, None
    end = len(line) - len(_PLAIN_TAIL)
    dots_start = line.rfind(b"{", 0, end)
    if dots_start < 2 or line[dots_start - 2 : dots_start] != b"},":
        return None, None
    vv_end = dots_start - 1
    vv_start = line.rfind(b"{", 0, vv_end)
    if vv_start < 1 or line[vv_start - 1 : vv_start] != b",":
        return None, None
    return line[vv_start:vv_end].decode(), line[dots_start:end].decode()


class _Merger:
    """Pass two: join the changed records into the database, kind by kind, in batches."""

    def __init__(
        self,
        session: Session,
        driver: Any,
        preview: Preview,
        scan: _Scan,
        cancelled: Callable[[], bool] | None,
        progress: Progress | None,
    ) -> None:
        self.session = session
        self.driver = driver
        self.preview = preview
        self.scan = scan
        self.cancelled = cancelled
        self.progress = progress
        self.total = sum(len(v) for v in scan.pending_ids.values())
        self.done = 0
        self.rejected: dict[str, set[str]] = {}
        # Tables this import added rows to or re-pointed references in: their references are
        # checked at the end. A row only updated elsewhere keeps references SQLite checked when
        # they were written (foreign keys are on), and an import deletes no row.
        self.written: set[str] = set()
        # {pursuit id: [records, fields]} this import changed: a pursuit's timeline lists it.
        self.pursuits: dict[str, list[int]] = {}
        self.sequences: dict[str, int | None] = {}  # table -> the change sequence it writes
        # The search documents of the records written, made once at the end (not row by row).
        self.index = search_bulk.BulkIndex(driver, active=self.total >= BULK_INDEX_FROM)

    def merge_kind(
        self, table: type[Synced], columns: tuple[str, ...], lines: Iterator[bytes]
    ) -> None:
        batch: list[bytes] = []
        for line in lines:
            batch.append(line)
            if len(batch) >= BATCH:
                self._merge_batch(table, columns, batch)
                batch = []
        if batch:
            self._merge_batch(table, columns, batch)

    def _merge_batch(
        self, table: type[Synced], columns: tuple[str, ...], lines: list[bytes]
    ) -> None:
        _check_cancel(self.cancelled)
        rules = sync_codec.rules_for(table)
        counts = self.preview.counts[table.kind]
        at = schema.positions(columns)
        check = self.scan.overflow  # lines read again are checked again; kept ones were checked
        incoming = [parse_line(table, columns, line, check=check) for line in lines]
        raw_lines = {id(parsed): line for parsed, line in zip(incoming, lines, strict=True)}
        # One read of the local rows: pass one kept only lines that may change something, so
        # nearly every row read here is merged.
        local = self._local_rows(table, [parsed[at["id"]] for parsed in incoming])
        todo: list[tuple[list[Any], str]] = []  # (parsed, how): "new", "newer" or "join"
        for parsed in incoming:
            theirs_vv = parsed[at["vv"]]
            known = local.get(parsed[at["id"]])
            ours_vv = None if known is None else _version_vector(known["vv"])
            if ours_vv is None:
                todo.append((parsed, "new"))
            elif merge.dominates(ours_vv, theirs_vv):
                counts.unchanged += 1  # every write in the file is known here already
            elif merge.dominates(theirs_vv, ours_vv):
                todo.append((parsed, "newer"))  # strictly newer: it replaces ours
            else:
                todo.append((parsed, "join"))
        candidates: list[_Candidate] = []
        for parsed, how in todo:
            record_id = parsed[at["id"]]
            row = local.get(record_id)
            ours = None
            if row is not None and (how == "join" or row["siblings"]):
                ours = merge.normalize(self._state_of(table, row), rules)
            if how != "join" and parsed[at["siblings"]] is None and not parsed[at["purged"]]:
                # One value per field: as it is.
                values = _plain_values(table, columns, parsed, raw_lines[id(parsed)])
                review: list[str] = []
            else:
                theirs = schema.state_from(table, columns, parsed)
                if how == "join" and ours is not None:
                    joined = merge.join(ours, theirs, rules)
                    if joined == ours:
                        counts.unchanged += 1
                        continue
                else:
                    joined = merge.normalize(theirs, rules)
                values = sync_codec.compact(table, joined)
                review = sync_codec.review_fields(table, joined)
            old_review = sync_codec.review_fields(table, ours) if ours is not None else []
            values["id"] = record_id
            candidates.append(_Candidate(record_id, values, row, review, old_review))
        inserts: list[dict[str, Any]] = []
        updates: dict[tuple[str, ...], list[list[Any]]] = {}
        reviews: list[tuple[str, list[str], dict[str, Any]]] = []
        names = schema.columns_of(table)[1:]
        fields = table.register_fields()
        for candidate in self._check(table, candidates):
            values, row = candidate.values, candidate.row
            if set(candidate.review) - set(candidate.old_review):
                counts.conflicts += 1
            if candidate.review or candidate.old_review:
                reviews.append((candidate.record_id, candidate.review, values))
            if row is None:
                counts.new += 1
                inserts.append(values)
                self._touched(table, values, [n for n in fields if values.get(n) not in EMPTY])
                continue
            counts.updated += 1
            # The row was read in the order of `schema.columns_of`: `names` follow its id.
            diff = [
                (name, value)
                for name, value, old in zip(
                    names, _raw_row(table, names, values), row[1:], strict=True
                )
                if value != old
            ]
            changed = tuple(name for name, _ in diff)
            self._touched(table, values, [n for n in changed if n in fields])
            if changed:
                updates.setdefault(changed, []).append(
                    [value for _, value in diff] + [candidate.record_id]
                )
        self._write(table, inserts, updates)
        self._write_reviews(table, reviews)
        self.done += len(lines)
        if self.progress is not None:
            self.progress("merging", self.done, self.total)

    def _touched(self, table: type[Synced], values: dict[str, Any], fields: list[str]) -> None:
        pursuit_id = values["id"] if table.kind == "pursuit" else values.get("pursuit_id")
        if pursuit_id and fields:
            counted = self.pursuits.setdefault(pursuit_id, [0, 0])
            counted[0] += 1
            counted[1] += len(fields)

    # --- reading the local side -------------------------------------------------------------
    def _local_rows(self, table: type[Synced], ids: list[str]) -> dict[str, sqlite3.Row]:
        """The local rows of those ids, every column in `schema.columns_of` order. Row objects
        (made in C, read by name or position) rather than a dict per row: building those was a
        good part of merging a big file."""
        if not ids:
            return {}
        names = schema.columns_of(table)
        sql = (
            f"SELECT {', '.join(names)} FROM {table.__tablename__} "
            f"WHERE id IN ({', '.join('?' * len(ids))})"
        )
        cursor = self.driver.cursor()
        cursor.row_factory = sqlite3.Row  # this cursor only: the driver keeps plain tuples
        try:
            return {row[0]: row for row in cursor.execute(sql, ids)}
        finally:
            cursor.close()

    def _state_of(self, table: type[Synced], row: sqlite3.Row) -> merge.State:
        values = {
            name: (json.loads(row[name]) if row[name] is not None else None)
            if schema.is_json(table, name)
            else row[name]
            for name in sync_codec.rules_for(table).fields
        }
        return sync_codec.expand(
            table,
            values,
            vv=json.loads(row["vv"] or "{}"),
            dots=json.loads(row["dots"] or "{}"),
            siblings=json.loads(row["siblings"]) if row["siblings"] else None,
            purged=bool(row["purged"]),
            created_at=row["created_at"],
            origin_site=row["origin_site"],
            updated_at=row["updated_at"],
        )

    # --- rules -------------------------------------------------------------------------------
    def _check(self, table: type[Synced], candidates: list[_Candidate]) -> list[_Candidate]:
        """Refuse records the rules refuse, or whose parent exists nowhere."""
        counts = self.preview.counts[table.kind]
        accepted = []
        references = self._references(table, candidates)
        for candidate in candidates:
            values = candidate.values
            reason = None
            if not values["purged"]:
                try:
                    records.validate(table.kind, _domain_values(table, values))
                except InvalidInput as exc:
                    reason = f"{exc.field}: {exc.code}"
            for name, target, known in references:
                value = values[name]
                if reason is None and value is not None and value not in known:
                    reason = f"{name}: no such {target}"
            if reason is not None:
                counts.rejected += 1
                self.rejected.setdefault(table.kind, set()).add(candidate.record_id)
                if len(self.preview.rejected) < EXAMPLES:
                    self.preview.rejected.append((table.kind, candidate.record_id, reason))
                continue
            accepted.append(candidate)
        return accepted

    def _references(
        self, table: type[Synced], candidates: list[_Candidate]
    ) -> list[tuple[str, str, set[str]]]:
        rules = sync_codec.rules_for(table)
        result: list[tuple[str, str, set[str]]] = []
        for name in sorted(rules.keep_on_purge):  # the foreign keys
            column = table.__table__.columns[name]
            target = next(iter(column.foreign_keys)).column.table.name
            wanted = {c.values[name] for c in candidates if c.values[name] is not None}
            if not wanted:
                result.append((name, target, set()))
                continue
            known = {
                r[0]
                for r in self.driver.execute(
                    f"SELECT id FROM {target} WHERE id IN ({', '.join('?' * len(wanted))})",
                    list(wanted),
                )
            }
            if target == table.__tablename__:  # a reference within the kind, maybe later on
                pending = self.scan.pending_ids.get(table.kind, set())
                known |= (wanted & pending) - self.rejected.get(table.kind, set())
            result.append((name, target, known))
        return result

    # --- writing -----------------------------------------------------------------------------
    def _write(
        self,
        table: type[Synced],
        inserts: list[dict[str, Any]],
        updates: dict[tuple[str, ...], list[list[Any]]],
    ) -> None:
        names = schema.columns_of(table)
        if inserts or any(set(changed) & _references_of(table) for changed in updates):
            self.written.add(table.__tablename__)
        seq = self._sequence(table) if inserts or updates else None
        if inserts:
            extra = ", seq" if seq is not None else ""
            tail = [seq] if seq is not None else []
            self.driver.executemany(
                f"INSERT INTO {table.__tablename__} ({', '.join(names)}{extra}) "
                f"VALUES ({', '.join('?' * (len(names) + len(tail)))})",
                [_raw_row(table, names, values) + tail for values in inserts],
            )
            self.index.inserted(table.__tablename__)
        for changed, rows in updates.items():
            assignments = ", ".join(f"{name} = ?" for name in changed)
            if seq is not None and "vv" in changed:
                # Set here, once for the batch, rather than by the trigger row by row.
                assignments += f", seq = {int(seq)}"
            self.driver.executemany(
                f"UPDATE {table.__tablename__} SET {assignments} WHERE id = ?", rows
            )
            self.index.updated(table.__tablename__, changed, (row[-1] for row in rows))

    def _sequence(self, table: type[Synced]) -> int | None:
        """The change sequence this import gives the rows it writes in a table (migration 0008):
        beyond every row there now; one value for the whole import is enough, as an export's
        mark only asks "written after me?". None for a table without the column."""
        name = table.__tablename__
        if name not in self.sequences:
            columns = {row[1] for row in self.driver.execute(f"PRAGMA table_info({name})")}
            value = None
            if "seq" in columns:
                (top,) = self.driver.execute(f"SELECT coalesce(max(seq), 0) FROM {name}").fetchone()
                value = int(top) + 1
            self.sequences[name] = value
        return self.sequences[name]

    def _write_reviews(
        self, table: type[Synced], reviews: list[tuple[str, list[str], dict[str, Any]]]
    ) -> None:
        if not reviews:
            return
        self.driver.executemany(
            "DELETE FROM sync_review WHERE record_id = ?", [(rid,) for rid, _, _ in reviews]
        )
        rows = []
        for record_id, fields, values in reviews:
            if not fields:
                continue
            pursuit_id = self._pursuit_of(table, values)
            rows += [(record_id, name, table.kind, pursuit_id) for name in fields]
        self.driver.executemany(
            "INSERT INTO sync_review (record_id, field, kind, pursuit_id) VALUES (?, ?, ?, ?)", rows
        )

    def _pursuit_of(self, table: type[Synced], values: dict[str, Any]) -> str | None:
        if table.kind == "pursuit":
            return values["id"]  # type: ignore[no-any-return]
        if "pursuit_id" in values:
            return values["pursuit_id"]  # type: ignore[no-any-return]
        link = sync_codec.parent_link(table)
        if link is None or not values.get(link[1]):
            return None
        parent, column = link
        row = self.driver.execute(
            f"SELECT pursuit_id FROM {parent.__tablename__} WHERE id = ?", (values[column],)
        ).fetchone()
        return row[0] if row else None


def _raw_row(table: type[Synced], names: tuple[str, ...], values: dict[str, Any]) -> list[Any]:
    """A row's values in `names` order as stored: the JSON user-data columns as JSON text,
    the sync metadata as the merge holds it (text already). One comprehension, not a call per
    value: a new database's first import writes every record of the file."""
    encoded = _encoded_columns(table)
    return [
        sync_codec.dumps(values[name])
        if name in encoded and values[name] is not None
        else values[name]
        for name in names
    ]


@table_cache
def _references_of(table: type[Synced]) -> frozenset[str]:
    """The columns of `table` that reference another record (foreign keys)."""
    return frozenset(c.name for c in table.__table__.columns if c.foreign_keys)


@table_cache
def _encoded_columns(table: type[Synced]) -> frozenset[str]:
    """The JSON user-data columns: values the merge holds parsed, written as JSON text."""
    return frozenset(
        name
        for name in schema.columns_of(table)
        if name not in schema.JSON_META and schema.is_json(table, name)
    )


def _domain_values(table: type[Synced], shown: dict[str, Any]) -> dict[str, Any]:
    """The values the services' validators look at (they take no dates, times or JSON)."""
    values = {name: shown[name] for name in _validated_fields(table)}
    if table.kind == "pursuit" and values.get("status") == LEGACY_WON:
        # An older database's win: accepted, then mapped after the merge (settle_legacy_won).
        values["status"] = COLLECTED
    return values


@table_cache
def _validated_fields(table: type[Synced]) -> tuple[str, ...]:
    columns = table.__table__.columns
    return tuple(
        name
        for name in sync_codec.rules_for(table).fields
        if name not in ("alive", "deleted_at")
        and not isinstance(columns[name].type, Date | DateTime | JSON)
    )


def _after_merge(
    driver: Any,
    header: bundle.Header,
    scan: _Scan,
    preview: Preview,
    digest: str,
    path: Path,
    backup_path: Path | None,
    pursuits: dict[str, list[int]],
) -> None:
    """Clock, the sites' names, and the log entry that "Undo last import" uses (with the
    pursuits it changed, for their timelines)."""
    now = utcnow().strftime(sync_codec.DATETIME_FORMAT)
    fields = header.fields
    # Pass one refused any time beyond the bound; the clock is still never moved past it.
    driver.execute(
        "UPDATE sync_state SET hlc = max(hlc, min(?, ?))", (scan.max_hlc, sync_meta.clock_bound())
    )
    created = _header_time(fields["created"])
    driver.execute(
        "INSERT INTO sync_sites (site_id, name, first_seen, last_import_at, last_export_id, "
        "last_export_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (site_id) DO UPDATE SET "
        "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END, "
        "last_import_at = excluded.last_import_at, last_export_id = excluded.last_export_id, "
        "last_export_at = excluded.last_export_at",
        (fields["site"], preview.source_name[:200], now, now, fields["export_id"], created),
    )
    for site, name in (fields.get("sites") or {}).items():
        driver.execute(
            "INSERT INTO sync_sites (site_id, name, first_seen) VALUES (?, ?, ?) "
            "ON CONFLICT (site_id) DO UPDATE SET name = excluded.name WHERE name = ''",
            (site, name[:200], now),
        )
    (counter,) = driver.execute("SELECT counter FROM sync_state").fetchone()
    summary: dict[str, Any] = {kind: c.as_dict() for kind, c in preview.counts.items()}
    summary["pursuits"] = pursuits  # not a kind: {pursuit id: [records, fields] changed}
    summary["content"] = scan.content  # not a kind: an unchanged re-export is known by it
    driver.execute(
        "INSERT INTO sync_imports (id, export_id, source_site, file_name, file_digest, "
        "imported_at, counter, backup_path, rejected, summary) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_id(),
            fields["export_id"],
            fields["site"],
            path.name,
            digest,
            now,
            counter,
            str(backup_path) if backup_path else None,
            preview.total("rejected"),
            json.dumps(summary),
        ),
    )


def _header_time(text: str) -> str | None:
    try:
        moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None
    return moment.strftime(sync_codec.DATETIME_FORMAT)

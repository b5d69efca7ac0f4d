"""Export: one consistent snapshot of the database (or of chosen pursuits) into a sync file.

One read transaction, streamed to a temporary file beside the target (nothing in plaintext on
disk unless the user asked for a plain file), fsynced, read back and verified, then renamed over
the target. Records go out with their tombstones and sync metadata, so deletes travel too.

A delta (`since`, a version vector) holds only the records whose version vector is not covered by
it: each record changed, deleted or purged since then (tombstones are records, so deletes and
purges travel like edits). It is the same file format; the sealed header says `delta: {since}`
and the report gives the version vector the file brings its reader up to (`frontier`), which is
the `since` of the next delta. A record's version vector only grows, so a record left out of a
delta is covered by the frontier of the file before.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.services.errors import InvalidInput
from desktop.services.sync import attachments, bundle, schema, sharing
from desktop.services.sync.bundle import BundleError
from desktop.services.workspace import Workspace
from desktop.storage import migrate, sync_codec
from desktop.storage.backup import fsync_dir
from desktop.storage.tables import Synced

MIN_PASSPHRASE = 8
BATCH = 2000

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The user stopped the work; nothing was written (or imported)."""


@dataclass
class ExportReport:
    path: Path
    records: int
    bytes: int
    seconds: float
    encrypted: bool
    counts: dict[str, int] = field(default_factory=dict)
    # The version vector a reader of this file has reached (with the files before it, for a
    # delta): the join of `since` and every exported record's version vector.
    frontier: dict[str, int] = field(default_factory=dict)
    # The documents' files written beside the file (`attachments`), or left out on request.
    files: attachments.FilesReport | None = None
    # Per kind, the highest change sequence (`seq`) this file's snapshot saw: the next delta
    # reads only rows beyond it (`since_marks`). Empty for a database without the column.
    marks: dict[str, int] = field(default_factory=dict)
    # The pursuits kept private (left out) when this file was written (sharing.py).
    withheld: list[str] = field(default_factory=list)


def default_site_name() -> str:
    """Who this database is when nobody said: the login name and the computer's name."""
    try:
        user = getpass.getuser()
    except Exception:
        user = ""
    host = socket.gethostname().split(".")[0]
    return f"{user}@{host}" if user else host


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise InvalidInput("passphrase", "too_short", f"at least {MIN_PASSPHRASE} characters")


def read_connection(path: Path) -> sqlite3.Connection:
    """A private read-only connection (its own snapshot; may live in a worker thread)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _id_list(ids: Iterable[str]) -> str:
    return json.dumps(sorted(ids))


def scope_of(conn: sqlite3.Connection, pursuit_ids: Iterable[str]) -> dict[str, set[str]]:
    """The records that belong to the chosen pursuits, closed over every reference."""
    tables = schema.kinds_in_order()
    chosen: dict[str, set[str]] = {t.kind: set() for t in tables}
    wanted = _id_list(pursuit_ids)
    chosen["pursuit"] = {
        r[0]
        for r in conn.execute(
            "SELECT id FROM pursuits WHERE id IN (SELECT value FROM json_each(?))", (wanted,)
        )
    }
    for table in tables:  # parents first, so grandchildren find their parents' ids
        columns = table.__table__.columns
        if "pursuit_id" in columns:
            parent, key = "pursuit", "pursuit_id"
        elif (link := sync_codec.parent_link(table)) is not None:
            parent, key = link[0].kind, link[1]
        else:
            continue
        chosen[table.kind] |= {
            r[0]
            for r in conn.execute(
                f"SELECT id FROM {table.__tablename__} "
                f"WHERE {key} IN (SELECT value FROM json_each(?))",
                (_id_list(chosen[parent]),),
            )
        }
    targets = {t.__tablename__: t.kind for t in tables}
    changed = True
    while changed:  # whatever a chosen record points at goes too (accounts, competitors …)
        changed = False
        for table in tables:
            ids = chosen[table.kind]
            if not ids:
                continue
            for column in table.__table__.columns:
                for foreign_key in column.foreign_keys:
                    target = targets.get(foreign_key.column.table.name)
                    if target is None:
                        continue
                    referenced = {
                        r[0]
                        for r in conn.execute(
                            f"SELECT DISTINCT {column.name} FROM {table.__tablename__} "
                            f"WHERE id IN (SELECT value FROM json_each(?)) "
                            f"AND {column.name} IS NOT NULL",
                            (_id_list(ids),),
                        )
                    }
                    missing = referenced - chosen[target]
                    if missing:
                        chosen[target] |= missing
                        changed = True
    return chosen


def _site_names(conn: sqlite3.Connection, own_site: str, own_name: str) -> dict[str, str]:
    names = {
        site: name
        for site, name in conn.execute("SELECT site_id, name FROM sync_sites WHERE name <> ''")
    }
    names[own_site] = own_name
    return names


def export_bundle(
    ws: Workspace,
    target: Path,
    *,
    passphrase: str | None,
    encrypt: bool = True,
    pursuits: Iterable[str] | None = None,
    site_name: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk_size: int = bundle.CHUNK_SIZE,
    kdf: dict[str, Any] | None = None,
    since: dict[str, int] | None = None,
    extra: dict[str, Any] | None = None,
    if_changed: bool = False,
    files: bool = True,
    since_marks: dict[str, int] | None = None,
    resend: Iterable[str] = (),
) -> ExportReport:
    """Write the sync file `target`. Plaintext only when `encrypt` is False, explicitly.

    `since`: only what changed since that version vector (a delta). `extra`: more fields for the
    sealed header (the sync folder's sequence), never read by the importer. A delta or a file
    with `extra` fields also carries its `frontier` in the header. `if_changed`: a delta with no
    record writes no file (the report says 0 records). `files`: False leaves the documents'
    files out (their records still go; the reader sees them as not on that computer).
    `since_marks`: the `marks` of the export that `since` comes from (with it, a delta reads only
    the rows changed since, by index). Private pursuits never go out (sharing.narrow); `resend`:
    pursuits a delta carries whole if they are shared now (they were private when the reader's
    last file was written).
    """
    started = time.perf_counter()
    if encrypt:
        if passphrase is None:
            raise InvalidInput("passphrase", "required", "a passphrase is needed")
        check_passphrase(passphrase)
    target = Path(target).expanduser()
    if target.is_dir():
        raise InvalidInput("path", "is_folder", f"{target} is a folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    site_name = site_name or default_site_name()
    conn = read_connection(ws.path)
    try:
        conn.execute("BEGIN")  # one snapshot for every table
        (site,) = conn.execute("SELECT site_id FROM sync_state").fetchone()
        tables = schema.kinds_in_order()
        scope = scope_of(conn, pursuits) if pursuits is not None else None
        chosen = {"all": True} if scope is None else {"pursuits": sorted(scope["pursuit"])}
        marks = _marks(conn, tables) if since is not None or extra else {}
        if since is not None:
            scope = _changed_since(conn, tables, since, scope, since_marks or {})
        scope, withheld = sharing.narrow(conn, tables, scope, resend if since is not None else ())
        counts = _counts(conn, tables, scope)
        frontier = _frontier(conn, tables, scope, since) if since is not None or extra else {}
        if if_changed and since is not None and not any(counts.values()):
            conn.rollback()
            seconds = time.perf_counter() - started
            return ExportReport(
                target, 0, 0, seconds, encrypt, {}, frontier, marks=marks, withheld=withheld
            )
        header: dict[str, Any] = {
            "app": "Pursuit",
            "app_version": __version__,
            "format": bundle.FORMAT,
            "schema": migrate.head_revision(),
            "export_id": str(uuid.uuid4()),
            "site": site,
            "site_name": site_name,
            "sites": _site_names(conn, site, site_name),
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "scope": chosen,  # a delta of everything is still of everything
            "compression": "zlib",
            "kdf": bundle.new_kdf(kdf) if encrypt else None,
            "chunk_size": chunk_size,
            "kinds": [{"kind": t.kind, "columns": list(schema.columns_of(t))} for t in tables],
            "counts": counts,
        }
        if since is not None:
            header["delta"] = {"since": dict(since)}
        if since is not None or extra:
            header["frontier"] = frontier
        for key, value in (extra or {}).items():
            header.setdefault(key, value)
        keys = bundle.derive_keys(passphrase or "", header["kdf"]) if encrypt else None
        total = sum(counts.values())
        with temporary.open("wb") as fh:
            writer = bundle.BundleWriter(fh, header, keys)
            done = 0
            for table in tables:
                done = _write_kind(conn, writer, table, scope, done, total, progress, cancelled)
            trailer = [bundle.END, {"counts": counts, "records": total}]
            writer.write(json.dumps(trailer, separators=(",", ":")).encode() + b"\n")
            writer.close()
            fh.flush()
            os.fsync(fh.fileno())
        conn.rollback()
        _verify(temporary, keys, counts)
        carried = attachments.write_companion(
            ws.path,
            conn,
            temporary,
            target,
            keys,
            None if scope is None else scope["document"],
            include=files,
        )
        os.replace(temporary, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    size = target.stat().st_size
    return ExportReport(
        target,
        total,
        size,
        time.perf_counter() - started,
        encrypt,
        {k: v for k, v in counts.items() if v},
        frontier,
        carried,
        marks=marks,
        withheld=withheld,
    )


def _sequenced(conn: sqlite3.Connection, name: str) -> bool:
    """Whether a table has the change sequence (migration 0008; not a table added without it)."""
    return any(row[1] == "seq" for row in conn.execute(f"PRAGMA table_info({name})"))


def _marks(conn: sqlite3.Connection, tables: list[type[Synced]]) -> dict[str, int]:
    """Per kind, the highest change sequence in this snapshot (one index lookup each)."""
    marks = {}
    for table in tables:
        name = table.__tablename__
        if _sequenced(conn, name):
            (mark,) = conn.execute(f"SELECT coalesce(max(seq), 0) FROM {name}").fetchone()
            marks[table.kind] = int(mark)
    return marks


def _changed_since(
    conn: sqlite3.Connection,
    tables: list[type[Synced]],
    since: dict[str, int],
    scope: dict[str, set[str]] | None,
    since_marks: dict[str, int],
) -> dict[str, set[str]]:
    """Per kind, the records whose version vector holds a counter beyond `since` (or a site it
    has not heard of); within `scope` when one is given.

    With the mark of the export `since` comes from, only the rows written after it are read
    (`seq` beyond the mark, by index): a record's version vector changes only when it is written,
    and every row that export saw was covered by what it reached. Without a mark, records share
    few distinct version vectors (one per combination of writes), so each distinct vector is
    judged once, in Python, and only the records holding a vector beyond `since` are read: two
    plain scans of the column instead of parsing the JSON of every record.
    """
    chosen: dict[str, set[str]] = {}
    for table in tables:
        name = table.__tablename__
        mark = since_marks.get(table.kind)
        ids: set[str] = set()
        if isinstance(mark, int) and _sequenced(conn, name):
            ids = {
                record_id
                for record_id, text in conn.execute(
                    f"SELECT id, vv FROM {name} WHERE seq > ?", (mark,)
                )
                if text is not None and _beyond(text, since)
            }
            chosen[table.kind] = ids if scope is None else ids & scope[table.kind]
            continue
        beyond = [
            text
            for (text,) in conn.execute(f"SELECT DISTINCT vv FROM {name}")
            if text is not None and _beyond(text, since)
        ]
        if beyond:
            ids = {
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM {name} WHERE vv IN (SELECT value FROM json_each(?))",
                    (json.dumps(beyond),),
                )
            }
        chosen[table.kind] = ids if scope is None else ids & scope[table.kind]
    return chosen


def _beyond(text: str, since: dict[str, int]) -> bool:
    vv = json.loads(text)
    return isinstance(vv, dict) and any(
        isinstance(n, int) and n > since.get(site, 0) for site, n in vv.items()
    )


def _frontier(
    conn: sqlite3.Connection,
    tables: list[type[Synced]],
    scope: dict[str, set[str]] | None,
    since: dict[str, int] | None,
) -> dict[str, int]:
    """The join of `since` and the version vectors of the records the file holds."""
    frontier = dict(since or {})
    for table in tables:
        name = table.__tablename__
        sql = f"SELECT v.key, max(v.value) FROM {name}, json_each({name}.vv) AS v"
        if scope is None:
            rows = conn.execute(sql + " GROUP BY v.key")
        elif scope[table.kind]:
            rows = conn.execute(
                sql + f" WHERE {name}.id IN (SELECT value FROM json_each(?)) GROUP BY v.key",
                (_id_list(scope[table.kind]),),
            )
        else:
            continue
        for site, counter in rows:
            if isinstance(site, str) and isinstance(counter, int):
                frontier[site] = max(frontier.get(site, 0), counter)
    return frontier


def _counts(
    conn: sqlite3.Connection, tables: list[type[Synced]], scope: dict[str, set[str]] | None
) -> dict[str, int]:
    if scope is not None:
        return {t.kind: len(scope[t.kind]) for t in tables}
    return {
        t.kind: conn.execute(f"SELECT count(*) FROM {t.__tablename__}").fetchone()[0]
        for t in tables
    }


def _write_kind(
    conn: sqlite3.Connection,
    writer: bundle.BundleWriter,
    table: type[Synced],
    scope: dict[str, set[str]] | None,
    done: int,
    total: int,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    sql = schema.render_sql(table)
    if scope is not None:
        if not scope[table.kind]:
            return done
        cursor = conn.execute(
            sql + " WHERE id IN (SELECT value FROM json_each(?))", (_id_list(scope[table.kind]),)
        )
    else:
        cursor = conn.execute(sql)
    conn.text_factory = bytes  # lines go out as SQLite made them: no decoding, no encoding
    try:
        while rows := cursor.fetchmany(BATCH):
            writer.write(b"\n".join([r[0] for r in rows]) + b"\n")
            done += len(rows)
            if cancelled is not None and cancelled():
                raise Cancelled
            if progress is not None:
                progress(done, total)
    finally:
        conn.text_factory = str
    return done


def _verify(path: Path, keys: bundle.Keys | None, counts: dict[str, int]) -> None:
    """Read the written file back: every chunk opens, the stream ends with the right trailer."""
    header = bundle.read_header(path)
    if keys is not None:
        bundle.open_with(header, keys)
    lines = 0
    last = b""
    for line in bundle.lines(bundle.chunks(path, header, keys), header.max_lines):
        lines += 1
        last = line
    try:
        trailer = json.loads(last)
    except ValueError as exc:
        raise BundleError("verify_failed", "no trailer") from exc
    expected = sum(counts.values())
    if trailer != [bundle.END, {"counts": counts, "records": expected}] or lines != expected + 1:
        raise BundleError("verify_failed", f"{lines - 1} of {expected} records read back")

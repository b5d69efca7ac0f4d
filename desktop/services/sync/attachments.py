"""The files of documents, carried beside a sync file as sealed chunks.

A sync file holds records; a document's record names its file by SHA-256, and the bytes travel in
a companion file written next to it, `<sync file>.files`, only when the export holds documents
(and the user did not ask to leave files out). Kept apart so that the record format, its bounds
and its readers stay as they are, and a sync file without its companion still imports: its
documents then show as "not on this computer".

Layout (integers big-endian):

    magic          17 bytes  b"\\x89PURSUIT-FILES\\r\\n\\x1a\\n"
    format          2 bytes  1
    binding        32 bytes  SHA-256 of the sync file this companion goes with: a companion
                             left from another export is recognised and ignored
    index                    size (4 bytes) + sealed JSON {"chunk_size": n, "files":
                             [{"sha256": hex, "size": n}, ...]}
    chunks       repeated    per file, in index order, ceil(size / chunk_size) chunks (at least
                             one): size (4 bytes) + sealed body

Sealing follows the sync file's: AES-256-GCM under a key drawn with HKDF-SHA256 from the sync
file's content key, salted with the binding (so every companion has its own key, whatever keys
the sync files share), nonce = running chunk number (the index is 0), associated data = binding
plus what the chunk is (the file's hash, its chunk number, whether it is the last). A flipped
bit, a chunk moved to another file or place, or a cut-off end fails authentication. A plain sync
file (only when the user asks) gets a plain companion: each body carries a SHA-256 tag over the
same inputs instead. Whatever the sealing, a received file is stored only when its bytes hash to
its name (`FileStore.put`), so a damaged or forged file is reported and never kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select

from desktop.services.documents import forget_unused_files
from desktop.services.sync import bundle
from desktop.services.workspace import Workspace
from desktop.storage import file_store
from desktop.storage.file_store import DAMAGED, PRESENT, FileStore, HashMismatch
from desktop.storage.files import fsync_dir, temporary_beside
from desktop.storage.tables import Document

MAGIC = b"\x89PURSUIT-FILES\r\n\x1a\n"
FORMAT = 1
SUFFIX = ".files"
CHUNK_SIZE = 1 << 20
MIN_CHUNK, MAX_CHUNK = 1 << 10, 1 << 24
MAX_INDEX = 1 << 24
MAX_FILES = 1_000_000
MAX_FILE_SIZE = 1 << 32  # beyond any document's limit: a size past this is not a size
TAG = 16
PLAIN_TAG = 32
_SIZE = struct.Struct(">I")
_FORMAT = struct.Struct(">H")


class Damaged(Exception):
    """One chunk fails its check."""


@dataclass
class FilesReport:
    """What a companion file carried out, or brought in."""

    files: int = 0  # files written (export) or newly stored here (import)
    bytes: int = 0
    left_out: bool = False  # export: the user asked for the records only
    path: Path | None = None  # the companion written or read
    missing: list[str] = field(default_factory=list)  # names of documents without their file
    damaged: list[str] = field(default_factory=list)  # names of documents whose file arrived bad


def companion_of(sync_file: Path) -> Path:
    return sync_file.with_name(sync_file.name + SUFFIX)


def _key(keys: bundle.Keys, binding: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=binding, info=b"pursuit-files/1 content"
    ).derive(keys.content)


def _aad(binding: bytes, sha256: str | None, index: int = 0, last: bool = False) -> bytes:
    if sha256 is None:
        return binding + b"index"
    return binding + bytes.fromhex(sha256) + struct.pack(">IB", index, int(last))


class _Sealer:
    def __init__(self, keys: bundle.Keys | None, binding: bytes) -> None:
        self.aead = AESGCM(_key(keys, binding)) if keys is not None else None
        self.binding = binding
        self.counter = 0

    def seal(self, data: bytes, aad: bytes) -> bytes:
        nonce = self.counter.to_bytes(12, "big")
        self.counter += 1
        if self.aead is not None:
            return self.aead.encrypt(nonce, data, aad)
        return data + hashlib.sha256(nonce + aad + data).digest()

    def open(self, body: bytes, aad: bytes) -> bytes:
        nonce = self.counter.to_bytes(12, "big")
        self.counter += 1
        if self.aead is not None:
            try:
                return self.aead.decrypt(nonce, body, aad)
            except InvalidTag as exc:
                raise Damaged("a chunk fails authentication") from exc
        data, tag = body[:-PLAIN_TAG], body[-PLAIN_TAG:]
        if len(body) < PLAIN_TAG or hashlib.sha256(nonce + aad + data).digest() != tag:
            raise Damaged("a chunk fails its check")
        return data


def _documents(conn: sqlite3.Connection, ids: Iterable[str] | None) -> list[tuple[str, int, str]]:
    """(sha256, size, name) of the documents a sync file holds, removed ones too (so that undoing
    a removal on the other computer finds the file); purged ones never. Read on the exporter's
    own connection (an export runs in a worker thread, with no Workspace)."""
    sql = "SELECT sha256, size, name FROM documents WHERE NOT purged"
    if ids is None:
        rows = conn.execute(sql).fetchall()
    else:
        wanted = json.dumps(sorted(ids))
        rows = conn.execute(
            sql + " AND id IN (SELECT value FROM json_each(?))", (wanted,)
        ).fetchall()
    return [(sha, size, name) for sha, size, name in rows if file_store.is_sha256(sha)]


def write_companion(
    db_path: Path,
    conn: sqlite3.Connection,
    sync_file: Path,
    target: Path,
    keys: bundle.Keys | None,
    document_ids: Iterable[str] | None,
    *,
    include: bool = True,
    chunk_size: int = CHUNK_SIZE,
) -> FilesReport:
    """Write the companion of `target` for the documents of the finished sync file `sync_file`
    (its temporary name; the companion is bound to its bytes): the files of the documents in
    `document_ids` (None: every document) of the database at `db_path`, read on `conn`. No
    documents, or `include` False: no companion, and a stale one at that name is removed.
    Written whole or not at all (temporary file, fsync, rename). Files this computer lacks are
    left out and listed, and so are those damaged here (their bytes no longer match the hash)."""
    destination = companion_of(target)
    report = FilesReport(left_out=not include)
    wanted = _documents(conn, document_ids) if include else []
    if not wanted:
        destination.unlink(missing_ok=True)
        return report
    store = FileStore.beside(db_path)
    files: dict[str, int] = {}
    for sha, size, name in wanted:
        if sha in files:
            continue
        # Hashed before anything is announced: a damaged file is left out and told, and the
        # records still go (one bad file must not stop a team's sync).
        state = store.state(sha, size, verify=True)
        if state == PRESENT:
            files[sha] = size
        else:
            (report.damaged if state == DAMAGED else report.missing).append(name)
    binding = bytes.fromhex(bundle.file_digest(sync_file))
    temporary = temporary_beside(destination)
    try:
        with temporary.open("wb") as fh:
            fh.write(MAGIC + _FORMAT.pack(FORMAT) + binding)
            sealer = _Sealer(keys, binding)
            index = {
                "chunk_size": chunk_size,
                "files": [{"sha256": sha, "size": size} for sha, size in files.items()],
            }
            _write_body(fh, sealer.seal(json.dumps(index).encode(), _aad(binding, None)))
            for sha, size in files.items():
                try:
                    written = _write_file(fh, sealer, store, sha, size, chunk_size, binding)
                except (HashMismatch, OSError) as exc:
                    # The file changed since it was hashed: the companion cannot hold it as
                    # announced, so this export fails as a whole (the next one leaves it out).
                    raise bundle.BundleError("verify_failed", f"document file {sha[:12]}…") from exc
                report.files += 1
                report.bytes += written
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, destination)
        fsync_dir(destination.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    report.path = destination
    return report


def _chunk_count(size: int, chunk_size: int) -> int:
    return max(1, -(-size // chunk_size))


def _write_body(fh: BinaryIO, body: bytes) -> None:
    fh.write(_SIZE.pack(len(body)) + body)


def _write_file(
    fh: BinaryIO,
    sealer: _Sealer,
    store: FileStore,
    sha: str,
    size: int,
    chunk_size: int,
    binding: bytes,
) -> int:
    """The chunks of one stored file, its bytes checked against the hash on the way."""
    count = _chunk_count(size, chunk_size)
    digest = hashlib.sha256()
    written = 0
    blocks = store.read_blocks(sha, chunk_size)
    for i in range(count):
        data = next(blocks, b"")
        digest.update(data)
        written += len(data)
        _write_body(fh, sealer.seal(data, _aad(binding, sha, i, i == count - 1)))
    if next(blocks, None) is not None or written != size or digest.hexdigest() != sha:
        raise HashMismatch(f"{sha[:12]}… is not what its name says")
    return written


class _Reader:
    def __init__(self, fh: BinaryIO, limit: int) -> None:
        self.fh = fh
        self.limit = limit

    def body(self) -> bytes:
        head = self.fh.read(_SIZE.size)
        if len(head) != _SIZE.size:
            raise Damaged("the file ends early")
        (size,) = _SIZE.unpack(head)
        if size > self.limit:
            raise Damaged("a chunk beyond the bound")
        data = self.fh.read(size)
        if len(data) != size:
            raise Damaged("the file ends early")
        return data


def receive(ws: Workspace, sync_file: Path, keys: bundle.Keys | None) -> FilesReport:
    """Store the files of the companion of `sync_file` that this computer lacks, then list the
    live documents whose file is still not here (missing) or arrived damaged. Never raises for
    a missing, stale or damaged companion: the records are in, and the documents say the rest."""
    path = companion_of(sync_file)
    report = FilesReport(path=path if path.is_file() else None)
    damaged: set[str] = set()
    if report.path is not None:
        try:
            with path.open("rb") as fh:
                _receive(
                    fh, bytes.fromhex(bundle.file_digest(sync_file)), keys, ws, report, damaged
                )
        except (OSError, Damaged, bundle.BundleError):
            pass  # what did not arrive is listed below as missing
    store = FileStore.beside(ws.path)
    with ws.read() as session:
        live = session.execute(
            select(Document.sha256, Document.size, Document.name).where(
                Document.alive, Document.purged.is_(False)
            )
        ).all()
    for sha, size, name in live:
        if not file_store.is_sha256(sha) or store.state(sha, size) != PRESENT:
            (report.damaged if sha in damaged else report.missing).append(name)
    # A purge that came with the file takes the purged documents' files here too. Files stored
    # in the last hour are spared: their documents may be on their way in on the screen's side.
    forget_unused_files(ws, older_than=3600)
    return report


def _receive(
    fh: BinaryIO,
    binding: bytes,
    keys: bundle.Keys | None,
    ws: Workspace,
    report: FilesReport,
    damaged: set[str],
) -> None:
    head = fh.read(len(MAGIC) + _FORMAT.size + len(binding))
    if len(head) != len(MAGIC) + _FORMAT.size + len(binding) or not head.startswith(MAGIC):
        raise Damaged("not a companion file")
    (version,) = _FORMAT.unpack(head[len(MAGIC) : len(MAGIC) + _FORMAT.size])
    if version != FORMAT or head[-len(binding) :] != binding:
        raise Damaged("a companion of another sync file, or of a newer format")
    sealer = _Sealer(keys, binding)
    index = _index(sealer.open(_Reader(fh, MAX_INDEX).body(), _aad(binding, None)))
    chunk_size, files = index
    reader = _Reader(fh, chunk_size + max(TAG, PLAIN_TAG))
    store = FileStore.beside(ws.path)
    for sha, size in files:
        count = _chunk_count(size, chunk_size)
        if store.state(sha, size) == PRESENT:
            for _ in range(count):
                reader.body()
                sealer.counter += 1
            continue
        used = 0

        def blocks(sha: str = sha, count: int = count) -> Iterator[bytes]:
            nonlocal used
            for i in range(count):
                body = reader.body()
                used += 1
                yield sealer.open(body, _aad(binding, sha, i, i == count - 1))

        try:
            store.put(blocks(), sha, limit=size)
        except (Damaged, HashMismatch, file_store.FileTooLarge):
            damaged.add(sha)
            for _ in range(count - used):
                reader.body()
                sealer.counter += 1
            continue
        report.files += 1
        report.bytes += size


def _index(data: bytes) -> tuple[int, list[tuple[str, int]]]:
    try:
        fields: Any = json.loads(data)
    except ValueError as exc:
        raise Damaged("bad index") from exc
    if not isinstance(fields, dict):
        raise Damaged("bad index")
    chunk_size, files = fields.get("chunk_size"), fields.get("files")
    if type(chunk_size) is not int or not MIN_CHUNK <= chunk_size <= MAX_CHUNK:
        raise Damaged("bad chunk size")
    if not isinstance(files, list) or len(files) > MAX_FILES:
        raise Damaged("bad index")
    result = []
    for entry in files:
        if not isinstance(entry, dict):
            raise Damaged("bad index")
        sha, size = entry.get("sha256"), entry.get("size")
        if not isinstance(sha, str) or not file_store.is_sha256(sha):
            raise Damaged("bad index")
        if type(size) is not int or not 0 <= size <= MAX_FILE_SIZE:
            raise Damaged("bad index")
        result.append((sha, size))
    return chunk_size, result

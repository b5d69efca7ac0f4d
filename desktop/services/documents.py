"""Documents: files attached to a pursuit, an account or an item of the collection checklist.

收集资料 — the business licence (营业执照), the acceptance certificate (验收证明), the invoice
(发票), proposals — kept with the deal instead of in a mail folder. The bytes go to the
content-addressed store beside the database (`storage.file_store`); the `documents` row says what
the file is called, how big it is, its hash and what it belongs to, and syncs like any record
(removing one is a tombstone that undo and sync bring back). A file may be missing on this
computer (its row came by sync without the file) or damaged (its bytes no longer match the hash):
both are told, per document, and nothing fails because of them.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from desktop.services.changes import ChangeKind, Changes
from desktop.services.collection import CHECKS
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage import file_store
from desktop.storage.file_store import DAMAGED, MISSING, PRESENT, FileStore, FileTooLarge
from desktop.storage.tables import Account, Document, Pursuit, utcnow

__all__ = ["DAMAGED", "MISSING", "PRESENT"]

# The largest file one may attach: scans, certificates, proposals and slides fit; a video of the
# installation does not belong in a sales database (and would be carried by every sync).
MAX_SIZE = 50 * 1000 * 1000
MAX_NAME = 255
# Copies handed to the system viewer are removed after this long (the viewer has them open).
VIEWER_COPIES_KEPT = 24 * 3600


class TooLarge(InvalidInput):
    """A file beyond `MAX_SIZE`; nothing was attached."""

    def __init__(self, name: str, size: int, limit: int) -> None:
        super().__init__("file", "too_large", f"{size} bytes, the limit is {limit}")
        self.name = name
        self.size = size
        self.limit = limit


class Unavailable(Exception):
    """A document's file cannot be opened here: `code` is MISSING (not on this computer) or
    DAMAGED (its bytes do not match the hash it was stored with)."""

    def __init__(self, code: str, name: str) -> None:
        super().__init__(f"{code}: {name}")
        self.code = code
        self.name = name


@dataclass(frozen=True)
class Owner:
    """What documents belong to: a pursuit, an account, or one item of a pursuit's checklist."""

    pursuit_id: str | None = None
    account_id: str | None = None
    check_key: str | None = None

    @classmethod
    def pursuit(cls, pursuit_id: str) -> Owner:
        return cls(pursuit_id=pursuit_id)

    @classmethod
    def account(cls, account_id: str) -> Owner:
        return cls(account_id=account_id)

    @classmethod
    def check(cls, pursuit_id: str, check_key: str) -> Owner:
        return cls(pursuit_id=pursuit_id, check_key=check_key)


@dataclass(frozen=True)
class DocumentRow:
    id: str
    name: str
    size: int
    sha256: str
    added_at: datetime | None  # UTC
    check_key: str | None
    state: str  # PRESENT, MISSING or DAMAGED (DAMAGED here: the size differs; see `open_copy`)


def store_of(ws: Workspace) -> FileStore:
    return FileStore.beside(ws.path)


_NOT_IN_NAMES = str.maketrans({c: "_" for c in ':*?"<>|'})


def _clean_name(name: str) -> str:
    """A name safe as a file name on every system: no folders, no control characters, none of
    the characters Windows refuses. Names also come from other computers by sync, so the
    viewer's copy is always named through here."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if c.isprintable()).translate(_NOT_IN_NAMES).strip(" .")
    return base[:MAX_NAME] or "document"


def _check_owner(owner: Owner) -> None:
    if (owner.pursuit_id is None) == (owner.account_id is None):
        raise InvalidInput("owner", "required", "a document is on a pursuit or an account")
    if owner.check_key is not None and (owner.pursuit_id is None or owner.check_key not in CHECKS):
        raise InvalidInput("check_key", "unknown", f"no checklist item {owner.check_key!r}")


def add_document(
    ws: Workspace,
    source: Path,
    owner: Owner,
    *,
    name: str | None = None,
    document_id: str | None = None,
    limit: int = MAX_SIZE,
) -> tuple[str, Changes]:
    """Attach the file at `source` to `owner`: its bytes into the store, then one transaction
    for the row. A file beyond `limit` is refused (TooLarge) before anything is copied.

    The copy is made before the transaction: a failed transaction leaves a stored file no row
    names, which is harmless (the store is content-addressed) and is reused by the next attempt.
    """
    _check_owner(owner)
    source = Path(source)
    shown = _clean_name(name or source.name)
    if not source.is_file():
        raise InvalidInput("file", "unreadable", f"{source.name} is not a file")
    try:
        sha256, size = store_of(ws).add(source, limit=limit)
    except FileTooLarge as exc:
        raise TooLarge(shown, exc.size, exc.limit) from exc
    except OSError as exc:
        raise InvalidInput("file", "unreadable", f"{source.name}: {exc.strerror}") from exc
    with ws.write() as session:
        if owner.pursuit_id is not None:
            pursuit = session.get(Pursuit, owner.pursuit_id)
            if pursuit is None or not pursuit.alive:
                raise NotFound(f"pursuit {owner.pursuit_id}")
        if owner.account_id is not None:
            account = session.get(Account, owner.account_id)
            if account is None or not account.alive:
                raise NotFound(f"account {owner.account_id}")
        document = Document(
            pursuit_id=owner.pursuit_id,
            account_id=owner.account_id,
            check_key=owner.check_key,
            name=shown,
            size=size,
            sha256=sha256,
            added_at=utcnow().replace(microsecond=0),
        )
        if document_id:
            document.id = document_id
        session.add(document)
        session.flush()
        return document.id, _changes(document)


def remove_document(ws: Workspace, document_id: str) -> Changes:
    """Take a document off its record (a tombstone; undo brings it back, the file stays)."""
    return _set_alive(ws, document_id, False)


def restore_document(ws: Workspace, document_id: str) -> Changes:
    return _set_alive(ws, document_id, True)


def _set_alive(ws: Workspace, document_id: str, alive: bool) -> Changes:
    with ws.write() as session:
        document = session.get(Document, document_id)
        if document is None or document.purged:
            raise NotFound(f"document {document_id}")
        if document.alive == alive:
            return Changes()
        document.alive = alive
        document.deleted_at = None if alive else utcnow()
        session.flush()
        return _changes(document)


def _changes(document: Document) -> Changes:
    changes = Changes.of(ChangeKind.DOCUMENT, document.id)
    if document.pursuit_id:
        changes = changes | Changes.of(ChangeKind.PURSUIT_PART, document.pursuit_id)
    if document.account_id:
        changes = changes | Changes.of(ChangeKind.ACCOUNT, document.account_id)
    return changes


def documents_of(ws: Workspace, owner: Owner) -> list[DocumentRow]:
    """The live documents of `owner`, newest first, each with the state of its file here.

    A pursuit's list holds its checklist items' documents too (`check_key` says which); a
    checklist item's list only its own.
    """
    query = select(Document).where(Document.alive, Document.purged.is_(False))
    if owner.account_id is not None:
        query = query.where(Document.account_id == owner.account_id)
    else:
        query = query.where(Document.pursuit_id == owner.pursuit_id)
        if owner.check_key is not None:
            query = query.where(Document.check_key == owner.check_key)
    store = store_of(ws)
    with ws.read() as session:
        found = list(session.scalars(query.order_by(Document.added_at.desc(), Document.name)))
        return [
            DocumentRow(
                d.id,
                d.name,
                d.size,
                d.sha256,
                d.added_at,
                d.check_key,
                _state(store, d.sha256, d.size),
            )
            for d in found
        ]


def _state(store: FileStore, sha256: str, size: int, *, verify: bool = False) -> str:
    if not file_store.is_sha256(sha256):
        return DAMAGED  # a row whose hash is no hash (never written by us)
    return store.state(sha256, size, verify=verify)


def check_counts(ws: Workspace, pursuit_id: str) -> dict[str, int]:
    """Live documents per item of the pursuit's collection checklist (items with none left out)."""
    with ws.read() as session:
        rows = session.execute(
            select(Document.check_key, func.count())
            .where(
                Document.pursuit_id == pursuit_id,
                Document.check_key.is_not(None),
                Document.alive,
                Document.purged.is_(False),
            )
            .group_by(Document.check_key)
        ).all()
    return {str(key): int(n) for key, n in rows}


def get_document(ws: Workspace, document_id: str) -> DocumentRow:
    with ws.read() as session:
        d = session.get(Document, document_id)
        if d is None or not d.alive or d.purged:
            raise NotFound(f"document {document_id}")
        return DocumentRow(
            d.id,
            d.name,
            d.size,
            d.sha256,
            d.added_at,
            d.check_key,
            _state(store_of(ws), d.sha256, d.size),
        )


def viewer_folder() -> Path:
    """Where copies for the system viewer go (the temporary folder; old copies are cleared)."""
    return Path(tempfile.gettempdir()) / "pursuit-documents"


def open_copy(ws: Workspace, document_id: str, folder: Path | None = None) -> Path:
    """A copy of the document's file under its own name, for the system viewer.

    The viewer gets a copy, never the stored file: an editor that saves in place must not
    change what the hash names. The bytes are checked on the way; raises Unavailable (MISSING or
    DAMAGED) when the file cannot be given. Copies older than a day are removed first.
    """
    row = get_document(ws, document_id)
    store = store_of(ws)
    state = _state(store, row.sha256, row.size)
    if state != PRESENT:
        raise Unavailable(state, row.name)
    folder = folder or viewer_folder()
    _clear_old_copies(folder)
    target_dir = folder / uuid.uuid4().hex[:12]
    target_dir.mkdir(parents=True, exist_ok=True)
    try:
        return store.copy_out(row.sha256, target_dir / _clean_name(row.name))
    except file_store.HashMismatch as exc:
        with contextlib.suppress(OSError):
            target_dir.rmdir()
        raise Unavailable(DAMAGED, row.name) from exc
    except FileNotFoundError as exc:
        with contextlib.suppress(OSError):
            target_dir.rmdir()
        raise Unavailable(MISSING, row.name) from exc


def verify_document(ws: Workspace, document_id: str) -> str:
    """PRESENT, MISSING or DAMAGED, the bytes hashed (what a check of the files shows)."""
    row = get_document(ws, document_id)
    return _state(store_of(ws), row.sha256, row.size, verify=True)


def _clear_old_copies(folder: Path) -> None:
    if not folder.is_dir():
        return
    horizon = time.time() - VIEWER_COPIES_KEPT
    for entry in folder.iterdir():
        with contextlib.suppress(OSError):
            if entry.is_dir() and entry.stat().st_mtime < horizon:
                for inner in entry.iterdir():
                    inner.unlink()
                entry.rmdir()


def wanted_hashes(ws: Workspace) -> dict[str, int]:
    """The files the live documents of this database name, with their sizes."""
    with ws.read() as session:
        rows = session.execute(
            select(Document.sha256, Document.size).where(Document.alive, Document.purged.is_(False))
        ).all()
    return {sha: size for sha, size in rows if file_store.is_sha256(sha)}


def forget_unused_files(ws: Workspace, *, older_than: float = 0.0) -> int:
    """Delete stored files no document names any more (a purged document's, above all: a purge
    is for intelligence that must go). Removed documents keep theirs (undo, sync bring them
    back). `older_than` (seconds) spares files stored since, whose document may still be on its
    way into the database from another thread. Returns how many were deleted; backups keep
    their own links."""
    store = store_of(ws)
    present = list(store.hashes())
    if not present:
        return 0
    with ws.read() as session:
        named = set(session.scalars(select(Document.sha256).where(Document.purged.is_(False))))
    horizon = time.time() - older_than
    deleted = 0
    for sha256 in present:
        if sha256 in named:
            continue
        path = store.path_of(sha256)
        with contextlib.suppress(OSError):
            if older_than and path.stat().st_mtime > horizon:
                continue
            store.delete(sha256)
            deleted += 1
    return deleted

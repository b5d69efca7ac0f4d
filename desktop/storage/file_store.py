"""The files attached to records, stored by content beside the database (never as blobs in rows).

A document's bytes live at `<db-dir>/<db-name>.files/ab/cdef…`, named by their SHA-256: the same
file attached twice, or arriving by sync from two peers, is stored once; a name can never point at
other bytes, so copying, linking and syncing files needs no locking and no conflict rules. A file
is written to a temporary name in its folder, hashed as it is written, fsynced and renamed into
place only when its hash is the name; so the store holds whole files or nothing. Stored files are
read-only and never rewritten in place, which is what makes hard links into a backup safe.

What the database row says (size, hash) is checked against the file when it is read: a file that
is missing or whose bytes no longer match is reported as such (`state`), never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.storage.files import TEMP_SUFFIX, fsync_dir, remove_leftovers, temporary_beside

STORE_SUFFIX = ".files"
BLOCK = 1 << 20
SHA256 = re.compile(r"[0-9a-f]{64}\Z")

# What `state` finds for a document's file.
PRESENT, MISSING, DAMAGED = "present", "missing", "damaged"


class FileTooLarge(ValueError):
    """A file beyond the limit per file; nothing was stored."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes, the limit is {limit}")
        self.size = size
        self.limit = limit


class HashMismatch(ValueError):
    """Bytes that are not what their name says (a damaged or forged file); nothing was stored."""


def store_dir(db_path: Path) -> Path:
    """Where the files of the database at `db_path` live (and those of a backup beside it)."""
    return db_path.with_name(db_path.name + STORE_SUFFIX)


def is_sha256(text: str) -> bool:
    return isinstance(text, str) and SHA256.match(text) is not None


def hash_file(path: Path) -> tuple[str, int]:
    """(SHA-256 in hex, size in bytes) of the file at `path`."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while block := fh.read(BLOCK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


class FileStore:
    """A content-addressed folder of files: `root/ab/cdef…` holds the bytes whose SHA-256 is
    `abcdef…`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @classmethod
    def beside(cls, db_path: Path) -> FileStore:
        return cls(store_dir(db_path))

    def path_of(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError("not a SHA-256 in hex")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def hashes(self) -> Iterator[str]:
        """Every file the store holds (by name; the bytes are not read)."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if len(folder.name) != 2 or not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                name = folder.name + path.name
                if is_sha256(name) and path.is_file():
                    yield name

    def state(self, sha256: str, size: int, *, verify: bool = False) -> str:
        """PRESENT, MISSING or DAMAGED. Without `verify` only the size is compared (cheap enough
        for a list); with it the bytes are hashed."""
        path = self.path_of(sha256)
        try:
            actual = path.stat().st_size
        except OSError:
            return MISSING
        if actual != size:
            return DAMAGED
        if verify:
            try:
                found, _ = hash_file(path)
            except OSError:
                return MISSING
            if found != sha256:
                return DAMAGED
        return PRESENT

    def add(self, source: Path, *, limit: int | None = None) -> tuple[str, int]:
        """Store a copy of the file at `source`; returns (sha256, size). Refuses a file beyond
        `limit` bytes (FileTooLarge) before copying anything."""
        size = source.stat().st_size
        if limit is not None and size > limit:
            raise FileTooLarge(size, limit)

        def blocks() -> Iterator[bytes]:
            with source.open("rb") as fh:
                while block := fh.read(BLOCK):
                    yield block

        return self.put(blocks(), limit=limit)

    def put(
        self, blocks: Iterable[bytes], expected: str | None = None, *, limit: int | None = None
    ) -> tuple[str, int]:
        """Store the bytes of `blocks`; returns (sha256, size).

        With `expected`, bytes that hash to anything else raise HashMismatch and nothing is
        stored. A file already there is kept as it is (same name, same bytes) unless it is
        damaged, in which case the good copy replaces it.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.root, f"*{TEMP_SUFFIX}")
        temp = temporary_beside(self.root / "incoming")
        digest = hashlib.sha256()
        size = 0
        try:
            with temp.open("wb") as fh:
                for block in blocks:
                    size += len(block)
                    if limit is not None and size > limit:
                        raise FileTooLarge(size, limit)
                    digest.update(block)
                    fh.write(block)
                fh.flush()
                os.fsync(fh.fileno())
            sha256 = digest.hexdigest()
            if expected is not None and sha256 != expected:
                raise HashMismatch(f"expected {expected[:12]}…, found {sha256[:12]}…")
            target = self.path_of(sha256)
            if self.state(sha256, size, verify=True) == PRESENT:
                temp.unlink()
                return sha256, size
            target.parent.mkdir(exist_ok=True)
            os.chmod(temp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            if target.exists():  # damaged: make room for the good copy
                os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
            os.replace(temp, target)
            fsync_dir(target.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            raise
        return sha256, size

    def read_blocks(self, sha256: str, size: int = BLOCK) -> Iterator[bytes]:
        with self.path_of(sha256).open("rb") as fh:
            while block := fh.read(size):
                yield block

    def copy_out(self, sha256: str, target: Path) -> Path:
        """A writable copy of a stored file at `target`, its bytes checked against the hash on
        the way (HashMismatch: the stored file is damaged; the copy is removed)."""
        digest = hashlib.sha256()
        try:
            with target.open("wb") as fh:
                for block in self.read_blocks(sha256):
                    digest.update(block)
                    fh.write(block)
            if digest.hexdigest() != sha256:
                raise HashMismatch(f"{sha256[:12]}… does not match its bytes")
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink(missing_ok=True)
            raise
        return target

    def link_into(self, other: FileStore, hashes: Iterable[str] | None = None) -> int:
        """Put this store's files (or the given ones) into `other`: a hard link where the file
        system allows (stored files never change), else a copy. Returns how many were added."""
        added = 0
        for sha256 in self.hashes() if hashes is None else hashes:
            source = self.path_of(sha256)
            if not source.is_file() or other.has(sha256):
                continue
            target = other.path_of(sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:
                other.put(self.read_blocks(sha256), sha256)
            added += 1
        return added

    def delete(self, sha256: str) -> None:
        """Delete one stored file (one no record names any more)."""
        path = self.path_of(sha256)
        with contextlib.suppress(OSError):
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)  # Windows deletes no read-only file
        path.unlink(missing_ok=True)

    def remove(self) -> None:
        """Delete the whole store (the files of a backup that rotation removes)."""
        if not self.root.is_dir():
            return

        def writable(_function: object, path: str, _exc: object) -> None:
            # Stored files are read-only; Windows refuses to delete those until they are not.
            os.chmod(path, stat.S_IRWXU)
            os.unlink(path)

        shutil.rmtree(self.root, onerror=writable)


def carry_files(source_db: Path, target_db: Path) -> int:
    """Put the files beside the database `source_db` beside `target_db` too (a backup made, a
    backup restored): hard links where possible. Returns how many were added."""
    source = FileStore.beside(source_db)
    if not source.root.is_dir():
        return 0
    return source.link_into(FileStore.beside(target_db))

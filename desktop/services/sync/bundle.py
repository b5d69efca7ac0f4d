"""The sync file: an authenticated header, then compressed JSON lines in encrypted chunks.

Layout (all integers big-endian):

    magic        16 bytes  b"\\x89PURSUIT-SYNC\\r\\n\\x1a\\n" (binary, like PNG: text-mode copies
                           and a truncated first block are caught at once)
    format        2 bytes  1 (a newer number is refused: "written by a newer Pursuit")
    header size   4 bytes  then the header: UTF-8 JSON, no customer data — export id, source
                           site and its name, time, scope, schema, the record kinds and their
                           columns, counts, the cipher and the key-derivation parameters
    header check 32 bytes  SHA-256 of everything before it: damage, told apart from a wrong
                           passphrase
    header MAC   32 bytes  (encrypted files) HMAC-SHA256 under a key from the passphrase: a
                           wrong passphrase is known before any content is read
    chunks       repeated  size (4 bytes) + body; the body is AES-256-GCM of up to `chunk_size`
                           bytes of the zlib stream, nonce = chunk number (11 bytes) + 1 if it
                           is the last chunk, associated data = the header check. So a flipped
                           bit, a reordered, dropped or repeated chunk, a cut-off end or a chunk
                           from another file all fail authentication. Plain files (only when the
                           user asks) carry a SHA-256 tag over the same inputs instead.

The key: Argon2id (RFC 9106's second recommended setting: 64 MiB, 3 passes, 4 lanes, 16-byte
random salt) over the passphrase (NFC), then HKDF-SHA256 into a header key and a content key. A
reader refuses parameters beyond `KDF_LIMITS` before deriving anything, so a file cannot make the
program spend minutes or gigabytes.

The plaintext is JSON lines: one record per line, `[kind, id, value, ...]` in the column order the
header declares for the kind, grouped by kind in the header's order (parents first), ending with
`["#end", {"counts": {kind: n}, "records": n}]`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"\x89PURSUIT-SYNC\r\n\x1a\n"
FORMAT = 1
SUFFIX = ".pursuit-sync"
CHUNK_SIZE = 1 << 20
MIN_CHUNK, MAX_CHUNK = 1 << 10, 1 << 24
MAX_HEADER = 1 << 20
MAX_FILE = 1 << 34  # 16 GiB: far beyond any real export; refuses nonsense before reading it
MAX_LINE = 1 << 24
TAG = 16
END = "#end"

DEFAULT_KDF = {"name": "argon2id", "memory_kib": 65536, "iterations": 3, "lanes": 4}
KDF_LIMITS = {"memory_kib": 262144, "iterations": 10, "lanes": 16}

_PREAMBLE = struct.Struct(">HI")
_CHUNK = struct.Struct(">I")


class BundleError(Exception):
    """A file refused: `code` picks the user's message; nothing was imported."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def nfc(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


@dataclass(frozen=True)
class Keys:
    header: bytes
    content: bytes


def derive_keys(passphrase: str, kdf: dict[str, Any]) -> Keys:
    check_kdf(kdf)
    master = Argon2id(
        salt=base64.b64decode(kdf["salt"]),
        length=32,
        iterations=kdf["iterations"],
        lanes=kdf["lanes"],
        memory_cost=kdf["memory_kib"],
    ).derive(nfc(passphrase))

    def expand(info: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)

    return Keys(expand(b"pursuit-sync/1 header"), expand(b"pursuit-sync/1 content"))


def check_kdf(kdf: Any) -> None:
    """Refuse unknown or too costly key-derivation parameters (before spending anything)."""
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise BundleError("too_new", "unknown key derivation")
    try:
        salt = base64.b64decode(kdf["salt"], validate=True)
        memory, iterations, lanes = kdf["memory_kib"], kdf["iterations"], kdf["lanes"]
    except (KeyError, TypeError, ValueError) as exc:
        raise BundleError("damaged", "bad key-derivation parameters") from exc
    numbers = (memory, iterations, lanes)
    if not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in numbers):
        raise BundleError("damaged", "bad key-derivation parameters")
    if not 16 <= len(salt) <= 64 or memory < 8 * lanes:
        raise BundleError("damaged", "bad key-derivation parameters")
    if (
        memory > KDF_LIMITS["memory_kib"]
        or iterations > KDF_LIMITS["iterations"]
        or lanes > KDF_LIMITS["lanes"]
    ):
        raise BundleError("kdf_too_costly", f"{memory} KiB, {iterations} passes, {lanes} lanes")


def new_kdf(params: dict[str, Any] | None = None) -> dict[str, Any]:
    kdf = dict(params or DEFAULT_KDF)
    kdf["salt"] = base64.b64encode(os.urandom(16)).decode("ascii")
    return kdf


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _plain_tag(check: bytes, index: int, last: bool, data: bytes) -> bytes:
    return hashlib.sha256(check + _nonce(index, last) + data).digest()[:TAG]


class BundleWriter:
    """Streams lines into a file: compress, cut into chunks, seal each chunk."""

    def __init__(self, fh: BinaryIO, header: dict[str, Any], keys: Keys | None) -> None:
        self.fh = fh
        self.keys = keys
        self.chunk_size = int(header["chunk_size"])
        text = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
        head = MAGIC + _PREAMBLE.pack(FORMAT, len(text)) + text
        self.check = hashlib.sha256(head).digest()
        fh.write(head + self.check)
        if keys is not None:
            fh.write(hmac.new(keys.header, head + self.check, hashlib.sha256).digest())
        self._aead = AESGCM(keys.content) if keys is not None else None
        self._compressor = zlib.compressobj(1)
        self._pending = bytearray()
        self._index = 0
        self.bytes_written = fh.tell()

    def write(self, data: bytes) -> None:
        self._pending += self._compressor.compress(data)
        while len(self._pending) > self.chunk_size:
            piece = bytes(self._pending[: self.chunk_size])
            del self._pending[: self.chunk_size]
            self._seal(piece, last=False)

    def close(self) -> None:
        self._pending += self._compressor.flush()
        while len(self._pending) > self.chunk_size:
            piece = bytes(self._pending[: self.chunk_size])
            del self._pending[: self.chunk_size]
            self._seal(piece, last=False)
        self._seal(bytes(self._pending), last=True)
        self._pending.clear()

    def _seal(self, data: bytes, *, last: bool) -> None:
        if self._aead is not None:
            body = self._aead.encrypt(_nonce(self._index, last), data, self.check)
        else:
            body = data + _plain_tag(self.check, self._index, last, data)
        self.fh.write(_CHUNK.pack(len(body)) + body)
        self.bytes_written += _CHUNK.size + len(body)
        self._index += 1


@dataclass
class Header:
    """What a file says about itself, before any passphrase."""

    fields: dict[str, Any]
    raw: bytes  # magic .. header text, as checked
    check: bytes
    mac: bytes | None
    offset: int  # where the chunks start
    size: int  # file size

    @property
    def encrypted(self) -> bool:
        return self.fields.get("cipher") == "aes-256-gcm"

    @property
    def chunk_size(self) -> int:
        return int(self.fields["chunk_size"])


def read_header(path: Path) -> Header:
    """Check size, magic, format and the header's integrity; no passphrase needed."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise BundleError("not_bundle", "a folder")
        with path.open("rb") as fh:
            head = fh.read(len(MAGIC) + _PREAMBLE.size)
            if len(head) < len(MAGIC) or head[: len(MAGIC)] != MAGIC:
                raise BundleError("not_bundle", "no Pursuit sync magic")
            if size > MAX_FILE:
                raise BundleError("too_large", f"{size} bytes")
            if len(head) < len(MAGIC) + _PREAMBLE.size:
                raise BundleError("damaged", "cut off in the header")
            version, length = _PREAMBLE.unpack(head[len(MAGIC) :])
            if version > FORMAT:
                raise BundleError("too_new", f"format {version}")
            if version < 1:
                raise BundleError("damaged", f"format {version}")
            if length > MAX_HEADER:
                raise BundleError("damaged", "header too large")
            text = fh.read(length)
            check = fh.read(32)
            if len(text) < length or len(check) < 32:
                raise BundleError("damaged", "cut off in the header")
            raw = head + text
            if not hmac.compare_digest(hashlib.sha256(raw).digest(), check):
                raise BundleError("damaged", "header checksum")
            try:
                fields = json.loads(text.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise BundleError("damaged", "header is not JSON") from exc
            if not isinstance(fields, dict):
                raise BundleError("damaged", "header is not an object")
            mac = None
            if fields.get("cipher") == "aes-256-gcm":
                mac = fh.read(32)
                if len(mac) < 32:
                    raise BundleError("damaged", "cut off in the header")
            elif fields.get("cipher") != "none":
                raise BundleError("too_new", f"cipher {fields.get('cipher')!r}")
            offset = fh.tell()
    except OSError as exc:
        raise BundleError("unreadable", exc.strerror or str(exc)) from exc
    header = Header(fields, raw, check, mac, offset, size)
    _check_header_fields(header)
    return header


def _check_header_fields(header: Header) -> None:
    f = header.fields
    if f.get("format") != FORMAT and isinstance(f.get("format"), int) and f["format"] > FORMAT:
        raise BundleError("too_new", f"format {f['format']}")
    if f.get("format") != FORMAT or f.get("app") != "Pursuit":
        raise BundleError("damaged", "header fields")
    if f.get("compression") != "zlib":
        raise BundleError("too_new", f"compression {f.get('compression')!r}")
    chunk = f.get("chunk_size")
    if not isinstance(chunk, int) or isinstance(chunk, bool) or not MIN_CHUNK <= chunk <= MAX_CHUNK:
        raise BundleError("damaged", "chunk size")
    if header.encrypted:
        check_kdf(f.get("kdf"))
    for key in ("export_id", "site", "created"):
        if not isinstance(f.get(key), str):
            raise BundleError("damaged", f"header {key}")
    if not isinstance(f.get("kinds"), list):
        raise BundleError("damaged", "header kinds")


def unlock(header: Header, passphrase: str | None) -> Keys | None:
    """The content keys of an encrypted file (None for a plain one)."""
    if not header.encrypted:
        return None
    if not passphrase:
        raise BundleError("needs_passphrase")
    keys = derive_keys(passphrase, header.fields["kdf"])
    expected = hmac.new(keys.header, header.raw + header.check, hashlib.sha256).digest()
    if header.mac is None or not hmac.compare_digest(expected, header.mac):
        raise BundleError("wrong_passphrase")
    return keys


def chunks(
    path: Path, header: Header, keys: Keys | None, progress: Callable[[int], None] | None = None
) -> Iterator[bytes]:
    """The opened chunks, in order, each authenticated; the last one must be marked last."""
    aead = AESGCM(keys.content) if keys is not None else None
    limit = header.chunk_size + TAG
    try:
        with path.open("rb") as fh:
            fh.seek(header.offset)
            index = 0
            done = False
            while True:
                size_bytes = fh.read(_CHUNK.size)
                if not size_bytes:
                    break
                if done:
                    raise BundleError("damaged", "data after the last chunk")
                if len(size_bytes) < _CHUNK.size:
                    raise BundleError("damaged", "cut off")
                (size,) = _CHUNK.unpack(size_bytes)
                if not TAG <= size <= limit:
                    raise BundleError("damaged", f"chunk {index} size {size}")
                body = fh.read(size)
                if len(body) < size:
                    raise BundleError("damaged", "cut off")
                data, done = _open_chunk(aead, header.check, index, body)
                index += 1
                if progress is not None:
                    progress(fh.tell())
                yield data
            if not done:
                raise BundleError("damaged", "cut off: the last chunk is missing")
    except OSError as exc:
        raise BundleError("unreadable", exc.strerror or str(exc)) from exc


def _open_chunk(aead: AESGCM | None, check: bytes, index: int, body: bytes) -> tuple[bytes, bool]:
    for last in (False, True):
        if aead is not None:
            try:
                return aead.decrypt(_nonce(index, last), body, check), last
            except InvalidTag:
                continue
        data, tag = body[:-TAG], body[-TAG:]
        if hmac.compare_digest(_plain_tag(check, index, last, data), tag):
            return data, last
    raise BundleError("damaged", f"chunk {index} fails authentication")


def lines(blocks: Iterator[bytes]) -> Iterator[bytes]:
    """Decompress the chunk stream and cut it into lines (bounded memory, no bombs)."""
    decompressor = zlib.decompressobj()
    rest = b""
    step = 8 * MAX_CHUNK
    try:
        for block in blocks:
            data = block
            while data:
                out = decompressor.decompress(data, step)
                data = decompressor.unconsumed_tail
                if decompressor.eof and (data or decompressor.unused_data):
                    raise BundleError("damaged", "data after the end of the stream")
                rest += out
                if b"\n" in out:
                    *complete, rest = rest.split(b"\n")
                    yield from complete
                if len(rest) > MAX_LINE:
                    raise BundleError("damaged", "a line is too long")
        if not decompressor.eof:
            raise BundleError("damaged", "the compressed stream is incomplete")
    except zlib.error as exc:
        raise BundleError("damaged", f"compression: {exc}") from exc
    if rest:
        yield rest


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
    except OSError as exc:
        raise BundleError("unreadable", exc.strerror or str(exc)) from exc
    return h.hexdigest()

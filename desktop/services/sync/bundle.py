"""The sync file: a clear header with only what the key needs, a sealed header, then sealed chunks.

Layout of format 3 (all integers big-endian; format 2 is the same less the file salt):

    magic        16 bytes  b"\\x89PURSUIT-SYNC\\r\\n\\x1a\\n" (binary, like PNG: text-mode copies
                           and a truncated first block are caught at once)
    format        2 bytes  3 (a newer number is refused: "written by a newer Pursuit")
    clear size    4 bytes  then the clear header: UTF-8 JSON `{"format": 3, "kdf": {...} | null}`,
                           the key-derivation parameters and salt and nothing else — who sent the
                           file, when, and what it holds are inside the sealed header
    key check    32 bytes  (encrypted files) a value derived from the passphrase apart from the
                           keys: a wrong passphrase is told from a damaged header, which fails the
                           checks below instead
    header check 32 bytes  SHA-256 of everything before it: damage of the clear part is found
                           before any key is derived
    sealed header          size (4 bytes) + body: the header proper (export id, source site and its
                           name, time, scope, schema, the record kinds and their columns, counts,
                           chunk size), AES-256-GCM under the header key with the header check as
                           associated data; a plain file carries the JSON and a SHA-256 tag
    chunks       repeated  size (4 bytes) + body; the body is AES-256-GCM of up to `chunk_size`
                           bytes of the zlib stream, nonce = chunk number (11 bytes) + 1 if it
                           is the last chunk, associated data = SHA-256(header check + sealed
                           header). So a flipped bit, a reordered, dropped or repeated chunk, a
                           cut-off end or a chunk from another file all fail authentication. Plain
                           files (only when the user asks) carry a SHA-256 tag over the same
                           inputs instead.

Format 1 (still read, never written) had the whole header in clear, its SHA-256, and an HMAC of it
under the header key in place of the key check; its chunks' associated data is the header check.

The key: Argon2id (RFC 9106's second recommended setting: 64 MiB, 3 passes, 4 lanes, 16-byte
random team salt) over the passphrase (NFC) gives the team key, derived once per passphrase and
salt in a session (a writer keeps one team salt per session); HKDF-SHA256 salted with the file's
own random `file_salt` (in the key derivation's parameters, format 3) then gives the file's header
key, content key and key check. Format 2 files (no file salt: HKDF unsalted, Argon2id per file's
salt) still read. A reader refuses parameters beyond `KDF_LIMITS` before deriving anything, so a
file cannot make the program spend minutes or gigabytes. Every header field is checked against a
strict schema (types, sizes, nesting) before anything uses it.

The plaintext is JSON lines: one record per line, `[kind, id, value, ...]` in the column order the
header declares for the kind, grouped by kind in the header's order (parents first), ending with
`["#end", {"counts": {kind: n}, "records": n}]`. It is decompressed a bounded piece at a time, and
a line longer than `MAX_LINE`, or more lines than the header declares, is refused as damage.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import os
import re
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

from desktop.storage import files

MAGIC = b"\x89PURSUIT-SYNC\r\n\x1a\n"
FORMAT = 3
SUFFIX = ".pursuit-sync"
CIPHER = "aes-256-gcm"
CHUNK_SIZE = 1 << 20
MIN_CHUNK, MAX_CHUNK = 1 << 10, 1 << 24
MAX_HEADER = 1 << 20
MAX_FILE = 1 << 34  # 16 GiB: far beyond any real export; refuses nonsense before reading it
MAX_LINE = 1 << 24
MAX_RECORDS = 1 << 40  # a count beyond this is not a count
MAX_NAME = 10_000  # a site's name as sent (anyone can type a long one); kept cut to 200
# Values in one line (JSON containers and separators outside strings): a record has a few dozen;
# the bound keeps a short line of `{},{},…` from becoming hundreds of megabytes of objects.
MAX_VALUES = 100_000
STEP = 1 << 18  # decompressed bytes per step: memory stays flat whatever the ratio
TAG = 16
END = "#end"
HEADER_NONCE = bytes(12)  # the header key seals one message only

DEFAULT_KDF = {"name": "argon2id", "memory_kib": 65536, "iterations": 3, "lanes": 4}
KDF_LIMITS = {"memory_kib": 262144, "iterations": 10, "lanes": 16}

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)

_PREAMBLE = struct.Struct(">HI")
_CHUNK = struct.Struct(">I")


class BundleError(Exception):
    """A file refused: `code` picks the user's message; nothing was imported.

    `values` fill the placeholders of that message (a subclass names them).
    """

    def __init__(self, code: str, detail: str = "", **values: Any) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.values: dict[str, Any] = values


class ClockAhead(BundleError):
    """The file's change times lie beyond this computer's clock plus the allowed skew."""

    def __init__(self, sender: str, detail: str = "") -> None:
        super().__init__("clock_ahead", detail, sender=sender)
        self.sender = sender


def nfc(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


@dataclass(frozen=True)
class Keys:
    header: bytes
    content: bytes
    check: bytes = b""  # the key check value (format 2 on)


def derive_keys(passphrase: str, kdf: dict[str, Any], version: int = FORMAT) -> Keys:
    """The keys of one file: the team key (Argon2id, cached), then HKDF into the file's keys.

    From format 3 the HKDF salt is the file's own random `file_salt`, so every file has keys of
    its own while the costly Argon2id runs once per passphrase and team salt in a session.
    """
    check_kdf(kdf)
    salt: bytes | None = None
    if version >= 3:
        if "file_salt" not in kdf:
            raise BundleError("damaged", "bad key-derivation parameters")
        salt = base64.b64decode(kdf["file_salt"])
    master = team_key(passphrase, kdf)

    def expand(info: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(master)

    label = b"pursuit-sync/%d " % version
    check = expand(label + b"key check") if version >= 2 else b""
    return Keys(expand(label + b"header"), expand(label + b"content"), check)


# Team keys derived in this session: (passphrase, salt, cost) -> Argon2id output. Argon2id is
# made to be slow (64 MiB, three passes: a third of a second here); a sync folder round reads and
# writes many files under one passphrase, and each file's own keys come from HKDF with its salt.
_TEAM_KEYS: dict[tuple[bytes, str, int, int, int], bytes] = {}
_TEAM_KEYS_KEPT = 64  # passphrase x peer pairs in one session; beyond, the oldest is dropped


def team_key(passphrase: str, kdf: dict[str, Any]) -> bytes:
    """Argon2id of the passphrase under the file's team salt and cost, once per session."""
    secret = nfc(passphrase)
    key = (secret, str(kdf["salt"]), kdf["memory_kib"], kdf["iterations"], kdf["lanes"])
    master = _TEAM_KEYS.get(key)
    if master is None:
        master = Argon2id(
            salt=base64.b64decode(kdf["salt"]),
            length=32,
            iterations=kdf["iterations"],
            lanes=kdf["lanes"],
            memory_cost=kdf["memory_kib"],
        ).derive(secret)
        if len(_TEAM_KEYS) >= _TEAM_KEYS_KEPT:
            _TEAM_KEYS.pop(next(iter(_TEAM_KEYS)))
        _TEAM_KEYS[key] = master
    return master


def forget_keys() -> None:
    """Drop the session's team keys and salts (a passphrase changed, the program locks)."""
    _TEAM_KEYS.clear()
    _SESSION_SALTS.clear()


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
    if "file_salt" in kdf:
        try:
            file_salt = base64.b64decode(kdf["file_salt"], validate=True)
        except (TypeError, ValueError) as exc:
            raise BundleError("damaged", "bad key-derivation parameters") from exc
        if not 16 <= len(file_salt) <= 64:
            raise BundleError("damaged", "bad key-derivation parameters")
    if (
        memory > KDF_LIMITS["memory_kib"]
        or iterations > KDF_LIMITS["iterations"]
        or lanes > KDF_LIMITS["lanes"]
    ):
        raise BundleError("kdf_too_costly", f"{memory} KiB, {iterations} passes, {lanes} lanes")


# The team salt this session writes with, per cost: one Argon2id per passphrase and session.
_SESSION_SALTS: dict[tuple[int, int, int], str] = {}


def new_kdf(params: dict[str, Any] | None = None) -> dict[str, Any]:
    """Key-derivation parameters for a new file: the session's team salt, a fresh file salt."""
    kdf = dict(params or DEFAULT_KDF)
    cost = (kdf["memory_kib"], kdf["iterations"], kdf["lanes"])
    if cost not in _SESSION_SALTS:
        _SESSION_SALTS[cost] = base64.b64encode(os.urandom(16)).decode("ascii")
    kdf["salt"] = _SESSION_SALTS[cost]
    kdf["file_salt"] = base64.b64encode(os.urandom(16)).decode("ascii")
    return kdf


# --- JSON from a file: bounded before it is built ---------------------------------------------
def _not_a_number(text: str) -> float:
    raise ValueError(f"{text} is not a JSON number")


# One decoder: `json.loads` with options would build a new one for every line. A number too
# large for a float (1e999) still parses, as infinity: the schema's checks of numbers and
# `depth_within` refuse it (a hook on every float would cost more than both).
_DECODER = JSON_DECODER = json.JSONDecoder(parse_constant=_not_a_number)


# Nesting is refused before parsing, far below the parser's recursion limit: a file must never
# drive the interpreter to that limit, where any finalizer that happens to run then fails too.
MAX_NESTING = 64
_BRACKETS = re.compile(rb"[\[\]{}]")


def _too_deep(data: bytes) -> bool:
    """Whether the JSON text nests more than `MAX_NESTING` containers (strings left out)."""
    if data.count(b"[") + data.count(b"{") <= MAX_NESTING:
        return False
    depth = 0
    for bracket in _BRACKETS.findall(_STRING.sub(b'""', data)):
        depth += 1 if bracket in (b"[", b"{") else -1
        if depth > MAX_NESTING:
            return True
    return False


def load_json(data: bytes, what: str) -> Any:
    """Parse JSON from a file, or refuse it as damage: never more than `MAX_VALUES` values.

    A cheap count of separators and brackets finds the rare text that could hold that many (they
    may sit inside strings, which are then left out and counted again); nesting too deep for the
    parser, NaN and Infinity are refused alike.
    """
    if data.count(b",") + data.count(b"[") + data.count(b"{") > MAX_VALUES:
        bare = _STRING.sub(b'""', data)
        if bare.count(b",") + bare.count(b"[") + bare.count(b"{") > MAX_VALUES:
            raise BundleError("damaged", f"{what} holds too many values")
    if _too_deep(data):
        raise BundleError("damaged", f"{what} is nested too deeply")
    try:
        return _DECODER.decode(data.decode("utf-8"))  # (bytes: through encoding detection)
    except RecursionError as exc:
        raise BundleError("damaged", f"{what} is nested too deeply") from exc
    except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise BundleError("damaged", f"{what} is not JSON") from exc


def depth_within(value: Any, limit: int) -> bool:
    """True when a parsed JSON value nests no deeper than `limit` containers, all numbers finite."""
    if isinstance(value, list):
        return limit > 0 and all(depth_within(v, limit - 1) for v in value)
    if isinstance(value, dict):
        return limit > 0 and all(depth_within(v, limit - 1) for v in value.values())
    return not isinstance(value, float) or math.isfinite(value)


# --- the header's schema ----------------------------------------------------------------------
def _whole(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _text(value: Any, longest: int) -> bool:
    return type(value) is str and len(value) <= longest


def _uuid(value: Any) -> bool:
    return type(value) is str and UUID.match(value) is not None


def _check_clear(fields: Any, version: int) -> dict[str, Any]:
    """The clear header of format 2 on: the format and the key derivation (or null), nothing
    else; from format 3 an encrypted file's key derivation carries its own `file_salt`."""
    if not isinstance(fields, dict) or set(fields) != {"format", "kdf"}:
        raise BundleError("damaged", "clear header fields")
    if fields["format"] != version or type(fields["format"]) is not int:
        raise BundleError("damaged", "clear header format")
    if fields["kdf"] is not None:
        check_kdf(fields["kdf"])
        if version >= 3 and "file_salt" not in fields["kdf"]:
            raise BundleError("damaged", "bad key-derivation parameters")
    return fields


def check_fields(fields: Any, version: int) -> dict[str, Any]:
    """The header proper against its schema; raises BundleError, returns it when sound.

    Unknown keys are allowed (a later version may add some) and never read.
    """
    if not isinstance(fields, dict):
        raise BundleError("damaged", "header is not an object")
    fmt = fields.get("format")
    if type(fmt) is int and fmt > FORMAT:
        raise BundleError("too_new", f"format {fmt}")
    if fmt != version or type(fmt) is not int or fields.get("app") != "Pursuit":
        raise BundleError("damaged", "header fields")
    if version == 1:
        cipher = fields.get("cipher")
        if cipher not in (CIPHER, "none"):
            raise BundleError("too_new", f"cipher {str(cipher)[:40]!r}")
        if cipher == CIPHER:
            check_kdf(fields.get("kdf"))
    compression = fields.get("compression")
    if compression != "zlib":
        raise BundleError("too_new", f"compression {str(compression)[:40]!r}")
    if not _whole(fields.get("chunk_size"), MIN_CHUNK, MAX_CHUNK):
        raise BundleError("damaged", "chunk size")
    for key in ("export_id", "site"):
        if not _uuid(fields.get(key)):
            raise BundleError("damaged", f"header {key}")
    if not _text(fields.get("created"), 64):
        raise BundleError("damaged", "header created")
    for key in ("site_name", "app_version", "schema"):
        if fields.get(key) is not None and not _text(fields[key], MAX_NAME):
            raise BundleError("damaged", f"header {key}")
    sites = fields.get("sites")
    if sites is not None and not (
        isinstance(sites, dict)
        and len(sites) <= 100_000
        and all(_uuid(k) and _text(v, MAX_NAME) for k, v in sites.items())
    ):
        raise BundleError("damaged", "site names")
    scope = fields.get("scope")
    if scope is not None and not (
        isinstance(scope, dict)
        and (
            scope == {"all": True}
            or (
                set(scope) == {"pursuits"}
                and isinstance(scope["pursuits"], list)
                and all(_uuid(p) for p in scope["pursuits"])
            )
        )
    ):
        raise BundleError("damaged", "header scope")
    kinds = fields.get("kinds")
    if not isinstance(kinds, list) or len(kinds) > 1000:
        raise BundleError("damaged", "header kinds")
    for item in kinds:
        if not (
            isinstance(item, dict)
            and _text(item.get("kind"), 64)
            and isinstance(item.get("columns"), list)
            and len(item["columns"]) <= 1000
            and all(_text(c, 64) for c in item["columns"])
        ):
            raise BundleError("damaged", "header kinds")
    counts = fields.get("counts")
    if not (
        isinstance(counts, dict)
        and len(counts) <= 1000
        and all(_text(k, 64) and _whole(v, 0, MAX_RECORDS) for k, v in counts.items())
    ):
        raise BundleError("damaged", "header counts")
    if sum(counts.values()) > MAX_RECORDS:
        raise BundleError("damaged", "header counts")
    return fields


# --- writing ----------------------------------------------------------------------------------
def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _plain_tag(check: bytes, index: int, last: bool, data: bytes) -> bytes:
    return hashlib.sha256(check + _nonce(index, last) + data).digest()[:TAG]


def _header_tag(check: bytes, data: bytes) -> bytes:
    return hashlib.sha256(b"header" + check + data).digest()[:TAG]


def _binding(check: bytes, sealed: bytes) -> bytes:
    return hashlib.sha256(check + sealed).digest()


class BundleWriter:
    """Streams lines into a file: compress, cut into chunks, seal each chunk.

    `header` is the whole header, its `kdf` included; the writer puts the key derivation in clear
    and everything else in the sealed header.
    """

    def __init__(self, fh: BinaryIO, header: dict[str, Any], keys: Keys | None) -> None:
        self.fh = fh
        self.keys = keys
        self.chunk_size = int(header["chunk_size"])
        clear = {"format": FORMAT, "kdf": header.get("kdf") if keys is not None else None}
        private = {k: v for k, v in header.items() if k not in ("kdf", "cipher")}
        private["format"] = FORMAT
        text = json.dumps(clear, sort_keys=True).encode("utf-8")
        head = MAGIC + _PREAMBLE.pack(FORMAT, len(text)) + text
        if keys is not None:
            head += keys.check
        check = hashlib.sha256(head).digest()
        inner = json.dumps(private, ensure_ascii=False, sort_keys=True).encode("utf-8")
        if keys is not None:
            sealed = AESGCM(keys.header).encrypt(HEADER_NONCE, inner, check)
        else:
            sealed = inner + _header_tag(check, inner)
        fh.write(head + check + _CHUNK.pack(len(sealed)) + sealed)
        self.check = _binding(check, sealed)
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


# --- reading ----------------------------------------------------------------------------------
@dataclass
class Header:
    """What a file says about itself: the clear part at once, the rest once it is opened."""

    path: Path
    version: int
    fields: dict[str, Any]  # format 1: all; format 2: clear, plus the sealed header once opened
    kdf: dict[str, Any] | None  # None: a plain file
    raw: bytes  # what the header check covers
    check: bytes
    mac: bytes | None  # format 1: the header's HMAC
    key_check: bytes | None  # format 2: the key check value
    sealed: bytes | None  # format 2: the sealed header as stored
    binding: bytes  # the chunks' associated data
    offset: int  # where the chunks start
    size: int  # file size
    opened: bool  # the header proper is in `fields`, checked

    @property
    def encrypted(self) -> bool:
        return self.kdf is not None

    @property
    def chunk_size(self) -> int:
        return int(self.fields["chunk_size"])

    @property
    def max_lines(self) -> int:
        """The most lines the content may have: the declared records and the end marker."""
        counts: dict[str, int] = self.fields["counts"]  # checked: whole numbers
        return sum(counts.values()) + 1


def read_header(path: Path) -> Header:
    """Check size, magic, format and the header's integrity; no passphrase needed.

    A plain file's header is opened and checked here too; an encrypted one's by `unlock`.
    """
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise BundleError("not_bundle", "a folder")
        if files.held(path):  # our own open database: reading it by hand would drop its locks
            raise BundleError("not_bundle", "the database this program has open")
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
            text = _read(fh, length)
            if version == 1:
                header = _read_v1(fh, head, text)
            else:
                header = _read_v2(fh, head, text, version)
            header.path = path
            header.offset = fh.tell()
            header.size = size
    except OSError as exc:
        raise BundleError("unreadable", exc.strerror or str(exc)) from exc
    if header.version >= 2 and not header.encrypted:
        _open_sealed(header, None)
    return header


def _read(fh: BinaryIO, size: int) -> bytes:
    data = fh.read(size)
    if len(data) < size:
        raise BundleError("damaged", "cut off in the header")
    return data


def _read_v1(fh: BinaryIO, head: bytes, text: bytes) -> Header:
    check = _read(fh, 32)
    raw = head + text
    if not hmac.compare_digest(hashlib.sha256(raw).digest(), check):
        raise BundleError("damaged", "header checksum")
    fields = check_fields(load_json(text, "the header"), 1)
    encrypted = fields["cipher"] == CIPHER
    mac = _read(fh, 32) if encrypted else None
    kdf = fields["kdf"] if encrypted else None
    return Header(Path(), 1, fields, kdf, raw, check, mac, None, None, check, 0, 0, True)


def _read_v2(fh: BinaryIO, head: bytes, text: bytes, version: int) -> Header:
    """Formats 2 and 3 (the same layout; 3 adds the file salt to the key derivation)."""
    clear = load_json(text, "the header")
    encrypted = isinstance(clear, dict) and clear.get("kdf") is not None
    key_check = _read(fh, 32) if encrypted else None
    raw = head + text + (key_check or b"")
    check = _read(fh, 32)
    if not hmac.compare_digest(hashlib.sha256(raw).digest(), check):
        raise BundleError("damaged", "header checksum")
    clear = _check_clear(clear, version)
    (length,) = _CHUNK.unpack(_read(fh, _CHUNK.size))
    if not TAG <= length <= MAX_HEADER + TAG:
        raise BundleError("damaged", "sealed header size")
    sealed = _read(fh, length)
    binding = _binding(check, sealed)
    return Header(
        Path(),
        version,
        dict(clear),
        clear["kdf"],
        raw,
        check,
        None,
        key_check,
        sealed,
        binding,
        0,
        0,
        False,
    )


def _open_sealed(header: Header, keys: Keys | None) -> None:
    """Authenticate and check the sealed header (format 2); its fields join the clear ones."""
    assert header.sealed is not None
    if keys is not None:
        try:
            inner = AESGCM(keys.header).decrypt(HEADER_NONCE, header.sealed, header.check)
        except InvalidTag as exc:
            raise BundleError("damaged", "the sealed header fails authentication") from exc
    else:
        inner, tag = header.sealed[:-TAG], header.sealed[-TAG:]
        if not hmac.compare_digest(_header_tag(header.check, inner), tag):
            raise BundleError("damaged", "the sealed header fails its check")
    fields = check_fields(load_json(inner, "the header"), header.version)
    header.fields = {**fields, "format": header.version, "kdf": header.kdf}
    header.opened = True


def unlock(header: Header, passphrase: str | None) -> Keys | None:
    """The content keys of an encrypted file (None for a plain one); opens a sealed header.

    Only a key check that differs says "wrong passphrase": the header check has already shown
    the clear part intact, so a damaged sealed header, MAC or chunk is reported as damage.
    """
    if not header.encrypted:
        return None
    if not passphrase:
        raise BundleError("needs_passphrase")
    assert header.kdf is not None
    keys = derive_keys(passphrase, header.kdf, header.version)
    open_with(header, keys)
    return keys


def open_with(header: Header, keys: Keys) -> None:
    """Check the keys against an encrypted file's header, and open its sealed header."""
    if header.version == 1:
        expected = hmac.new(keys.header, header.raw + header.check, hashlib.sha256).digest()
        if header.mac is None or not hmac.compare_digest(expected, header.mac):
            # Format 1 has no key check: the first chunk tells a damaged MAC from a wrong key.
            if _first_chunk_opens(header, keys):
                raise BundleError("damaged", "header authentication")
            raise BundleError("wrong_passphrase")
        return
    assert header.key_check is not None
    if not hmac.compare_digest(keys.check, header.key_check):
        raise BundleError("wrong_passphrase")
    _open_sealed(header, keys)


def _first_chunk_opens(header: Header, keys: Keys) -> bool:
    try:
        with header.path.open("rb") as fh:
            fh.seek(header.offset)
            size_bytes = fh.read(_CHUNK.size)
            if len(size_bytes) < _CHUNK.size:
                return False
            (size,) = _CHUNK.unpack(size_bytes)
            if not TAG <= size <= header.chunk_size + TAG:
                return False
            body = fh.read(size)
    except OSError:
        return False
    try:
        _open_chunk(AESGCM(keys.content), header.binding, 0, body)
    except BundleError:
        return False
    return True


def chunks(
    path: Path, header: Header, keys: Keys | None, progress: Callable[[int], None] | None = None
) -> Iterator[bytes]:
    """The opened chunks, in order, each authenticated; the last one must be marked last."""
    if not header.opened:
        raise BundleError("needs_passphrase")
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
                data, done = _open_chunk(aead, header.binding, index, body)
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


def lines(blocks: Iterator[bytes], max_lines: int | None = None) -> Iterator[bytes]:
    """Decompress the chunk stream and cut it into lines, in bounded memory whatever it holds.

    Each step decompresses at most `STEP` bytes; a line longer than `MAX_LINE`, or more than
    `max_lines` lines (the header's count), is refused before it is held.
    """
    for piece in pieces(blocks, max_lines):
        yield from piece.split(b"\n")


def pieces(blocks: Iterator[bytes], max_lines: int | None = None) -> Iterator[bytes]:
    """The lines of the chunk stream a step at a time: each piece whole lines joined by newlines
    (no newline at its end), under the bounds of `lines`, which splits them.

    For a reader that works on many lines at once (one regular expression over a piece instead
    of Python work per line: the importer's pass over a file it mostly has already).
    """
    decompressor = zlib.decompressobj()
    rest: list[bytes] = []  # the start of a line that continues in the next step
    rest_size = 0
    count = 0
    limit = max_lines if max_lines is not None else 1 << 62
    try:
        for block in blocks:
            data = block
            while data:
                out = decompressor.decompress(data, STEP)
                data = decompressor.unconsumed_tail
                if decompressor.eof and (data or decompressor.unused_data):
                    raise BundleError("damaged", "data after the end of the stream")
                if not out:
                    continue
                newlines = out.count(b"\n")
                count += newlines
                if count > limit:
                    raise BundleError("damaged", "more lines than the header declares")
                if newlines:
                    last = out.rfind(b"\n")
                    rest.append(out[:last])
                    yield b"".join(rest)
                    rest, rest_size = [], 0
                    out = out[last + 1 :]
                if out:
                    rest.append(out)
                    rest_size += len(out)
                    if rest_size > MAX_LINE:
                        raise BundleError("damaged", "a line is too long")
        if not decompressor.eof:
            raise BundleError("damaged", "the compressed stream is incomplete")
    except zlib.error as exc:
        raise BundleError("damaged", f"compression: {exc}") from exc
    if rest:
        if count + 1 > limit:
            raise BundleError("damaged", "more lines than the header declares")
        yield b"".join(rest)


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
    except OSError as exc:
        raise BundleError("unreadable", exc.strerror or str(exc)) from exc
    return h.hexdigest()

"""The bundle fuzz suite: crafted and damaged sync files, imported; nothing may crash or change.

Used by `test_fuzz_suite.py` (a few hundred cases in `make test`) and by
`tests/benchmarks/bench_fuzz.py` (ten thousand and more in `make bench`, with the peak memory).

Files are built byte for byte here, so that any part can be wrong while everything around it is
correctly checksummed and sealed: the clear header (format 2), the sealed header, the format-1
header, the lines. A case passes when the import refuses the file with a BundleError (one line in
the user's language) or, for the few mutations that leave a valid file, when a dry run accepts it;
any other exception is a traceback, and any difference in the database is a change.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import sqlite3
import struct
import traceback
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.services.sync import bundle, dump, importer
from desktop.services.sync.bundle import BundleError
from desktop.services.workspace import Workspace

PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}
CHUNK = bundle.MIN_CHUNK * 2
_PREAMBLE = struct.Struct(">HI")
_SIZE = struct.Struct(">I")


# --- building files -----------------------------------------------------------------------------
def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _sealed_chunks(stream: bytes, keys: bundle.Keys | None, binding: bytes) -> bytes:
    pieces = [stream[i : i + CHUNK] for i in range(0, len(stream), CHUNK)] or [b""]
    out = []
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        if keys is not None:
            body = bundle.AESGCM(keys.content).encrypt(bundle._nonce(index, last), piece, binding)
        else:
            body = piece + bundle._plain_tag(binding, index, last, piece)
        out.append(_SIZE.pack(len(body)) + body)
    return b"".join(out)


def compress(text: bytes) -> bytes:
    return zlib.compress(text, 1)


def build(
    fields: dict[str, Any] | bytes,
    stream: bytes,
    *,
    encrypted: bool,
    version: int = 2,
    clear: dict[str, Any] | bytes | None = None,
) -> bytes:
    """A file with this header (fields, or raw JSON text) around this compressed stream."""
    fields = dict(fields) if isinstance(fields, dict) else fields
    kdf = bundle.new_kdf(FAST_KDF) if encrypted else None
    keys = bundle.derive_keys(PASSPHRASE, kdf, version) if kdf is not None else None
    if version == 1:
        if isinstance(fields, dict):
            fields.update(cipher=bundle.CIPHER if encrypted else "none", kdf=kdf, format=1)
            fields.setdefault("chunk_size", CHUNK)
        text = fields if isinstance(fields, bytes) else _dumps(fields)
        head = bundle.MAGIC + _PREAMBLE.pack(1, len(text)) + text
        check = hashlib.sha256(head).digest()
        mac = b""
        if keys is not None:
            mac = hmac.new(keys.header, head + check, hashlib.sha256).digest()
        return head + check + mac + _sealed_chunks(stream, keys, check)
    if isinstance(fields, dict):
        fields = {k: v for k, v in fields.items() if k not in ("kdf", "cipher")}
        fields.setdefault("format", 2)
        fields.setdefault("chunk_size", CHUNK)
    if clear is None:
        clear = {"format": 2, "kdf": kdf}
    clear_text = clear if isinstance(clear, bytes) else _dumps(clear)
    head = bundle.MAGIC + _PREAMBLE.pack(2, len(clear_text)) + clear_text
    if keys is not None:
        head += keys.check
    check = hashlib.sha256(head).digest()
    inner = fields if isinstance(fields, bytes) else _dumps(fields)
    if keys is not None:
        sealed = bundle.AESGCM(keys.header).encrypt(bundle.HEADER_NONCE, inner, check)
    else:
        sealed = inner + bundle._header_tag(check, inner)
    binding = bundle._binding(check, sealed)
    return head + check + _SIZE.pack(len(sealed)) + sealed + _sealed_chunks(stream, keys, binding)


def read_file(path: Path) -> tuple[dict[str, Any], list[bytes]]:
    """The whole header and the lines of a file made with the tests' passphrase."""
    header = bundle.read_header(path)
    keys = bundle.unlock(header, PASSPHRASE)
    return dict(header.fields), list(bundle.lines(bundle.chunks(path, header, keys)))


# --- mutations ----------------------------------------------------------------------------------
def _deep(depth: int, rng: random.Random) -> bytes:
    opening, closing = rng.choice([(b"[", b"]"), (b'{"a":', b"}")])
    return opening * depth + b"1" + closing * depth


_ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2**53 + 1,
    10**30,
    -(10**30),
    1.5,
    float("inf"),
    float("-inf"),
    float("nan"),
    "",
    "x" * 300,
    "0",
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    [],
    {},
    [[]],
    [{}],
    {"a": 1},
    {"all": True},
    {"pursuits": [[1]]},
    [["id"]],
    [{"kind": ["pursuit"], "columns": "id"}],
    [{"kind": "pursuit", "columns": [["id"]]}],
    [{"kind": "pursuit", "columns": [None]}],
    {"pursuit": None},
    {"pursuit": "7"},
    {"pursuit": float("inf")},
    {"pursuit": -5},
    {"pursuit": 2**60},
    {"1": 1},
    [1, 2, 3],
]


def odd_value(rng: random.Random) -> Any:
    if rng.random() < 0.15:
        depth = rng.choice([20, 200, 5000])
        value: Any = 1
        for _ in range(min(depth, 200)):  # deeper ones are written as raw text instead
            value = [value] if rng.random() < 0.5 else {"k": value}
        return value
    return rng.choice(_ODD_VALUES)


def mutate_json(value: Any, rng: random.Random, depth: int = 0) -> Any:
    """The value with one place changed: a key dropped or added, or a value replaced."""
    if isinstance(value, dict) and value and rng.random() < 0.8 and depth < 6:
        key = rng.choice(sorted(value, key=str))
        choice = rng.random()
        copy = dict(value)
        if choice < 0.15:
            del copy[key]
        elif choice < 0.25:
            copy[rng.choice(["extra", "kinds", "counts", "", "é"])] = odd_value(rng)
        else:
            copy[key] = mutate_json(value[key], rng, depth + 1)
        return copy
    if isinstance(value, list) and value and rng.random() < 0.8 and depth < 6:
        copy = list(value)
        index = rng.randrange(len(copy))
        choice = rng.random()
        if choice < 0.15:
            del copy[index]
        elif choice < 0.25:
            copy.insert(index, odd_value(rng))
        else:
            copy[index] = mutate_json(copy[index], rng, depth + 1)
        return copy
    return odd_value(rng)


def _raw_json_variants(value: Any, rng: random.Random) -> bytes:
    """JSON text that json.dumps would not write: deep nesting, NaN, huge numbers, bad UTF-8."""
    text = _dumps(value)
    choice = rng.randrange(7)
    if choice == 0:
        return _deep(rng.choice([1000, 100_000]), rng)
    if choice == 1:
        return text.replace(b'"chunk_size":', b'"chunk_size":1e999,"x":', 1)
    if choice == 2:
        return text.replace(b'"counts":{', b'"counts":{"pursuit":' + b"9" * 5000 + b",", 1)
    if choice == 3:
        return text[: rng.randrange(len(text))]
    if choice == 4:
        return text.replace(b"Pursuit", b"\xff\xfe", 1)
    if choice == 5:
        return b"[" + b"{}," * 200_000 + b"{}]"
    return text.replace(b'"kinds":', b'"kinds":' + _deep(3000, rng) + b',"old":', 1)


@dataclass
class Material:
    """A real file's header and lines, and its bytes as written by the exporter."""

    fields: dict[str, Any]
    lines: list[bytes]
    encrypted: bytes
    plain: bytes
    legacy: list[bytes]  # format-1 files (the fixtures)


def _stream(lines: list[bytes]) -> bytes:
    return compress(b"\n".join(lines) + b"\n")


def make_case(material: Material, rng: random.Random) -> tuple[str, bytes]:
    """One fuzzed file: (family, bytes)."""
    family = rng.choices(
        ["bytes", "cut", "header", "raw_header", "clear", "legacy_header", "lines", "bomb"],
        weights=[22, 8, 22, 8, 8, 8, 22, 2],
    )[0]
    fields, lines = material.fields, material.lines
    encrypted = rng.random() < 0.3
    if family == "bytes":
        data = bytearray(rng.choice([material.encrypted, material.plain, *material.legacy]))
        end = len(data) if rng.random() < 0.5 else min(len(data), 600)  # often in the headers
        for _ in range(rng.choice([1, 1, 2, 4])):
            position = rng.randrange(end)
            data[position] ^= 1 << rng.randrange(8)
        return family, bytes(data)
    if family == "cut":
        data = rng.choice([material.encrypted, material.plain, *material.legacy])
        cut = rng.randrange(len(data))
        choice = rng.randrange(3)
        if choice == 0:
            return family, data[:cut]
        if choice == 1:
            return family, data + rng.randbytes(rng.randrange(1, 64))
        return family, data[:cut] + rng.randbytes(rng.randrange(1, 64)) + data[cut:]
    if family == "header":
        return family, build(mutate_json(fields, rng), _stream(lines), encrypted=encrypted)
    if family == "raw_header":
        return family, build(_raw_json_variants(fields, rng), _stream(lines), encrypted=encrypted)
    if family == "clear":
        clear: Any = {"format": 2, "kdf": bundle.new_kdf(FAST_KDF) if encrypted else None}
        raw = rng.random() < 0.3
        clear = _raw_json_variants(clear, rng) if raw else mutate_json(clear, rng)
        return family, build(fields, _stream(lines), encrypted=encrypted, clear=clear)
    if family == "legacy_header":
        legacy = {**fields, "format": 1}
        if rng.random() < 0.3:
            return family, build(
                _raw_json_variants(legacy, rng), _stream(lines), encrypted=False, version=1
            )
        mutated = mutate_json(legacy, rng)
        if not isinstance(mutated, dict):
            return family, build(_dumps(mutated), _stream(lines), encrypted=False, version=1)
        return family, build(mutated, _stream(lines), encrypted=encrypted, version=1)
    if family == "lines":
        return family, build(fields, _stream(mutate_lines(lines, rng)), encrypted=encrypted)
    # A small bomb (the memory test has the big one): newlines, or one endless line.
    filler = b"\n" if rng.random() < 0.5 else b"a"
    body = zlib.compressobj(9)
    stream = body.compress(b"\n".join(lines[:3]) + b"\n" + filler * (32 << 20)) + body.flush()
    return family, build(fields, stream, encrypted=encrypted)


def mutate_lines(lines: list[bytes], rng: random.Random) -> list[bytes]:
    current = list(lines)
    index = rng.randrange(len(current))
    choice = rng.randrange(9)
    if choice == 0:
        current[index] = _deep(rng.choice([100, 1000, 50_000]), rng)
    elif choice == 1:
        current[index] = b"[" + b"{}," * 150_000 + b"{}]"
    elif choice == 2:
        current[index] = current[index][: rng.randrange(len(current[index]) + 1)]
    elif choice == 3:
        current[index] = b'["pursuit",' + b"9" * 5000 + b"]"
    elif choice == 4:
        current[index] = current[index].replace(b",", b",1e999,", 1)
    elif choice == 5:
        current[index] = current[index].replace(b",", b",NaN,", 1)
    elif choice == 6:
        del current[index]
    elif choice == 7:
        current.insert(index, current[rng.randrange(len(current))])
    else:
        try:
            parsed = json.loads(current[index])
        except ValueError:
            return current
        mutated = mutate_json(parsed, rng)
        current[index] = json.dumps(mutated, ensure_ascii=False).encode("utf-8")
    return current


# --- running ------------------------------------------------------------------------------------
@dataclass
class Figures:
    cases: int = 0
    refused: int = 0
    accepted: int = 0
    tracebacks: int = 0
    database_changes: int = 0
    codes: dict[str, int] = field(default_factory=dict)
    families: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)  # the first tracebacks, for the report


def _cheap_state(path: Path) -> tuple[Any, ...]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        state = conn.execute("SELECT site_id, counter, hlc FROM sync_state").fetchone()
        (imports,) = conn.execute("SELECT count(*) FROM sync_imports").fetchone()
        (sites,) = conn.execute("SELECT count(*) FROM sync_sites").fetchone()
    return (*state, imports, sites)


def run(
    ws: Workspace,
    material: Material,
    folder: Path,
    cases: int,
    seed: int,
    *,
    full_check_every: int = 250,
    on_case: Callable[[int], None] | None = None,
) -> Figures:
    """Import `cases` fuzzed files (dry runs) into `ws`; count what happened."""
    rng = random.Random(seed)
    figures = Figures()
    digest = dump.digest(ws.path)
    cheap = _cheap_state(ws.path)
    target = folder / "fuzzed.pursuit-sync"
    for number in range(1, cases + 1):
        family, data = make_case(material, rng)
        target.write_bytes(data)
        figures.cases += 1
        figures.families[family] = figures.families.get(family, 0) + 1
        try:
            importer.import_bundle(ws, target, PASSPHRASE, dry_run=True)
        except BundleError as exc:
            figures.refused += 1
            figures.codes[exc.code] = figures.codes.get(exc.code, 0) + 1
        except Exception:
            figures.tracebacks += 1
            if len(figures.examples) < 5:
                figures.examples.append(f"case {number} ({family}):\n{traceback.format_exc()}")
        else:
            figures.accepted += 1
        now = _cheap_state(ws.path)
        if now != cheap:
            figures.database_changes += 1
            cheap = now
        if number % full_check_every == 0 or number == cases:
            now_digest = dump.digest(ws.path)
            if now_digest != digest:
                figures.database_changes += 1
                digest = now_digest
        if on_case is not None:
            on_case(number)
    return figures


def material_from(source: Path, legacy: list[Path]) -> Material:
    """Fuzz material from an encrypted export made with the tests' passphrase."""
    fields, lines = read_file(source)
    return Material(
        fields=fields,
        lines=lines,
        encrypted=source.read_bytes(),
        plain=build(fields, _stream(lines), encrypted=False),
        legacy=[path.read_bytes() for path in legacy],
    )

"""Files from a hostile or broken peer (issue 23): each test reproduced its defect before the fix.

- a change time far in the future poisoned the importer's clock for good (and one already
  poisoned is repaired when the database is opened);
- a 1 MB file of compressed newlines took gigabytes of memory;
- crafted headers and lines ended in TypeError, AttributeError, RecursionError …;
- a flipped bit in the header's MAC, with the right passphrase, said "wrong passphrase";
- the clear header told who sent the file, from which computer, when and how much.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.services import records
from desktop.services.sync import bundle, dump, importer
from desktop.services.sync.bundle import BundleError
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).parent / "fixtures"
PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}
POISON = 2**53  # the largest time the checker of format 1 allowed


def _read(path: Path, passphrase: str | None = PASSPHRASE) -> tuple[dict[str, Any], list[bytes]]:
    header = bundle.read_header(path)
    keys = bundle.unlock(header, passphrase)
    return dict(header.fields), list(bundle.lines(bundle.chunks(path, header, keys)))


def _reseal(path: Path, fields: dict[str, Any], lines: list[bytes], *, encrypted=False) -> None:
    """A correctly sealed file around any header fields and lines."""
    kdf = bundle.new_kdf(FAST_KDF) if encrypted else None
    fields = dict(fields, cipher=bundle.CIPHER if encrypted else "none", kdf=kdf)
    keys = bundle.derive_keys(PASSPHRASE, kdf) if kdf is not None else None
    with path.open("wb") as fh:
        writer = bundle.BundleWriter(fh, fields, keys)
        writer.write(b"\n".join(lines) + b"\n")
        writer.close()


def _first_pursuit(ws: Workspace) -> str:
    with ws.read() as session:
        return session.query(Pursuit).order_by(Pursuit.id).first().id


def _clock(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT hlc FROM sync_state").fetchone()[0])


def _times(path: Path) -> list[int]:
    """Every time in every dot and sibling of the database."""
    found = []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            if "dots" not in columns:
                continue
            for dots, siblings in conn.execute(f"SELECT dots, siblings FROM {table}"):
                found += [dot[2] for dot in json.loads(dots or "{}").values()]
                for entries in json.loads(siblings or "{}").values():
                    found += [entry[3] for entry in entries]
    return found


def _with_time(line: bytes, columns: list[str], moment: int) -> bytes:
    parsed = json.loads(line)
    dots = parsed[columns.index("dots") + 1]
    for dot in dots.values():
        dot[2] = moment
    return json.dumps(parsed, ensure_ascii=False).encode()


@pytest.fixture
def future_file(replica, write_file, tmp_path: Path):
    """A plain file from "a" whose changed pursuit carries the time `moment`; and the target."""
    a, b = replica("a"), replica("b")
    target = _first_pursuit(a)
    records.update(a, "pursuit", target, {"title": "来自未来"})
    source = tmp_path / "a.sync"
    write_file(a, source)
    fields, lines = _read(source)
    columns = next(k["columns"] for k in fields["kinds"] if k["kind"] == "pursuit")

    def make(moment: int) -> Path:
        path = tmp_path / f"future-{moment}.sync"
        changed = [
            _with_time(line, columns, moment) if target.encode() in line[:60] else line
            for line in lines
        ]
        _reseal(path, fields, changed)
        return path

    return make, b, target


# --- 2. clock poisoning -------------------------------------------------------------------------
def test_a_time_beyond_a_day_ahead_is_refused_naming_the_sender(future_file) -> None:
    make, b, _target = future_file
    path = make(POISON)
    before, clock = dump.digest(b.path), _clock(b.path)
    with pytest.raises(BundleError) as refused:
        importer.import_bundle(b, path)
    assert refused.value.code == "clock_ahead"
    assert refused.value.values["sender"] == "a"
    assert dump.digest(b.path) == before and _clock(b.path) == clock
    tomorrow = int(time.time() * 1000) + 25 * 3600 * 1000  # a day and an hour: still refused
    with pytest.raises(BundleError, match="clock_ahead"):
        importer.import_bundle(b, make(tomorrow))


def test_the_refusal_is_one_line_naming_the_sender(future_file) -> None:
    make, b, _target = future_file
    path = make(POISON)
    b.close()
    for lang, words in (("C.UTF-8", "The file from a carries"), ("zh_CN.UTF-8", "来自 a 的文件")):
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "import", "--db", str(b.path), str(path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=dict(os.environ, LANG=lang),
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 2 and ("not encrypted" in lines[0] or "未加密" in lines[0])
        assert words in lines[1], result.stderr


def test_a_time_within_the_skew_is_taken_and_the_clock_follows(future_file) -> None:
    make, b, target = future_file
    soon = int(time.time() * 1000) + 3600 * 1000  # an hour ahead: a clock that is merely off
    importer.import_bundle(b, make(soon))
    assert records.get(b, "pursuit", target)["title"] == "来自未来"
    assert _clock(b.path) == soon
    records.update(b, "pursuit", target, {"title": "之后"})
    assert soon < _clock(b.path) <= soon + 1000


def test_a_poisoned_database_is_repaired_when_opened(replica, write_file, tmp_path) -> None:
    """Poisoned as issue 23 tells: an imported record at 2**53, the clock there, an edit after."""
    a, b = replica("a"), replica("b")
    poisoned, edited = sorted(_ids(b))[:2]
    site_a = a.db.site_id()
    path = b.path
    b.close()
    with sqlite3.connect(path) as conn:
        site, counter = conn.execute("SELECT site_id, counter FROM sync_state").fetchone()
        (dots, vv) = conn.execute(
            "SELECT dots, vv FROM pursuits WHERE id = ?", (poisoned,)
        ).fetchone()
        dots, vv = json.loads(dots), json.loads(vv)
        vv[site_a] = vv.get(site_a, 0) + 1
        dots["title"] = [site_a, vv[site_a], POISON]  # what the file brought
        conn.execute(
            "UPDATE pursuits SET title = '毒', dots = ?, vv = ? WHERE id = ?",
            (json.dumps(dots), json.dumps(vv), poisoned),
        )
        (dots, vv) = conn.execute(
            "SELECT dots, vv FROM pursuits WHERE id = ?", (edited,)
        ).fetchone()
        dots, vv = json.loads(dots), json.loads(vv)
        vv[site] = counter + 1
        dots["title"] = [site, counter + 1, POISON + 1]  # the next local edit
        conn.execute(
            "UPDATE pursuits SET title = '本地编辑', dots = ?, vv = ? WHERE id = ?",
            (json.dumps(dots), json.dumps(vv), edited),
        )
        conn.execute("UPDATE sync_state SET counter = ?, hlc = ?", (counter + 1, POISON + 1))
    assert max(_times(path)) == POISON + 1

    repaired = Workspace.open(path)  # the repair runs here
    try:
        now = int(time.time() * 1000)
        assert max(_times(path)) <= now + 1000 and _clock(path) <= now + 1000
        assert records.get(repaired, "pursuit", edited)["title"] == "本地编辑"
        out = tmp_path / "b.sync"
        write_file(repaired, out)
    finally:
        repaired.close()
    c = replica("c")
    report = importer.import_bundle(c, out, PASSPHRASE)  # format 1 said "damaged: bad dot"
    assert report.committed
    assert records.get(c, "pursuit", edited)["title"] == "本地编辑"
    assert records.get(c, "pursuit", poisoned)["title"] == "毒"
    assert max(_times(c.path)) <= int(time.time() * 1000) + 1000


def test_a_clock_beyond_the_bound_never_stamps_beyond_it(replica) -> None:
    b = replica("b")
    target = _first_pursuit(b)
    with sqlite3.connect(b.path) as conn:  # poisoned while open: the repair has not run
        conn.execute("UPDATE sync_state SET hlc = ?", (POISON,))
    records.update(b, "pursuit", target, {"title": "编辑"})
    assert _clock(b.path) <= int(time.time() * 1000) + 24 * 3600 * 1000


def _ids(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return [p.id for p in session.query(Pursuit)]


# --- 3. decompression bomb ----------------------------------------------------------------------
BOMB_CHILD = r"""
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # a runaway fails here, not the host
from desktop.services.sync import importer
from desktop.services.sync.bundle import BundleError
from desktop.services.workspace import Workspace

def peak_kib():
    # VmHWM is this process's own peak; ru_maxrss also counts the parent's from before the exec.
    status = Path("/proc/self/status")
    if status.exists():
        line = next(l for l in status.read_text().splitlines() if l.startswith("VmHWM:"))
        return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

ws = Workspace.open(sys.argv[1])
importer.import_bundle(ws, sys.argv[2], sys.argv[3], dry_run=True)  # warm: code and caches
start = peak_kib()
codes = []
for path in sys.argv[4:]:
    try:
        importer.import_bundle(ws, path, sys.argv[3])
        codes.append("imported")
    except BundleError as exc:
        codes.append(exc.code)
    except MemoryError:
        codes.append("MemoryError")
peak = peak_kib()
print(json.dumps({"codes": codes, "growth_mib": (peak - start) / 1024, "peak_mib": peak / 1024}))
"""


def _bomb(path: Path, fields: dict[str, Any], *, encrypted: bool, filler: bytes) -> None:
    kdf = bundle.new_kdf(FAST_KDF) if encrypted else None
    fields = dict(fields, cipher=bundle.CIPHER if encrypted else "none", kdf=kdf)
    keys = bundle.derive_keys(PASSPHRASE, kdf) if kdf is not None else None
    with path.open("wb") as fh:
        writer = bundle.BundleWriter(fh, fields, keys)
        while writer.bytes_written < 1 << 20:  # a 1 MB file
            writer.write(filler * (1 << 24))
        writer.close()
    assert (1 << 20) <= path.stat().st_size < 2 << 20


def test_a_decompression_bomb_is_refused_in_bounded_memory(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    source = tmp_path / "a.sync"
    write_file(a, source)
    fields, _lines = _read(source)
    bombs = []
    for name, encrypted, filler in (
        ("newlines-plain", False, b"\n"),
        ("newlines-encrypted", True, b"\n"),
        ("one-line", False, b"x"),
    ):
        bombs.append(tmp_path / f"{name}.sync")
        _bomb(bombs[-1], fields, encrypted=encrypted, filler=filler)
    b.close()
    result = subprocess.run(
        [sys.executable, "-c", BOMB_CHILD, str(b.path), str(source), PASSPHRASE, *map(str, bombs)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["codes"] == ["damaged"] * 3
    assert figures["growth_mib"] < 64, figures  # format 1's reader: 2–3 GB
    assert figures["peak_mib"] < 300, figures


# --- 5. crafted headers and lines ---------------------------------------------------------------
def _crafted(fields: dict[str, Any], lines: list[bytes]) -> list[tuple[str, dict, list[bytes]]]:
    kinds = fields["kinds"]
    return [
        (
            "unhashable columns",
            {**fields, "kinds": [{"kind": "pursuit", "columns": [["id"]]}]},
            lines,
        ),
        ("unhashable kind", {**fields, "kinds": [{"kind": ["pursuit"], "columns": ["id"]}]}, lines),
        ("count None", {**fields, "counts": {**fields["counts"], "pursuit": None}}, lines),
        ("count inf", {**fields, "counts": {**fields["counts"], "pursuit": float("inf")}}, lines),
        ("count text", {**fields, "counts": {**fields["counts"], "pursuit": "7"}}, lines),
        ("counts a list", {**fields, "counts": [1, 2]}, lines),
        ("scope a list", {**fields, "scope": ["all"]}, lines),
        ("scope a text", {**fields, "scope": "all"}, lines),
        ("sites a list", {**fields, "sites": ["x"]}, lines),
        ("kinds an object", {**fields, "kinds": {"kind": "pursuit"}}, lines),
        ("kinds of lists", {**fields, "kinds": [[k["kind"]] for k in kinds]}, lines),
        ("no counts", {k: v for k, v in fields.items() if k != "counts"}, lines),
        ("site a number", {**fields, "site": 7}, lines),
        ("nested line", fields, [b"[" * 100_000 + b"]" * 100_000, *lines]),
        ("nested object line", fields, [b'{"a":' * 50_000 + b"1" + b"}" * 50_000, *lines]),
        ("objects line", fields, [b"[" + b"{}," * 200_000 + b"{}]", *lines]),
        ("nested end", fields, [*lines[:-1], b'["#end",' + b"[" * 100_000]),
        ("nan in a line", fields, [lines[0].replace(b",", b",NaN,", 1), *lines[1:]]),
        ("huge number", fields, [lines[0].replace(b",", b"," + b"9" * 5000 + b",", 1), *lines[1:]]),
    ]


def test_crafted_headers_and_lines_are_refused_without_a_traceback(
    replica, write_file, tmp_path
) -> None:
    a, b = replica("a"), replica("b")
    source = tmp_path / "a.sync"
    write_file(a, source)
    fields, lines = _read(source)
    before = dump.digest(b.path)
    crashed = []
    for name, crafted, crafted_lines in _crafted(fields, lines):
        path = tmp_path / "crafted.sync"
        _reseal(path, crafted, crafted_lines)
        try:
            importer.inspect(path)
            importer.import_bundle(b, path)
        except BundleError:
            continue
        except Exception as exc:  # the defect: anything else is a traceback for the user
            crashed.append(f"{name}: {type(exc).__name__}: {str(exc)[:80]}")
            continue
        crashed.append(f"{name}: imported")
    assert not crashed
    assert dump.digest(b.path) == before


def test_a_deeply_nested_header_is_refused(replica, tmp_path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import fuzzing

    b = replica("b")
    path = tmp_path / "deep.sync"
    for raw in (b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000):
        for encrypted in (False, True):
            path.write_bytes(fuzzing.build(raw, fuzzing.compress(b""), encrypted=encrypted))
            with pytest.raises(BundleError) as refused:
                importer.import_bundle(b, path, PASSPHRASE)
            assert refused.value.code == "damaged"


# --- 7. damage told from a wrong passphrase -----------------------------------------------------
def test_a_flipped_bit_in_a_format_1_mac_is_damage(tmp_path: Path, replica) -> None:
    b = replica("b")
    source = FIXTURES / "format1-encrypted.pursuit-sync"
    header = bundle.read_header(source)
    data = bytearray(source.read_bytes())
    data[header.offset - 5] ^= 0x04  # inside the header MAC
    broken = tmp_path / "mac.sync"
    broken.write_bytes(bytes(data))
    with pytest.raises(BundleError) as refused:
        importer.import_bundle(b, broken, "format one passphrase")
    assert refused.value.code == "damaged"
    with pytest.raises(BundleError) as refused:
        importer.import_bundle(b, broken, "another passphrase")
    assert refused.value.code == "wrong_passphrase"


def test_no_flipped_bit_in_the_header_says_wrong_passphrase(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    source = tmp_path / "a.sync"
    write_file(a, source)
    header = bundle.read_header(source)
    data = source.read_bytes()
    broken = tmp_path / "flipped.sync"
    codes: dict[str, int] = {}
    for position in range(len(bundle.MAGIC), header.offset, 3):
        flipped = bytearray(data)
        flipped[position] ^= 1 << (position % 8)
        broken.write_bytes(bytes(flipped))
        with pytest.raises(BundleError) as refused:
            importer.import_bundle(b, broken, PASSPHRASE)
        codes[refused.value.code] = codes.get(refused.value.code, 0) + 1
    assert "wrong_passphrase" not in codes, codes
    with pytest.raises(BundleError) as refused:
        importer.import_bundle(b, source, "not the passphrase")
    assert refused.value.code == "wrong_passphrase"


# --- Also: the clear header holds only what the key needs ---------------------------------------
def test_the_clear_header_holds_only_the_key_derivation(replica, write_file, tmp_path) -> None:
    a = replica("a")
    source = tmp_path / "a.sync"
    write_file(a, source, site_name="王芳的笔记本")
    data = source.read_bytes()
    at = len(bundle.MAGIC) + 2  # after the format
    (length,) = struct.unpack(">I", data[at : at + 4])
    clear = json.loads(data[at + 4 : at + 4 + length])
    assert set(clear) == {"format", "kdf"}
    assert set(clear["kdf"]) == {"name", "memory_kib", "iterations", "lanes", "salt", "file_salt"}
    fields, _lines = _read(source)
    for secret in ("王芳的笔记本", fields["export_id"], fields["site"], fields["created"]):
        assert secret.encode() not in data
    assert fields["site_name"] == "王芳的笔记本"


def test_a_plain_file_is_known_as_such_before_it_is_merged(replica, write_file, tmp_path) -> None:
    a, b = replica("a"), replica("b")
    records.update(a, "pursuit", _first_pursuit(a), {"title": "明文"})
    source = tmp_path / "plain.sync"
    write_file(a, source, passphrase=None, encrypt=False)
    seen = []
    importer.import_bundle(b, source, confirm=lambda preview: seen.append(preview) or False)
    assert seen and not seen[0].encrypted
    shutil.copy(source, tmp_path / "copy.sync")
    assert not importer.inspect(tmp_path / "copy.sync").encrypted


def test_nesting_is_refused_before_the_parser_recurses(monkeypatch) -> None:
    """Deep nesting never reaches the JSON parser: at its recursion limit any finalizer that runs
    then fails too (seen as unraisable RecursionErrors in the fuzz suite)."""
    from desktop.services.sync import bundle

    def no_parse(_text: str) -> object:
        raise AssertionError("the parser was asked")

    deep = b"[" * (bundle.MAX_NESTING + 1) + b"]" * (bundle.MAX_NESTING + 1)
    monkeypatch.setattr(bundle._DECODER, "decode", no_parse)
    with pytest.raises(bundle.BundleError, match="nested too deeply"):
        bundle.load_json(deep, "a line")
    with pytest.raises(bundle.BundleError, match="nested too deeply"):
        bundle.load_json(b'{"a": ' * 5000 + b"1" + b"}" * 5000, "a header")
    monkeypatch.undo()
    within = b"[" * bundle.MAX_NESTING + b"]" * bundle.MAX_NESTING
    assert bundle.load_json(within, "a line") is not None
    assert bundle.load_json(b'["[[[[", {"k": "{{{{"}]' * 1, "a line") == ["[[[[", {"k": "{{{{"}]

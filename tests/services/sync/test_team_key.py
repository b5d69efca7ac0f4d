"""The team key (issue #21): Argon2id once per passphrase and team salt in a session, each file's
own keys from HKDF with its own random salt; files of format 2 (Argon2id per file) still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import records
from desktop.services.sync import bundle, dump, importer
from desktop.services.sync.bundle import BundleError
from desktop.storage.tables import Pursuit

PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


def _keys(path: Path, passphrase: str = PASSPHRASE) -> bundle.Keys:
    keys = bundle.unlock(bundle.read_header(path), passphrase)
    assert keys is not None
    return keys


def test_files_share_the_team_key_and_each_has_its_own_keys(replica, write_file, tmp_path) -> None:
    a = replica("a")
    bundle.forget_keys()
    write_file(a, tmp_path / "one.sync")
    write_file(a, tmp_path / "two.sync")
    one, two = bundle.read_header(tmp_path / "one.sync"), bundle.read_header(tmp_path / "two.sync")
    assert one.version == two.version == bundle.FORMAT == 3
    assert one.kdf is not None and two.kdf is not None
    assert one.kdf["salt"] == two.kdf["salt"]  # the session's team salt
    assert one.kdf["file_salt"] != two.kdf["file_salt"]
    assert len(bundle._TEAM_KEYS) == 1  # one Argon2id for both files (and their read-back)
    first, second = _keys(tmp_path / "one.sync"), _keys(tmp_path / "two.sync")
    assert first.content != second.content and first.header != second.header
    assert len(bundle._TEAM_KEYS) == 1
    # A reader in another session derives the team key itself, once for both files.
    bundle.forget_keys()
    assert _keys(tmp_path / "one.sync") == first
    assert _keys(tmp_path / "two.sync") == second
    assert len(bundle._TEAM_KEYS) == 1
    with pytest.raises(BundleError) as refused:
        _keys(tmp_path / "one.sync", "another team's passphrase")
    assert refused.value.code == "wrong_passphrase"


def test_a_file_of_format_2_still_imports(replica, write_file, tmp_path, monkeypatch) -> None:
    a, b = replica("a"), replica("b")
    with a.read() as session:
        pursuit_id = session.query(Pursuit.id).order_by(Pursuit.id).first()[0]
    records.update(a, "pursuit", pursuit_id, {"next_step": "旧格式的文件"})
    source = tmp_path / "new.sync"
    write_file(a, source)
    header = bundle.read_header(source)
    keys = bundle.unlock(header, PASSPHRASE)
    lines = list(bundle.lines(bundle.chunks(source, header, keys)))
    # The same content as the previous version wrote it: format 2, Argon2id over the file's own
    # salt, HKDF without a salt.
    kdf = {k: v for k, v in bundle.new_kdf(FAST_KDF).items() if k != "file_salt"}
    fields = {k: v for k, v in header.fields.items() if k != "kdf"}
    old = tmp_path / "old.sync"
    monkeypatch.setattr(bundle, "FORMAT", 2)
    with old.open("wb") as fh:
        writer = bundle.BundleWriter(
            fh, dict(fields, format=2, kdf=kdf), bundle.derive_keys(PASSPHRASE, kdf, 2)
        )
        writer.write(b"\n".join(lines) + b"\n")
        writer.close()
    monkeypatch.undo()
    bundle.forget_keys()
    assert bundle.read_header(old).version == 2
    result = importer.import_bundle(b, old, PASSPHRASE)
    assert result.committed and result.preview.total("updated") >= 1
    assert dump.digest(a.path) == dump.digest(b.path)

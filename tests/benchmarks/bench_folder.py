"""Team sync folder figures at 10,000 pursuits: one edit to its delta written, a 10-record delta
merged, a round over a folder of 20 peers with nothing new (issue #21's targets), with the real
key derivation (Argon2id, 64 MiB), which a session pays once per passphrase and peer (each file's
own keys come from HKDF), measured on its own too.
"""

from __future__ import annotations

import json
import shutil
import time
import uuid
from pathlib import Path

from desktop.services import records
from desktop.services.sync import bundle, folder
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit

SECRET = "correct horse battery"


def test_folder_rounds(scale_template: Path, tmp_path: Path, record) -> None:
    shutil.copy(scale_template, tmp_path / "a.db")
    shutil.copy(scale_template, tmp_path / "b.db")
    team = tmp_path / "team"
    team.mkdir()
    a, b = Workspace.open(tmp_path / "a.db"), Workspace.open(tmp_path / "b.db")
    try:
        conf_a = folder.FolderSync(team, SECRET, site_name="A")
        conf_b = folder.FolderSync(team, SECRET, site_name="B")
        started = time.perf_counter()
        first = folder.sync_round(a, conf_a)
        record("folder: first round writes the snapshot", time.perf_counter() - started, "s")
        assert first.snapshot
        started = time.perf_counter()
        folder.sync_round(b, conf_b)
        record("folder: peer merges that snapshot (same data)", time.perf_counter() - started, "s")
        folder.sync_round(a, conf_a)

        with a.read() as session:
            ids = [p.id for p in session.query(Pursuit.id).order_by(Pursuit.id).limit(10)]
        records.update(a, "pursuit", ids[0], {"next_step": "一处修改"})
        started = time.perf_counter()
        one = folder.sync_round(a, conf_a)
        record("folder: one edit -> its delta written", time.perf_counter() - started, "s", "< 0.3")
        assert one.written_records == 1

        folder.sync_round(b, conf_b)  # merges the one-edit delta
        for n, pursuit_id in enumerate(ids):
            records.update(a, "pursuit", pursuit_id, {"next_step": f"第 {n} 处修改"})
        ten = folder.sync_round(a, conf_a)
        assert ten.written_records == 10 and ten.written
        started = time.perf_counter()
        merged = folder.sync_round(b, conf_b)
        record("folder: 10-record delta merged", time.perf_counter() - started, "s", "< 0.2")
        assert merged.imported_files == 1 and merged.peers[a.db.site_id()].updated == 10
        keep = team / ten.written

        header = bundle.read_header(keep)
        bundle.forget_keys()  # a cold derivation: what a new session pays once per peer
        started = time.perf_counter()
        bundle.unlock(header, SECRET)
        record(
            "folder: team key derivation, once per peer a session (Argon2id)",
            time.perf_counter() - started,
            "s",
        )

        state = folder.load_state(b)
        for _ in range(19):  # 20 peers in all, each with a file merged before
            site = str(uuid.uuid4())
            (team / site).mkdir()
            shutil.copy(keep, team / site / folder.file_name(1, True))
            state["peers"][site] = {"sequence": 1, "name": ""}
        folder.state_path(b).write_text(json.dumps(state))
        started = time.perf_counter()
        quiet = folder.sync_round(b, conf_b)
        record(
            "folder: round over 20 peers, nothing new", time.perf_counter() - started, "s", "< 0.2"
        )
        assert quiet.imported_files == 0 and quiet.written is None and not quiet.skipped
    finally:
        a.close()
        b.close()

"""Records refused one by one (a parent that exists nowhere, a value the rules forbid) while the
rest of the file is imported; and the path that reads the file again when changes are many."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.services import records
from desktop.services.sync import bundle, dump, importer
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit

PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


def _reseal(source: Path, target: Path, edit) -> None:
    header = bundle.read_header(source)
    keys = bundle.unlock(header, PASSPHRASE)
    lines = [json.loads(line) for line in bundle.lines(bundle.chunks(source, header, keys))]
    lines = edit(header.fields, lines)
    counts: dict[str, int] = {}
    for line in lines[:-1]:
        counts[line[0]] = counts.get(line[0], 0) + 1
    lines[-1] = [bundle.END, {"counts": counts, "records": sum(counts.values())}]
    fields = dict(header.fields, counts=counts, kdf=bundle.new_kdf(FAST_KDF))
    with target.open("wb") as fh:
        writer = bundle.BundleWriter(fh, fields, bundle.derive_keys(PASSPHRASE, fields["kdf"]))
        writer.write(b"\n".join(json.dumps(x, ensure_ascii=False).encode() for x in lines) + b"\n")
        writer.close()


def test_orphans_and_forbidden_values_are_rejected_alone(replica, write_file, tmp_path) -> None:
    a = replica("a")
    with a.read() as session:
        first, second = [p.id for p in session.query(Pursuit).order_by(Pursuit.id).limit(2)]
    write_file(a, tmp_path / "two.sync", pursuits=[first, second])

    def edit(fields, lines):
        columns = {k["kind"]: k["columns"] for k in fields["kinds"]}
        stage = columns["pursuit"].index("stage") + 1
        kept = []
        for line in lines:
            if line[0] == "pursuit" and line[1] == first:
                continue  # its people and answers now point at nothing
            if line[0] == "pursuit" and line[1] == second:
                line[stage] = 9  # no such stage
            kept.append(line)
        return kept

    _reseal(tmp_path / "two.sync", tmp_path / "broken.sync", edit)
    fresh = Workspace.open(tmp_path / "fresh.db")
    try:
        result = importer.import_bundle(fresh, tmp_path / "broken.sync", PASSPHRASE)
        counts = result.preview.counts
        assert result.committed
        assert counts["pursuit"].rejected == 1 and counts["pursuit"].new == 0
        assert counts["account"].new >= 1  # the rest came in
        assert counts["stakeholder"].rejected > 0 and counts["stakeholder"].new == 0
        reasons = {reason for _kind, _id, reason in result.preview.rejected}
        assert "stage: out_of_range" in reasons
        assert any(reason.startswith("pursuit_id: no such") for reason in reasons)
        with fresh.read() as session:
            assert session.query(Pursuit).count() == 0
    finally:
        fresh.close()


def test_many_changes_are_read_again_from_the_file(replica, write_file, tmp_path) -> None:
    a, b, c = replica("a"), replica("b"), replica("c")
    with a.read() as session:
        ids = [p.id for p in session.query(Pursuit)]
    for n, pursuit_id in enumerate(ids):
        records.update(a, "pursuit", pursuit_id, {"amount": 1000 + n})
    write_file(a, tmp_path / "a.sync")
    kept = importer.import_bundle(b, tmp_path / "a.sync", PASSPHRASE)
    reread = importer.import_bundle(c, tmp_path / "a.sync", PASSPHRASE, pending_budget=0)
    assert kept.preview.counts["pursuit"].updated == len(ids)
    assert reread.preview.counts["pursuit"].updated == len(ids)
    assert dump.digest(b.path) == dump.digest(c.path) == dump.digest(a.path)

"""Sync figures at 10,000 pursuits (≈475,000 records): export, import into a diverged copy (10% of
records changed on each side), re-import of the same file, of an unchanged re-export, of a newer
file with 1% changed, of the full file into a new database, and the peak memory of the process that
does it all (issue #21's targets).

The work runs in a child process so that its peak resident memory is its own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, resource, sqlite3, sys, time
from pathlib import Path
from desktop.services.sync import export, importer, schema
from desktop.services.workspace import Workspace

def diverge(path, seed, tag, share=10):
    # Change about 1 in `share` records of every kind, as the write path stamps them: a new
    # dot for the edited field (and alive / deleted_at), the version vector, updated_at.
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    site, counter = conn.execute("SELECT site_id, counter FROM sync_state").fetchone()
    counter += 1
    hlc = int(time.time() * 1000)
    now = time.strftime("%Y-%m-%d %H:%M:%S.000000", time.gmtime())
    dot = f"json_array('{site}', {counter}, {hlc})"
    changed = 0
    for table in schema.kinds_in_order():
        fields = table.register_fields()
        text = next((c.name for c in table.__table__.columns if c.name in fields
                     and type(c.type).__name__ == "Text" and not c.name.endswith("_id")), None)
        if text:
            sets = (f"{text} = {text} || ' ({tag})', dots = json_set(dots, '$.{text}', {dot}, "
                    f"'$.alive', {dot}, '$.deleted_at', {dot})")
        else:
            sets = (f"alive = 0, deleted_at = '{now}', "
                    f"dots = json_set(dots, '$.alive', {dot}, '$.deleted_at', {dot})")
        pick = "unicode(substr(id, 1, 1)) * 7 + unicode(substr(id, 2, 1))"
        where = f"({pick} + {seed}) % {share} = 0"
        changed += conn.execute(
            f"UPDATE {table.__tablename__} SET {sets}, "
            f"vv = json_set(vv, '$.\"{site}\"', {counter}), updated_at = '{now}' WHERE {where}"
        ).rowcount
    conn.execute("UPDATE sync_state SET counter = ?, hlc = ?", (counter, hlc))
    conn.execute("COMMIT")
    conn.close()
    return changed

a_path, b_path, folder = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
secret = "correct horse battery"
out = {}
a, b = Workspace.open(a_path), Workspace.open(b_path)
out["changed_a"] = diverge(a_path, 0, "A")
out["changed_b"] = diverge(b_path, 3, "B")
started = time.perf_counter()
report = export.export_bundle(a, folder / "a.sync", passphrase=secret, site_name="A")
out["export_s"] = time.perf_counter() - started
out["records"] = report.records
out["bytes"] = report.bytes
started = time.perf_counter()
result = importer.import_bundle(b, folder / "a.sync", secret)
out["import_s"] = time.perf_counter() - started
out["updated"] = result.preview.total("updated")
out["conflicts"] = result.preview.total("conflicts")
started = time.perf_counter()
again = importer.import_bundle(b, folder / "a.sync", secret)
out["reimport_same_s"] = time.perf_counter() - started
assert again.preview.already_imported
export.export_bundle(a, folder / "a2.sync", passphrase=secret, site_name="A")
started = time.perf_counter()
same = importer.import_bundle(b, folder / "a2.sync", secret)
out["reimport_reexport_s"] = time.perf_counter() - started
assert same.preview.total("updated") == 0 and same.preview.total("new") == 0
out["newer_changed"] = diverge(a_path, 5, "A2", share=100)
export.export_bundle(a, folder / "a3.sync", passphrase=secret, site_name="A")
started = time.perf_counter()
newer = importer.import_bundle(b, folder / "a3.sync", secret)
out["newer_s"] = time.perf_counter() - started
out["newer_updated"] = newer.preview.total("updated")
fresh = Workspace.open(folder / "fresh.db")
started = time.perf_counter()
into_new = importer.import_bundle(fresh, folder / "a3.sync", secret)
out["fresh_s"] = time.perf_counter() - started
out["fresh_new"] = into_new.preview.total("new")
fresh.close()
# VmHWM: this process's own peak (ru_maxrss would carry over the parent's peak across exec).
status = Path("/proc/self/status")
if status.exists():
    hwm = next(l for l in status.read_text().splitlines() if l.startswith("VmHWM:"))
    out["peak_mb"] = int(hwm.split()[1]) / 1024
else:
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def test_sync_at_scale(scale_db: Path, tmp_path: Path, record) -> None:
    other = tmp_path / "other.db"
    shutil.copy(scale_db, other)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(scale_db), str(other), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"\n  records {figures['records']:,}; changed {figures['changed_a']:,} on one side and "
        f"{figures['changed_b']:,} on the other; file {figures['bytes'] / 1e6:.1f} MB"
    )
    record("sync export, 10,000 pursuits (encrypted)", figures["export_s"], "s", "< 5 s")
    record("sync import into a copy diverged 10% on each side", figures["import_s"], "s", "< 5 s")
    record("sync re-import of the same file", figures["reimport_same_s"], "s", "< 3 s")
    record("sync import of an unchanged re-export", figures["reimport_reexport_s"], "s", "< 1 s")
    record("sync import of a newer file (1% changed)", figures["newer_s"], "s")
    record("sync import of the full file into a new database", figures["fresh_s"], "s", "< 10 s")
    record("sync peak memory (export + imports)", figures["peak_mb"], "MB", "< 300 MB")
    assert figures["updated"] >= figures["changed_a"] * 0.9
    assert figures["newer_updated"] > 0
    assert figures["fresh_new"] == figures["records"]

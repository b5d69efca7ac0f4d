"""The bundle fuzz suite at full size: ten thousand crafted and damaged sync files (issue 23).

Each file is imported (a dry run) into a small demo database by a child process, so that its peak
resident memory is its own. Figures: cases, refusals, files a dry run accepted (mutations that left
a valid file), tracebacks (must be 0), database changes (must be 0), peak memory. The fast subset
runs in `make test` (tests/services/sync/test_fuzz_suite.py); the cases are made by
tests/services/sync/fuzzing.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYNC_TESTS = ROOT / "tests" / "services" / "sync"
CASES = int(os.environ.get("PURSUIT_FUZZ_BENCH_CASES", "10000"))

CHILD = r"""
import json, resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import fuzzing
from desktop.services import demo, records
from desktop.services.sync import export
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit

folder, cases = Path(sys.argv[2]), int(sys.argv[3])
source, target = Workspace.open(folder / "a.db"), None
demo.fill_demo(source, scale=4, seed=5)
source.close()
(folder / "b.db").write_bytes((folder / "a.db").read_bytes())  # the same records: a second site
source, target = Workspace.open(folder / "a.db"), Workspace.open(folder / "b.db")
with source.read() as session:
    first = session.query(Pursuit).order_by(Pursuit.id).first().id
records.update(source, "pursuit", first, {"title": "模糊测试"})
export.export_bundle(
    source, folder / "a.sync", passphrase=fuzzing.PASSPHRASE, kdf=fuzzing.FAST_KDF, site_name="a"
)
legacy = sorted((Path(sys.argv[1]) / "fixtures").glob("format1-*.pursuit-sync"))
material = fuzzing.material_from(folder / "a.sync", legacy)
figures = fuzzing.run(target, material, folder, cases, seed=2026)
status = Path("/proc/self/status")  # VmHWM: this process's own peak (ru_maxrss counts the parent's)
if status.exists():
    hwm = next(l for l in status.read_text().splitlines() if l.startswith("VmHWM:"))
    peak = int(hwm.split()[1]) / 1024
else:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({**figures.__dict__, "peak_mb": peak}))
"""


def test_bundle_fuzz_suite(tmp_path: Path, record) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(SYNC_TESTS), str(tmp_path), str(CASES)],
        capture_output=True,
        text=True,
        timeout=3600,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"\n  {figures['cases']:,} files: {figures['refused']:,} refused {figures['codes']}, "
        f"{figures['accepted']:,} accepted by a dry run; families {figures['families']}"
    )
    for example in figures["examples"]:
        print(example)
    record("bundle fuzz: files imported", figures["cases"], "", ">= 10,000")
    record("bundle fuzz: tracebacks", figures["tracebacks"], "", "0")
    record("bundle fuzz: database changes", figures["database_changes"], "", "0")
    record("bundle fuzz: peak memory", figures["peak_mb"], "MB", "< 300 MB")
    assert figures["tracebacks"] == 0
    assert figures["database_changes"] == 0
    assert figures["cases"] >= CASES

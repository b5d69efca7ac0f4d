"""The bundle fuzz suite, a fast subset (`make bench` runs ten thousand cases: bench_fuzz.py).

Crafted headers (clear, sealed, format 1), damaged bytes, bad lines and small bombs: every file is
refused with a BundleError or accepted by a dry run; no traceback, no change to the database.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop import cli_messages

sys.path.insert(0, str(Path(__file__).parent))  # tests are not a package (importlib mode)
import fuzzing

FIXTURES = Path(__file__).parent / "fixtures"
CASES = int(os.environ.get("PURSUIT_FUZZ_CASES", "300"))


def test_fuzzed_files_never_crash_the_importer_nor_change_anything(
    replica, write_file, tmp_path: Path
) -> None:
    from desktop.services import records
    from desktop.storage.tables import Pursuit

    a, b = replica("a"), replica("b")
    with a.read() as session:
        first = session.query(Pursuit).order_by(Pursuit.id).first().id
    records.update(a, "pursuit", first, {"title": "模糊测试"})
    source = tmp_path / "a.sync"
    write_file(a, source)
    material = fuzzing.material_from(source, sorted(FIXTURES.glob("format1-*.pursuit-sync")))
    figures = fuzzing.run(b, material, tmp_path, CASES, seed=23)
    assert figures.tracebacks == 0, "\n".join(figures.examples)
    assert figures.database_changes == 0
    assert figures.refused > CASES * 0.8
    assert set(figures.families) >= {"bytes", "header", "raw_header", "clear", "lines"}
    # Every refusal has its own line in both languages (the GUI falls back to "damaged").
    assert set(figures.codes) <= set(cli_messages.MESSAGES), figures.codes

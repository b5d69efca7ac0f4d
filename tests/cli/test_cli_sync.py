"""`pursuit export` and `pursuit import`, run as a user runs them: one line each, clear refusals."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from desktop.services.sync import dump, export
from desktop.services.workspace import Workspace


def pursuit(*args: str, lang: str = "en", **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, LANG="zh_CN.UTF-8" if lang == "zh" else "C.UTF-8", **env)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_export_then_import(demo_template: Path, tmp_path: Path) -> None:
    laptop, desktop_db = tmp_path / "laptop.db", tmp_path / "desktop.db"
    shutil.copy(demo_template, laptop)
    shutil.copy(demo_template, desktop_db)
    sync = tmp_path / "laptop.pursuit-sync"

    refused = pursuit("export", "--db", str(laptop), "--out", str(sync))
    assert refused.returncode == 1
    assert "--passphrase-env" in refused.stderr and "--no-encryption" in refused.stderr
    assert not sync.exists()

    made = pursuit(
        "export",
        "--db",
        str(laptop),
        "--out",
        str(sync),
        "--passphrase-env",
        "SECRET",
        "--name",
        "王芳",
        SECRET="correct horse battery",
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("exported ") and "encrypted" in made.stdout
    assert len(made.stdout.strip().splitlines()) == 1

    wrong = pursuit(
        "import",
        "--db",
        str(desktop_db),
        str(sync),
        "--passphrase-env",
        "SECRET",
        lang="zh",
        SECRET="not it at all",
    )
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "pursuit: 导入失败：口令不正确。数据库未做任何更改。"

    before = dump.digest(desktop_db)
    dry = pursuit(
        "import",
        "--db",
        str(desktop_db),
        str(sync),
        "--passphrase-env",
        "SECRET",
        "--dry-run",
        SECRET="correct horse battery",
    )
    assert dry.returncode == 0, dry.stderr
    assert "dry run (王芳)" in dry.stdout and "nothing was changed" in dry.stdout
    assert dump.digest(desktop_db) == before

    done = pursuit(
        "import",
        "--db",
        str(desktop_db),
        str(sync),
        "--passphrase-env",
        "SECRET",
        SECRET="correct horse battery",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported laptop.pursuit-sync from 王芳:")


def test_bad_files_are_refused_with_their_reason(demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    shutil.copy(demo_template, db)
    text = tmp_path / "notes.txt"
    text.write_text("not a sync file")
    result = pursuit("import", "--db", str(db), str(text), lang="zh")
    assert result.returncode == 1
    assert (
        result.stderr.strip() == "pursuit: 导入失败：这不是 Pursuit 同步文件。数据库未做任何更改。"
    )
    plain = tmp_path / "plain.pursuit-sync"
    ws = Workspace.open(db)
    try:
        export.export_bundle(ws, plain, passphrase=None, encrypt=False)
    finally:
        ws.close()
    plain.write_bytes(plain.read_bytes()[:-100])
    cut = pursuit("import", "--db", str(db), str(plain))
    assert cut.returncode == 1
    warning, refusal = cut.stderr.strip().splitlines()  # a plain file is flagged first
    assert warning == (
        f"pursuit: warning: {plain} is not encrypted: anyone who handled it on the way could "
        "have read or changed it."
    )
    assert refusal == (
        "pursuit: The file is damaged or incomplete; ask the sender to export again. "
        "Nothing was imported."
    )


def test_import_into_a_new_path_creates_the_database(demo_template: Path, tmp_path: Path) -> None:
    """A new laptop has no database yet: `pursuit import --db NEW.db FILE` makes one."""
    laptop = tmp_path / "laptop.db"
    shutil.copy(demo_template, laptop)
    sync = tmp_path / "laptop.pursuit-sync"
    made = pursuit(
        "export", "--db", str(laptop), "--out", str(sync), "--passphrase-env", "SECRET",
        "--name", "王芳", SECRET="correct horse battery",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    new = tmp_path / "new" / "pipeline.db"
    wrong = pursuit(
        "import", "--db", str(new), str(sync), "--passphrase-env", "SECRET", SECRET="not it at all"
    )
    assert wrong.returncode == 1 and not new.exists()  # nothing left behind by a refusal
    done = pursuit(
        "import", "--db", str(new), str(sync), "--passphrase-env", "SECRET",
        SECRET="correct horse battery",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert dump.digest(new) == dump.digest(laptop)

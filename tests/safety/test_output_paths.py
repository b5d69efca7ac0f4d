"""Defect 1 of issue 23: no output path may replace the database (or a file of another kind).

`pursuit export --out <the database>` used to replace it with a sync file and exit 0. Every case
runs the real command on a real database, then checks the database is still whole.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop.services.reports.safe_output import OutputKind, check_output
from tests.safety.disks import pursuit

PP = {"PP": "long enough pass"}


@pytest.fixture
def db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    shutil.copy(demo_template, path)
    return path


def still_whole(db: Path) -> None:
    checked = pursuit("check", "--db", str(db))
    assert checked.returncode == 0, checked.stderr
    assert "integrity: ok" in checked.stdout


def test_export_refuses_the_database_itself_however_spelled(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(db)
    hard = tmp_path / "hard.db"
    os.link(db, hard)
    wal = Path(str(db) + "-wal")
    wal.write_bytes(b"")  # as an open database has it
    for out in (db, link, hard, wal, tmp_path / "." / "p.db"):
        before = db.read_bytes()
        result = pursuit(
            "export", "--db", str(db), "--out", str(out), "--passphrase-env", "PP", env=PP
        )
        assert result.returncode == 1, (out, result.stdout)
        assert "never written over" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert db.read_bytes() == before
    # --force does not change that: the open database is never an output.
    forced = pursuit(
        "export", "--db", str(db), "--out", str(db), "--force", "--no-encryption", env=PP
    )
    assert forced.returncode == 1
    still_whole(db)


def test_ics_and_backup_refuse_the_database_and_its_backups(db: Path, tmp_path: Path) -> None:
    made = pursuit("backup", "--db", str(db))
    assert made.returncode == 0, made.stderr
    backup = next((tmp_path / "backups").glob("p-*.db"))
    before = backup.read_bytes()
    ics = pursuit("export-ics", "--db", str(db), "--upcoming", "--out", str(db), "--tz", "UTC")
    assert ics.returncode == 1 and "never written over" in ics.stderr
    over_backup = pursuit(
        "export-ics", "--db", str(db), "--upcoming", "--out", str(backup), "--tz", "UTC"
    )
    assert over_backup.returncode == 1 and "backup of this database" in over_backup.stderr
    assert backup.read_bytes() == before
    onto_self = pursuit("backup", "--db", str(db), "--out", str(db))
    assert onto_self.returncode == 1 and "never written over" in onto_self.stderr
    still_whole(db)


def test_another_kind_of_file_needs_force(db: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(b"%PDF-1.4 a plan the rep printed\n%%EOF\n")
    refused = pursuit("export", "--db", str(db), "--out", str(plan), "--no-encryption")
    assert refused.returncode == 1
    assert "is not a sync file; add --force" in refused.stderr
    assert plan.read_bytes().startswith(b"%PDF-1.4 a plan")
    forced = pursuit("export", "--db", str(db), "--out", str(plan), "--no-encryption", "--force")
    assert forced.returncode == 0, forced.stderr
    # The same kind is replaced as ever (a script re-exporting every night).
    again = pursuit("export", "--db", str(db), "--out", str(plan), "--no-encryption")
    assert again.returncode == 0, again.stderr


def test_check_output_rules(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    shutil.copy(db, other)
    folder = tmp_path / "folder"
    folder.mkdir()
    sheet = tmp_path / "notes.txt"
    sheet.write_text("my notes")
    assert check_output(db, OutputKind.BACKUP, database=db, overwrite=True).reason == (
        "the_database"
    )
    assert check_output(folder, OutputKind.CSV, database=db).reason == "folder"
    assert check_output(other, OutputKind.XLSX, database=db).reason == "a_database"
    assert check_output(other, OutputKind.BACKUP, database=db).reason == "a_database"
    assert check_output(other, OutputKind.XLSX, database=db, overwrite=True) is None
    assert check_output(sheet, OutputKind.SVG, database=db).reason == "other_kind"
    assert check_output(sheet, OutputKind.CSV, database=db) is None
    assert check_output(tmp_path / "new.xlsx", OutputKind.XLSX, database=db) is None

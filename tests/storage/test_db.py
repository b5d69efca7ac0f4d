"""Opening, migrating and refusing databases, on real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from desktop.storage import migrate
from desktop.storage.db import Database, DatabaseMissing, DatabaseTooNew, NotAPursuitDatabase
from desktop.storage.tables import Account, SyncState


def test_new_file_is_migrated_to_head(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "new.db")
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.read() as session:
        assert session.scalars(select(SyncState)).one().counter == 0
    db.close()


def test_reopen_keeps_data_and_site(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "a.db")
    site = db.site_id()
    with db.write() as session:
        session.add(Account(name="上海华通"))
    db.close()
    again = Database.open(tmp_path / "a.db")
    assert again.site_id() == site
    with again.read() as session:
        assert session.scalars(select(Account.name)).all() == ["上海华通"]
    again.close()


def test_pragmas_in_force(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "p.db")
    with db.engine.connect() as conn:
        values = {
            p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert values == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }
    db.close()


def test_a_write_without_foreign_keys_leaves_none_off_behind(tmp_path: Path) -> None:
    """`write(foreign_keys=False)` (a bulk writer that checks references itself) writes a row
    whose parent is missing; every transaction after it, on every pooled connection, checks
    them again."""
    db = Database.open(tmp_path / "k.db")
    orphan = (
        "INSERT INTO pursuits (id, account_id, title, amount, currency, stage, status, "
        "close_reason, owner, stage_entered_at, next_step, board_rank, notes, created_at, "
        "updated_at, alive, purged, vv, dots) VALUES (?, 'no-such-account', 't', 0, 'CNY', 1, "
        "'open', '', '', '2026-01-01', '', 0, '', '2026-01-01', '2026-01-01', 1, 0, '{}', '{}')"
    )
    with db.write(foreign_keys=False) as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 0
        session.execute(text(orphan.replace("?", "'orphan'")))
    for _ in range(3):  # whichever connection the pool hands out
        with db.read() as session:
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        with pytest.raises(IntegrityError), db.write() as session:
            session.execute(text(orphan.replace("?", "'another'")))
    with db.read() as session:
        ids = session.execute(text("SELECT id FROM pursuits")).scalars().all()
    assert ids == ["orphan"]
    db.close()


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew):
        Database.open(path)
    assert path.read_bytes() == before


def test_foreign_files_are_refused(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.db"
    text_file.write_text("just some text, not a database")
    with pytest.raises(NotAPursuitDatabase):
        Database.open(text_file)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    with pytest.raises(NotAPursuitDatabase):
        Database.open(other)
    with pytest.raises(NotAPursuitDatabase):
        Database.open(tmp_path)


def test_missing_file_only_created_when_asked(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissing):
        Database.open(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_write_failure_rolls_back(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "r.db")
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Account(name="会回滚"))
        session.flush()
        raise RuntimeError("boom")
    with db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM accounts")) == 0
    db.close()


def test_a_copied_file_gets_a_new_site(tmp_path: Path) -> None:
    first = Database.open(tmp_path / "one.db")
    site = first.site_id()
    first.close()
    (tmp_path / "two.db").write_bytes((tmp_path / "one.db").read_bytes())
    second = Database.open(tmp_path / "two.db")
    assert second.site_id() != site
    second.close()


def test_revisions_read_from_the_scripts_match_alembic() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate._config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.revisions() == {
        s.revision: s.down_revision
        for s in scripts.walk_revisions()  # type: ignore[misc]
    }


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    """Alembic costs ~150 ms of start-up; only an upgrade needs it."""
    import subprocess
    import sys

    path = tmp_path / "current.db"
    Database.open(path, create=True).close()
    probe = (
        "import sys\n"
        "from desktop.storage.db import Database\n"
        f"Database.open({str(path)!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"

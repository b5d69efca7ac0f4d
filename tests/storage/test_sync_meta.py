"""The write path stamps sync metadata: one dot per transaction, per changed field."""

from __future__ import annotations

from pathlib import Path

from desktop.storage.db import Database
from desktop.storage.sync_meta import field_dot
from desktop.storage.tables import Account, Pursuit


def test_each_transaction_gets_a_rising_dot(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.db")
    site = db.site_id()
    with db.write() as session:
        account = Account(name="鼎信")
        session.add(account)
        session.flush()
        pursuit = Pursuit(account_id=account.id, title="ERP", amount=100)
        session.add(pursuit)
    with db.read() as session:
        stored = session.get(Pursuit, pursuit.id)
        assert stored is not None
        assert stored.vv == {site: 1}
        assert field_dot(stored.dots, "title")[:2] == [site, 1]
        assert stored.origin_site == site
    with db.write() as session:
        stored = session.get(Pursuit, pursuit.id)
        assert stored is not None
        stored.stage = 3
    with db.read() as session:
        stored = session.get(Pursuit, pursuit.id)
        assert stored is not None
        assert stored.vv == {site: 2}
        stage, title = field_dot(stored.dots, "stage"), field_dot(stored.dots, "title")
        assert stage[:2] == [site, 2]
        assert title[:2] == [site, 1]  # untouched fields keep their dot
        assert stage[2] > title[2]  # the HLC rises
    db.close()


def test_local_edit_replaces_siblings(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "c.db")
    with db.write() as session:
        account = Account(name="甲")
        session.add(account)
        session.flush()
        account.siblings = {"name": [["乙", "other-site", 4, 1]], "notes": [["x", "o", 4, 1]]}
    with db.write() as session:
        stored = session.get(Account, account.id)
        assert stored is not None
        stored.name = "丙"
    with db.read() as session:
        stored = session.get(Account, account.id)
        assert stored is not None
        assert stored.siblings == {"notes": [["x", "o", 4, 1]]}
    db.close()


def test_unchanged_write_stamps_nothing(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "u.db")
    with db.write() as session:
        account = Account(name="甲")
        session.add(account)
    with db.write() as session:
        stored = session.get(Account, account.id)
        assert stored is not None
        stored.name = "甲"
    with db.read() as session:
        stored = session.get(Account, account.id)
        assert stored is not None
        assert list(stored.vv.values()) == [1]
    db.close()

"""The write path's part in sync: an edit re-asserts "alive", keeps the review rows in step, and
rows convert to the merge's state and back without loss."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.domain import merge
from desktop.storage import sync_codec
from desktop.storage.db import Database
from desktop.storage.tables import Account, Pursuit, SyncReview


def test_an_edit_reasserts_alive_with_its_own_dot(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.db")
    with db.write() as session:
        account = Account(name="甲")
        session.add(account)
    with db.write() as session:
        session.get(Account, account.id).notes = "新备注"
    with db.read() as session:
        stored = session.get(Account, account.id)
        assert stored.dots["alive"] == stored.dots["notes"] == stored.dots["deleted_at"]
        assert stored.dots["alive"] != stored.dots["*"]
        assert list(stored.dots) == sorted(stored.dots)  # sorted keys: equal states, equal text
    db.close()


def test_review_rows_follow_the_siblings(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "r.db")
    other = "6a2f1f0e-1b7c-4a53-9d0e-3c9f4b2d8e11"
    with db.write() as session:
        account = Account(name="甲")
        session.add(account)
        session.flush()
        pursuit = Pursuit(account_id=account.id, title="ERP")
        session.add(pursuit)
    with db.write() as session:
        # What an import leaves: a concurrent title from another site, and its review row.
        session.info["merging"] = True
        stored = session.get(Pursuit, pursuit.id)
        stored.siblings = {"title": [["ERP 二期", other, 1, 1]]}
        stored.vv = {**stored.vv, other: 1}
        session.add(
            SyncReview(record_id=pursuit.id, field="title", kind="pursuit", pursuit_id=pursuit.id)
        )
    with db.write() as session:
        session.get(Pursuit, pursuit.id).amount = 5  # an unrelated edit keeps the question
    with db.read() as session:
        assert session.query(SyncReview).count() == 1
    with db.write() as session:
        session.get(Pursuit, pursuit.id).title = "ERP 二期"  # the user's choice settles it
    with db.read() as session:
        assert session.query(SyncReview).count() == 0
        assert session.get(Pursuit, pursuit.id).siblings is None
    db.close()


def test_rows_and_states_convert_both_ways(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "c.db")
    with db.write() as session:
        account = Account(name="甲", industry="能源")
        session.add(account)
    with db.write() as session:
        session.get(Account, account.id).industry = "制造"
    with db.read() as session:
        stored = session.get(Account, account.id)
        state = sync_codec.state_of(stored)
        rules = sync_codec.rules_for(Account)
        assert merge.shown(state, "industry", rules) == "制造"
        row = sync_codec.compact(Account, merge.normalize(state, rules))
        assert row["name"] == "甲" and row["industry"] == "制造"
        again = sync_codec.expand(
            Account,
            {name: row[name] for name in rules.fields},
            vv=json.loads(row["vv"]),
            dots=json.loads(row["dots"]),
            siblings=None,
            purged=False,
            created_at=row["created_at"],
            origin_site=row["origin_site"],
            updated_at=row["updated_at"],
        )
        assert merge.normalize(again, rules) == merge.normalize(state, rules)
    db.close()

"""Revision 0010 on a database made at the schema before it, with people reused (copied) onto
several maps: the copies become memberships of one person per account, nothing is lost and every
map reads as it did; the revision goes down again leaving the maps as they were."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from desktop.services import stakeholder_map as smap
from desktop.services.workspace import Workspace
from tests.storage.revisions import move_to

META = {
    "created_at": "2026-01-02 03:04:05.000000",
    "updated_at": "2026-01-02 03:04:05.000000",
    "alive": 1,
    "deleted_at": None,
    "purged": 0,
    "origin_site": "site-a",
    "vv": '{"site-a":3}',
    "dots": '{"*":["site-a",3,1767322000000]}',
}
HENG, OTHER = "a0000000-0000-4000-8000-000000000001", "a0000000-0000-4000-8000-000000000002"
MES, WMS, ERP, CRM = (f"b0000000-0000-4000-8000-00000000000{i}" for i in range(1, 5))


def _insert(db: sqlite3.Connection, table: str, **values: object) -> None:
    row = {**META, **values}
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))


def _card(db: sqlite3.Connection, sid: str, pursuit: str, name: str, **values: object) -> None:
    fields = {
        "title": "",
        "department": "",
        "phone": "",
        "email": "",
        "relationship": "acquainted",
        "personality": None,
        "interests": "",
        "plan": "",
        "next_step": "",
        "reports_to_id": None,
        "x": 0.0,
        "y": 0.0,
        "notes": "",
        "account_id": None,
    }
    _insert(db, "stakeholders", id=sid, pursuit_id=pursuit, name=name, **{**fields, **values})


def _old_database(path: Path) -> None:
    move_to(path, "0009")
    db = sqlite3.connect(path)
    for account, name in ((HENG, "苏州恒通"), (OTHER, "无锡新材")):
        _insert(db, "accounts", id=account, name=name, industry="", address="", notes="")
    for pursuit, account, title in (
        (MES, HENG, "MES"),
        (WMS, HENG, "WMS"),
        (ERP, HENG, "ERP"),
        (CRM, OTHER, "CRM"),
    ):
        _insert(
            db, "pursuits", id=pursuit, account_id=account, title=title, amount=0,
            currency="CNY", stage=3, status="open", close_reason="", owner="",
            stage_entered_at=META["created_at"], next_step="", board_rank=0, notes="",
        )  # fmt: skip
    # 周总 copied onto three maps of 恒通 (the phone written two ways, missing on one copy)…
    _card(db, "s1", MES, "周总", phone="13800138000", title="CIO", x=10.0, y=20.0, plan="月访")
    _card(db, "s2", WMS, "周 总", phone="+86 138-0013-8000", title="CIO", x=300.0, y=5.0)
    _card(db, "s3", ERP, "周总", title="副总", updated_at="2026-02-01 00:00:00.000000")
    # …another 周总 with another phone, the same name at another account, and a blank card.
    _card(db, "s4", ERP, "周总", phone="13900139000", reports_to_id="s3")
    _card(db, "s5", CRM, "周总", phone="13800138000")
    _card(db, "s6", MES, "")
    _card(db, "s7", WMS, "")
    _insert(db, "stakeholder_roles", id="r1", stakeholder_id="s2", role="decision_maker")
    _insert(
        db, "stakeholder_links", id="l1", pursuit_id=ERP, from_id="s4", to_id="s3",
        link_kind="influences", note="",
    )  # fmt: skip
    db.commit()
    db.close()


def _rows(path: Path, sql: str) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


CARDS = "SELECT * FROM stakeholders ORDER BY id"


def test_copies_become_one_person_per_account_and_maps_stay_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    before = _rows(path, CARDS)
    maps_before = {
        p: _rows(
            path,
            "SELECT id, name, title, phone, plan, x, y, reports_to_id FROM stakeholders"
            f" WHERE pursuit_id = '{p}' ORDER BY created_at, id",
        )
        for p in (MES, WMS, ERP, CRM)
    }

    move_to(path, "0010")
    people = dict(_rows(path, "SELECT s.id, s.person_id FROM stakeholders s ORDER BY s.id"))
    assert people["s1"] == people["s2"] == people["s3"]
    assert len({people[s] for s in ("s1", "s4", "s5", "s6", "s7")}) == 5
    [zhou] = _rows(
        path,
        f"SELECT account_id, name, title, phone, vv, dots FROM people WHERE id = '{people['s1']}'",
    )
    # The person takes the copy edited last, with its clock so that it travels.
    assert zhou[:4] == (HENG, "周总", "副总", "")
    assert json.loads(zhou[4]) == {"site-a": 3} and "*" in json.loads(zhou[5])
    assert _rows(path, f"SELECT account_id FROM people WHERE id = '{people['s5']}'") == [(OTHER,)]
    # Every card kept every value it had (person_id is the only new column).
    after = [row[:-1] for row in _rows(path, CARDS)]
    assert after == before
    assert _rows(path, "SELECT count(*) FROM stakeholder_roles") == [(1,)]

    ws = Workspace.open(path)  # the rest of the way to head
    try:
        for pursuit_id, shown in maps_before.items():
            the_map = smap.load_map(ws, pursuit_id)
            assert [
                (p.id, p.name, p.title, p.phone, p.plan, p.x, p.y, p.reports_to_id)
                for p in the_map.people
            ] == shown
        assert [(link.from_id, link.to_id) for link in smap.load_map(ws, ERP).links] == [
            ("s4", "s3")
        ]
        assert smap.load_map(ws, WMS).person("s2").roles == {"decision_maker"}  # type: ignore[union-attr]
        smap.update_person(ws, "s2", {"phone": "13700137000"})
        for pursuit_id, sid in ((MES, "s1"), (WMS, "s2"), (ERP, "s3")):
            assert smap.load_map(ws, pursuit_id).person(sid).phone == "13700137000"  # type: ignore[union-attr]
        assert smap.load_map(ws, ERP).person("s4").phone == "13900139000"  # type: ignore[union-attr]
    finally:
        ws.close()


def test_the_revision_goes_down_leaving_the_maps(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    before = _rows(path, CARDS)
    move_to(path, "0010")
    move_to(path, "0009", down=True)
    assert _rows(path, CARDS) == before
    tables = {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert "people" not in tables and "stakeholders" in tables

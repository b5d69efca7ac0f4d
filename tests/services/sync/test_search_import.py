"""An import finds its records in the search: the documents a big import makes in bulk (the
triggers set aside, storage.search_bulk) are the ones the triggers make row by row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.services import pursuits, records, search, stakeholders
from desktop.services.sync import importer
from desktop.services.workspace import Workspace
from desktop.storage.backup import online_backup

PASSPHRASE = "correct horse battery"


def documents(ws: Workspace) -> set[tuple[object, ...]]:
    with ws.read() as session:
        rows = session.execute(
            text("SELECT kind, record_id, pursuit_id, name, context, body FROM search_docs")
        )
        return {tuple(row) for row in rows}


def triggers(ws: Workspace) -> list[tuple[str, str]]:
    with ws.read() as session:
        rows = session.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def found(ws: Workspace, query: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.id) for hit in search.search(ws, query)]


@pytest.mark.parametrize("bulk_from", [0, 10**9], ids=["in-bulk", "by-triggers"])
def test_an_import_into_a_new_database_is_found_by_its_text(
    replica, write_file, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk_from: int
) -> None:
    monkeypatch.setattr(importer, "BULK_INDEX_FROM", bulk_from)
    a = replica("a")
    pursuit_id, _ = pursuits.create_pursuit(
        a, pursuits.PursuitDraft(title="智慧水务调度平台", account_name="嘉兴清源水务集团")
    )
    person_id, _ = stakeholders.create_stakeholder(
        a, pursuit_id, {"name": "欧阳明远", "interests": "周末钓鱼"}
    )
    note_id = records.create(a, "note", {"pursuit_id": pursuit_id, "body": "对方要求先做试点"})[0]
    write_file(a, tmp_path / "a.sync")
    fresh = Workspace.open(tmp_path / "new.db")
    try:
        before = triggers(fresh)
        result = importer.import_bundle(fresh, tmp_path / "a.sync", PASSPHRASE, backup=False)
        assert result.committed and result.preview.total("new") == result.preview.records
        assert ("pursuit", pursuit_id) in found(fresh, "水务调度")
        assert ("stakeholder", person_id) in found(fresh, "周末钓鱼")
        assert ("note", note_id) in found(fresh, "先做试点")
        assert documents(fresh) == documents(a)  # every searchable record, as made there
        assert triggers(fresh) == before  # set back as they were
    finally:
        fresh.close()


def test_documents_made_in_bulk_are_those_the_triggers_make(
    replica, write_file, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits, a rename, deletes and new records, merged into a diverged copy both ways."""
    a, b = replica("a"), replica("b")
    ids = [p for p in documents(a) if p[0] == "pursuit"]
    (first, second, third) = sorted(record_id for _, record_id, *_ in ids)[:3]
    records.update(a, "pursuit", first, {"title": "ERP 二期扩容", "next_step": "约见财务总监"})
    deleted_title = records.get(a, "pursuit", second)["title"]
    records.delete(a, "pursuit", second)
    account_id = records.get(a, "pursuit", third)["account_id"]
    records.update(a, "account", account_id, {"name": "改名后的客户"})
    new_id, _ = pursuits.create_pursuit(
        a, pursuits.PursuitDraft(title="新建的仓储项目", account_name="新客户")
    )
    records.create(a, "note", {"pursuit_id": new_id, "body": "仓库在城东"})
    records.update(b, "pursuit", third, {"notes": "这边也改了"})  # a join on b's side
    write_file(a, tmp_path / "a.sync")
    online_backup(b.path, tmp_path / "c.db")  # with what b's log holds
    c = Workspace.open(tmp_path / "c.db")
    try:
        monkeypatch.setattr(importer, "BULK_INDEX_FROM", 0)
        assert importer.import_bundle(b, tmp_path / "a.sync", PASSPHRASE).committed
        monkeypatch.setattr(importer, "BULK_INDEX_FROM", 10**9)
        assert importer.import_bundle(c, tmp_path / "a.sync", PASSPHRASE).committed
        assert documents(b) == documents(c)
        assert triggers(b) == triggers(c)
        assert ("pursuit", third) in found(b, "改名后的客户")  # found by its account's new name
        assert ("pursuit", second) not in found(b, deleted_title)
        assert ("pursuit", first) in found(b, "约见财务总监")
    finally:
        c.close()

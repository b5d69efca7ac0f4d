"""What is shared: a private pursuit and all its records never leave this computer (folder deltas,
snapshots, manual exports); shared again, the whole pursuit travels in the next file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.services import activities, pursuits, records, stakeholders
from desktop.services.changes import ChangeKind
from desktop.services.sync import importer, sharing
from desktop.services.workspace import Policy, Workspace

from .conftest import PASSPHRASE
from .folder_scenario import member, until_quiet
from .test_folder import PlainCarrier


def _private_pursuit(ws: Workspace, title: str) -> dict[str, str]:
    """A private pursuit with a person, a role, an activity with the person attending, a note."""
    ws.policy = Policy(share_new=False)
    try:
        created_id, _ = pursuits.create_pursuit(
            ws, pursuits.PursuitDraft(title=title, account_name="私密客户", tags=("暗线",))
        )
    finally:
        ws.policy = Policy()
    person, _ = stakeholders.create_stakeholder(
        ws, created_id, {"name": "暗线联系人"}, roles=["decision_maker"]
    )
    activity, _ = activities.create_activity(
        ws,
        activities.ActivityDraft(subject="私下约饭", pursuit_id=created_id, attendee_ids=[person]),
    )
    note = activities.add_note(ws, "只有我知道", stakeholder_id=person)
    return {"pursuit": created_id, "person": person, "activity": activity, "note": note[0]}


def _has(ws: Workspace, record_ids: dict[str, str] | list[str]) -> list[str]:
    """Which of the ids (in any synced table) the database holds, dead or alive."""
    ids = list(record_ids.values()) if isinstance(record_ids, dict) else record_ids
    conn = sqlite3.connect(ws.path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if r[0] not in ("sqlite_sequence",)
        ]
        found = []
        for table in tables:
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            if "id" not in columns or "vv" not in columns:
                continue
            for record_id in ids:
                if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone():
                    found.append(record_id)
        return found
    finally:
        conn.close()


def test_a_private_pursuit_never_reaches_a_peer_and_shared_again_arrives_whole(
    replica, write_file, tmp_path: Path
) -> None:
    a = member(replica("a"), tmp_path / "pc-a")
    b = member(replica("b"), tmp_path / "pc-b")
    boss = member(replica("boss"), tmp_path / "pc-boss", roll_up=True)
    carrier = PlainCarrier({"a": a, "b": b, "boss": boss})
    secret = _private_pursuit(a.ws, "不公开的项目")
    assert not sharing.is_shared(a.ws, secret["pursuit"])
    until_quiet([a, b, boss], carrier)
    # Private from the first snapshot on.
    assert _has(b.ws, secret) == [] and _has(boss.ws, secret) == []

    # Edits to it, then a delta, then a compaction into a new snapshot: still nothing.
    records.update(a.ws, "pursuit", secret["pursuit"], {"next_step": "继续保密"})
    shared_id = pursuits.create_pursuit(
        a.ws, pursuits.PursuitDraft(title="公开的项目", account_name="私密客户")
    ).pursuit_id
    for n in range(3):
        records.update(a.ws, "pursuit", shared_id, {"next_step": f"第{n}步"})
        until_quiet([a, b, boss], carrier)
    assert any(".full." in p.name for p in (a.config.folder / a.ws.db.site_id()).iterdir())
    assert _has(b.ws, secret) == [] and _has(boss.ws, secret) == []
    assert records.get(b.ws, "pursuit", shared_id)["next_step"] == "第2步"
    # The account is the team's: a shared pursuit of it arrives with it.
    assert (
        records.get(b.ws, "pursuit", shared_id)["account_id"]
        == records.get(a.ws, "pursuit", secret["pursuit"])["account_id"]
    )

    # A manual export leaves it out too, a chosen-pursuit one as well.
    c = replica("c")
    for n, chosen in enumerate((None, [secret["pursuit"], shared_id])):
        path = tmp_path / f"manual-{n}.pursuit-sync"
        report = write_file(a.ws, path, pursuits=chosen)
        assert report.withheld == [secret["pursuit"]]
        importer.import_bundle(c, path, PASSPHRASE, backup=False)
        assert _has(c, secret) == []
    assert records.get(c, "pursuit", shared_id)["title"] == "公开的项目"

    # Shared again: the whole pursuit arrives in the next delta, though it was written earlier.
    changes = sharing.set_shared(a.ws, [secret["pursuit"]], True)
    assert changes.ids(ChangeKind.PURSUIT) == {secret["pursuit"]}
    until_quiet([a, b, boss], carrier)
    assert sorted(_has(b.ws, secret)) == sorted(secret.values())
    assert sorted(_has(boss.ws, secret)) == sorted(secret.values())
    assert records.get(b.ws, "pursuit", secret["pursuit"])["next_step"] == "继续保密"

    # Private again: its edits stop travelling; the peer keeps its last copy.
    sharing.set_shared(a.ws, [secret["pursuit"]], False)
    records.update(a.ws, "pursuit", secret["pursuit"], {"next_step": "不再外传"})
    until_quiet([a, b, boss], carrier)
    assert records.get(b.ws, "pursuit", secret["pursuit"])["next_step"] == "继续保密"
    assert records.get(a.ws, "pursuit", secret["pursuit"])["next_step"] == "不再外传"


def test_a_private_pursuits_documents_and_their_files_stay(replica, write_file, tmp_path) -> None:
    """A document on a private pursuit: neither its record nor its file leaves; a shared
    pursuit's document goes with its file as before."""
    from desktop.services import documents

    a, b = replica("a"), replica("b")
    secret = _private_pursuit(a, "有附件的私密项目")
    shared_id, _ = pursuits.create_pursuit(
        a, pursuits.PursuitDraft(title="有附件的公开项目", account_name="客户")
    )
    private_file = tmp_path / "底价.txt"
    private_file.write_text("我们的底价", encoding="utf-8")
    public_file = tmp_path / "方案.txt"
    public_file.write_text("公开方案", encoding="utf-8")
    hidden, _ = documents.add_document(a, private_file, documents.Owner.pursuit(secret["pursuit"]))
    shown, _ = documents.add_document(a, public_file, documents.Owner.pursuit(shared_id))
    report = write_file(a, tmp_path / "all.pursuit-sync")
    assert report.withheld == [secret["pursuit"]]
    assert report.files is not None and report.files.files == 1  # the shared one's file only
    importer.import_bundle(b, report.path, PASSPHRASE, backup=False)
    assert _has(b, [hidden]) == [] and _has(b, [shown]) == [shown]

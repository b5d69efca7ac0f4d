"""Revision 0004 on a demo database built at 0003: every won pursuit goes to 回款 (open, stage 8)
when an instalment is still out, else becomes collected; nothing else changes, nothing is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from desktop.services.workspace import Workspace
from desktop.storage import migrate

TABLES = (
    "accounts",
    "pursuits",
    "stage_changes",
    "stakeholders",
    "coaching_answers",
    "instalments",
    "collections",
    "after_sale",
    "referrals",
    "notes",
    "activities",
    "visits",
)


def _database_at(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def _meta(n: int) -> str:
    return (
        f"'i{n:07d}-0000-4000-8000-000000000000', '2026-01-02 03:04:05.000000',"
        " '2026-01-02 03:04:05.000000', 1, NULL, 0, NULL, '{}', '{}'"
    )


def _demo_at_0003(path: Path) -> tuple[str, str, str, list[str]]:
    """A demo database made with the current code, then put back to the schema of 0003 with the
    pursuits' old words: what was won then (collected now) says "won", and some of those pursuits
    still wait for money, in stages before 8, as closing as won at any stage allowed."""
    from desktop.services import demo

    ws = Workspace.open(path)
    try:
        demo.fill_demo(ws, scale=60, seed=11)
    finally:
        ws.close()
    # The later revisions' own downgrades take the schema back to 0004's, which is 0003's.
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    engine.dispose()
    db = sqlite3.connect(path)
    db.execute("UPDATE alembic_version SET version_num = '0003'")
    won = [r[0] for r in db.execute("SELECT id FROM pursuits WHERE status = 'collected'")]
    assert len(won) >= 4
    db.execute("UPDATE pursuits SET status = 'won' WHERE status = 'collected'")
    # Two won at signing, in stage 6 and 5, with money still out; one without any instalment.
    waiting, early, bare = won[0], won[1], won[2]
    db.execute("UPDATE pursuits SET stage = 6, closed_on = '2026-03-01' WHERE id = ?", (waiting,))
    db.execute("UPDATE pursuits SET stage = 5 WHERE id = ?", (early,))
    db.execute(
        "UPDATE instalments SET received_on = NULL WHERE pursuit_id IN (?, ?)", (waiting, early)
    )
    db.execute("DELETE FROM instalments WHERE pursuit_id = ?", (bare,))
    db.commit()
    db.close()
    return waiting, early, bare, won


def _counts(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        db.close()


def test_won_pursuits_go_to_collection_or_become_collected(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    waiting, early, bare, won = _demo_at_0003(path)
    before = _counts(path)
    assert before["instalments"] and before["collections"] and before["after_sale"]
    db = sqlite3.connect(path)
    untouched = db.execute(
        "SELECT id, stage, status, amount, close_reason FROM pursuits WHERE status != 'won'"
    ).fetchall()
    reasons = dict(db.execute("SELECT id, close_reason FROM pursuits WHERE status = 'won'"))
    db.close()

    ws = Workspace.open(path)  # upgrades to head
    ws.close()
    assert migrate.current_revision(create_engine(f"sqlite:///{path}")) == migrate.head_revision()
    assert _counts(path) == before  # nothing lost, nothing added

    db = sqlite3.connect(path)
    rows = {
        r[0]: r[1:]
        for r in db.execute(
            "SELECT id, stage, status, closed_on, stage_entered_at, close_reason FROM pursuits"
        )
    }
    assert rows[waiting][:3] == (8, "open", None)
    assert rows[waiting][3].startswith("2026-03-01")  # in 回款 since the day it was won
    assert rows[early][:3] == (8, "open", None)
    assert rows[bare][:2] == (8, "collected") and rows[bare][2] is not None
    for pid in won:
        assert rows[pid][0] == 8 and rows[pid][1] in ("open", "collected")
        assert rows[pid][4] == reasons[pid]  # the reason it was won is kept
    assert not db.execute("SELECT 1 FROM pursuits WHERE status = 'won'").fetchall()
    for pid, stage, status, amount, reason in untouched:
        assert db.execute(
            "SELECT stage, status, amount, close_reason FROM pursuits WHERE id = ?", (pid,)
        ).fetchone() == (stage, status, amount, reason)
    db.close()


def test_downgrade_gives_collected_pursuits_back_as_won(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    _demo_at_0003(path)
    Workspace.open(path).close()
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()
    db = sqlite3.connect(path)
    statuses = {s for (s,) in db.execute("SELECT DISTINCT status FROM pursuits")}
    db.close()
    assert "collected" not in statuses and "won" in statuses

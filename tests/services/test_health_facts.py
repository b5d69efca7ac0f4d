"""The deal-health facts kept by triggers (migration 0014: `pursuit_facts`, `stakeholder_facts`)
equal a recount from the rows themselves after every kind of write: the use-cases (create, edit,
delete, restore), undo, a stage move, a purge, a sync import with a conflict, an import into a new
database (secondary indexes set aside for the load), the demo's bulk load (the same), and rows
deleted outright with their foreign keys' cascades. The recount here judges each row with the
domain's own predicates, in Python, not with the triggers' SQL."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.domain import health as rules
from desktop.domain import indicators
from desktop.services import activities, demo, health, pursuit_edits, records, stakeholders
from desktop.services.pursuits import (
    PursuitDraft,
    create_pursuit,
    delete_pursuits,
    move_stage,
)
from desktop.services.sync import export, importer, purge
from desktop.services.workspace import Workspace
from desktop.storage import bulk_load, queries, set_aside

PASSPHRASE = "correct horse battery"
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}
FACTS = (*queries.HealthFacts.COUNTS, "touched_at")
ROLE_FACTS = {
    "insider": "insiders",
    "initiator": "initiators",
    "designer": "designers",
    "evaluator": "evaluators",
    rules.DECISION_MAKER: "deciders",
}


def recount(db: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """{pursuit id: its facts} from the rows, for the pursuits that have any."""
    found: dict[str, dict[str, Any]] = {}

    def add(pursuit_id: str, name: str, value: Any = 1) -> None:
        facts = found.setdefault(pursuit_id, dict.fromkeys(FACTS, 0) | {"touched_at": None})
        if name == "touched_at":
            facts[name] = max(facts[name] or value, value)
        else:
            facts[name] += value

    for pursuit_id, relationship, role in db.execute(
        "SELECT s.pursuit_id, s.relationship, r.role FROM stakeholders AS s"
        " JOIN stakeholder_roles AS r ON r.stakeholder_id = s.id WHERE s.alive AND r.alive"
    ):
        if role in ROLE_FACTS:
            add(pursuit_id, ROLE_FACTS[role])
        if role == rules.DECISION_MAKER and relationship in rules.REACHED_RELATIONSHIPS:
            add(pursuit_id, "reached_deciders")
    for pursuit_id, relationship in db.execute(
        "SELECT pursuit_id, relationship FROM stakeholders WHERE alive"
    ):
        if relationship == rules.ALLY:
            add(pursuit_id, "allies")
    for pursuit_id, pain in db.execute("SELECT pursuit_id, pain FROM pain_points WHERE alive"):
        if rules.has_pain_analysis([pain]):
            add(pursuit_id, "written_pains")
    for pursuit_id, label, *counter in db.execute(
        "SELECT pursuit_id, label, features, advantages, benefits FROM pursuit_competitors"
        " WHERE alive"
    ):
        if not (label.strip() and any(text.strip() for text in counter)):
            add(pursuit_id, "unanswered_rivals")
    for pursuit_id, severity, status in db.execute(
        "SELECT pursuit_id, severity, status FROM risks WHERE alive"
    ):
        if rules.is_open_high_risk(severity, status):
            add(pursuit_id, "open_high_risks")
    for pursuit_id, plan, override, importance, ours in db.execute(
        "SELECT pursuit_id, action_plan, class_override, importance, our_score FROM indicators"
        " WHERE alive"
    ):
        could_be_fatal = override == indicators.FATAL or (
            override is None
            and importance >= indicators.IMPORTANT
            and ours is not None
            and ours < indicators.MAX_SCORE
        )
        if not plan.strip() and could_be_fatal:
            add(pursuit_id, "fatal_candidates")
    for (pursuit_id,) in db.execute("SELECT pursuit_id FROM value_cases WHERE alive"):
        add(pursuit_id, "value_cases")
    for sql in (
        "SELECT pursuit_id, done_at FROM activities WHERE alive AND done",
        "SELECT pursuit_id, noted_at FROM notes WHERE alive",
        "SELECT pursuit_id, changed_at FROM stage_changes WHERE alive",
    ):
        for pursuit_id, when in db.execute(sql):
            if pursuit_id is not None and when is not None:
                add(pursuit_id, "touched_at", when)
    return found


COPIED = (
    "alive",
    "status",
    "stage",
    "stage_entered_at",
    "expected_close",
    "next_step",
    "next_step_due",
)


def copied_right(db: sqlite3.Connection) -> None:
    """Each pursuit's own columns, as its facts row copies them (and no row of a pursuit gone)."""
    columns = ", ".join(COPIED)
    pursuits = {row[0]: row[1:] for row in db.execute(f"SELECT id, {columns} FROM pursuits")}
    facts = {
        row[0]: row[1:]
        for row in db.execute(f"SELECT pursuit_id, {columns} FROM pursuit_facts")
        if row[0] in pursuits or any(row[1:])
    }
    assert facts == pursuits


def kept(db: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """{pursuit id: its facts} as the triggers keep them, leaving out rows of none."""
    none = dict.fromkeys(FACTS, 0) | {"touched_at": None}
    rows = db.execute(f"SELECT pursuit_id, {', '.join(FACTS)} FROM pursuit_facts").fetchall()
    facts = {row[0]: dict(zip(FACTS, row[1:], strict=True)) for row in rows}
    return {pursuit_id: values for pursuit_id, values in facts.items() if values != none}


def roles_kept_right(db: sqlite3.Connection) -> None:
    """Each card's `stakeholder_facts` counts its live roles."""
    expected: dict[str, dict[str, int]] = {}
    for stakeholder_id, role in db.execute(
        "SELECT r.stakeholder_id, r.role FROM stakeholder_roles AS r"
        " JOIN stakeholders AS s ON s.id = r.stakeholder_id WHERE r.alive"
    ):
        if role in ROLE_FACTS:
            held = expected.setdefault(stakeholder_id, dict.fromkeys(ROLE_FACTS.values(), 0))
            held[ROLE_FACTS[role]] += 1
    columns = ", ".join(ROLE_FACTS.values())
    found = {
        row[0]: dict(zip(ROLE_FACTS.values(), row[1:], strict=True))
        for row in db.execute(
            f"SELECT v.stakeholder_id, {columns} FROM stakeholder_facts AS v"
            " JOIN stakeholders AS s ON s.id = v.stakeholder_id"
        )
        if any(row[1:])
    }
    assert found == expected


def assert_kept_right(path: Path) -> None:
    db = sqlite3.connect(path)
    try:
        expected = recount(db)
        assert expected, "the database has facts to keep"
        assert kept(db) == expected
        roles_kept_right(db)
        copied_right(db)
    finally:
        db.close()


def test_the_triggers_write_the_rules_constants() -> None:
    migration = set_aside.facts_migration()  # the module large loads count with too
    assert set(migration.ROLES) == {*rules.ROLE_RULES.values(), rules.DECISION_MAKER}
    assert migration.DECIDER == rules.DECISION_MAKER
    assert migration.REACHED == rules.REACHED_RELATIONSHIPS
    assert migration.ALLY == rules.ALLY
    assert "".join(map(chr, migration.BLANKS)) == rules.BLANKS
    assert migration.HIGH_IMPACT == rules.HIGH_IMPACT
    assert (migration.FATAL, migration.IMPORTANT, migration.MAX_SCORE) == (
        indicators.FATAL,
        indicators.IMPORTANT,
        indicators.MAX_SCORE,
    )
    assert (*migration.COLUMNS, "touched_at") == FACTS


def _pursuit(ws: Workspace, stage: int = 5) -> str:
    pursuit_id, _ = create_pursuit(
        ws, PursuitDraft(title="WMS 仓储管理", account_name="无锡华晨机械", amount=1, stage=stage)
    )
    return pursuit_id


def test_every_use_case_and_undo_keeps_the_facts(ws: Workspace) -> None:
    demo.fill_demo(ws, scale=6, seed=3)
    assert_kept_right(ws.path)
    pursuit_id = _pursuit(ws)
    other = _pursuit(ws, 3)
    card, _ = stakeholders.create_stakeholder(
        ws, pursuit_id, {"name": "周总", "relationship": "acquainted"}, roles=["decision_maker"]
    )
    assert_kept_right(ws.path)
    stakeholders.set_roles(ws, card, ["insider", "decision_maker", "designer"])
    records.update(ws, "stakeholder", card, {"relationship": "ally"})
    assert_kept_right(ws.path)
    stakeholders.set_roles(ws, card, ["evaluator"])
    records.update(ws, "stakeholder", card, {"relationship": "interacting"})
    stakeholders.set_roles(ws, card, ["decision_maker", "initiator"])
    assert_kept_right(ws.path)
    records.delete(ws, "stakeholder", card)
    assert_kept_right(ws.path)
    records.restore(ws, "stakeholder", card)
    assert_kept_right(ws.path)

    pain, _ = pursuit_edits.add_part(ws, "pain_point", pursuit_id, {"pain": "\u3000\t "})
    assert_kept_right(ws.path)
    records.update(ws, "pain_point", pain, {"pain": "库存不准"})
    assert_kept_right(ws.path)
    records.update(ws, "pain_point", pain, {"pursuit_id": other})
    assert_kept_right(ws.path)
    records.delete(ws, "pain_point", pain)
    risk, _ = pursuit_edits.add_part(ws, "risk", pursuit_id, {"description": "预算", "severity": 5})
    assert_kept_right(ws.path)
    records.update(ws, "risk", risk, {"status": "closed"})
    assert_kept_right(ws.path)
    rival, _ = records.create(ws, "competitor", {"name": "金蝶"})
    entry, _ = records.create(
        ws, "pursuit_competitor", {"pursuit_id": pursuit_id, "competitor_id": rival}
    )
    assert_kept_right(ws.path)
    records.update(ws, "pursuit_competitor", entry, {"label": "价格低", "features": "本地化"})
    assert_kept_right(ws.path)
    criterion, _ = records.create(
        ws, "indicator", {"pursuit_id": pursuit_id, "name": "交付期", "our_score": 2}
    )
    assert_kept_right(ws.path)
    records.update(ws, "indicator", criterion, {"action_plan": "请客户参观样板"})
    records.update(ws, "indicator", criterion, {"class_override": "fatal", "action_plan": ""})
    assert_kept_right(ws.path)

    task, _ = activities.create_activity(ws, activities.ActivityDraft("回访", pursuit_id=other))
    activities.complete_activity(ws, task)
    assert_kept_right(ws.path)
    activities.reopen_activity(ws, task)
    assert_kept_right(ws.path)
    old = datetime.now(UTC) - timedelta(days=3)
    activities.add_note(ws, "电话", pursuit_id=other, noted_at=old)
    assert_kept_right(ws.path)

    moved = move_stage(ws, [other], 4)
    assert_kept_right(ws.path)
    moved.undo(ws)
    assert_kept_right(ws.path)
    deleted = delete_pursuits(ws, [pursuit_id])
    assert_kept_right(ws.path)
    deleted.undo(ws)
    assert_kept_right(ws.path)
    purge.purge(ws, "stakeholder", card)
    assert_kept_right(ws.path)
    purge.purge(ws, "pursuit", other)
    assert_kept_right(ws.path)


def test_rows_deleted_outright_take_their_counts_with_them(ws: Workspace) -> None:
    demo.fill_demo(ws, scale=6, seed=4)
    db = sqlite3.connect(ws.path)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        (card,) = db.execute(
            "SELECT s.id FROM stakeholders AS s JOIN stakeholder_roles AS r"
            " ON r.stakeholder_id = s.id WHERE s.alive AND r.alive LIMIT 1"
        ).fetchone()
        db.execute("DELETE FROM stakeholders WHERE id = ?", (card,))  # its roles by cascade
        db.commit()
        assert_kept_right(ws.path)
        (pursuit_id,) = db.execute("SELECT pursuit_id FROM risks LIMIT 1").fetchone()
        db.execute("DELETE FROM pursuits WHERE id = ?", (pursuit_id,))  # everything of it
        db.commit()
        assert_kept_right(ws.path)
        assert not db.execute(
            "SELECT 1 FROM pursuit_facts WHERE pursuit_id = ?", (pursuit_id,)
        ).fetchone()
    finally:
        db.close()


def _export(ws: Workspace, path: Path) -> None:
    export.export_bundle(ws, path, passphrase=PASSPHRASE, kdf=FAST_KDF, site_name=ws.path.stem)


def test_a_sync_import_with_conflicts_and_an_import_into_a_new_database(tmp_path: Path) -> None:
    base = tmp_path / "base.db"
    template = Workspace.open(base)
    demo.fill_demo(template, scale=8, seed=6)
    template.close()
    for name in ("a", "b"):
        shutil.copy(base, tmp_path / f"{name}.db")
    a, b = Workspace.open(tmp_path / "a.db"), Workspace.open(tmp_path / "b.db")
    fresh = Workspace.open(tmp_path / "fresh.db")
    try:
        with a.read() as session:
            db = queries.driver_of(session)
            cards = [row[0] for row in db.execute("SELECT id FROM stakeholders LIMIT 3")]
            (pain,) = db.execute("SELECT id FROM pain_points WHERE alive LIMIT 1").fetchone()
            (first,) = db.execute("SELECT pursuit_id FROM stakeholders WHERE id = ?", cards[:1])
        records.update(a, "pursuit", first, {"title": "甲的名称"})
        records.update(b, "pursuit", first, {"title": "乙的名称"})  # a conflict
        records.update(a, "stakeholder", cards[0], {"relationship": "ally"})
        records.update(b, "stakeholder", cards[0], {"relationship": "acquainted"})
        records.delete(a, "stakeholder", cards[1])
        stakeholders.set_roles(b, cards[1], ["insider", "decision_maker"])
        stakeholders.set_roles(a, cards[2], ["evaluator"])
        records.update(b, "pain_point", pain, {"pain": " "})
        _export(a, tmp_path / "a.sync")
        result = importer.import_bundle(b, tmp_path / "a.sync", PASSPHRASE, backup=False)
        assert result.preview.total("conflicts") >= 1
        assert_kept_right(b.path)
        _export(b, tmp_path / "b.sync")
        importer.import_bundle(fresh, tmp_path / "b.sync", PASSPHRASE, backup=False)
        assert_kept_right(fresh.path)
        with fresh.read() as session:
            assert queries.driver_of(session).execute("SELECT count(*) FROM pursuit_facts")
        assert health.red_flag_counts(fresh) == health.red_flag_counts(b)
    finally:
        for ws in (a, b, fresh):
            ws.close()


def test_the_demos_bulk_load_keeps_the_facts(ws: Workspace) -> None:

    scale = bulk_load.LARGE_FROM // 60 + 10  # large: indexes and triggers set aside meanwhile
    demo.fill_demo(ws, scale=scale, seed=7)
    assert_kept_right(ws.path)
    with ws.read() as session:
        names = {
            row[0]
            for row in queries.driver_of(session).execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'facts%'"
            )
        }
    assert len(names) == 3 * 12  # roles, cards, 6 counts, 3 touches, the pursuit's own columns

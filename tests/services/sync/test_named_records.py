"""Two reps who each add the same customer or the same competitor make one record in the team's
files (tables.named_id), merged field by field, instead of two that a manager's roll-up shows
side by side (the tester's dashboard listed 金桥系统 twice)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.services import accounts, pursuits
from desktop.services.indicators import competitors
from desktop.services.sync import importer
from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, Competitor, SyncReview

PASSPHRASE = "correct horse battery"


def names(ws: Workspace, table: type) -> list[str]:
    with ws.read() as session:
        return sorted(session.scalars(select(table.name).where(table.alive)))


def test_the_same_names_added_on_two_laptops_are_one_record(
    replica, write_file, tmp_path: Path
) -> None:
    a, b = replica("a"), replica("b")
    accounts_before, competitors_before = names(a, Account), names(a, Competitor)
    # Each rep types them their own way: the account in a pursuit's dialog on one laptop and
    # on the Accounts screen on the other; the competitor in the grid's list and as the one a
    # pursuit was lost to, with other spacing and letter case.
    pursuits.create_pursuit(a, pursuits.PursuitDraft(title="ERP 升级", account_name="华为技术"))
    accounts.create_account(b, {"name": "华为技术", "industry": "制造"})
    competitors.create_competitor(a, "Jinqiao  Systems")
    lost = pursuits.create_pursuit(
        b, pursuits.PursuitDraft(title="CRM", account_name="小米")
    ).pursuit_id
    pursuits.close_pursuits(b, [lost], "lost", reason="价格", lost_to_name="jinqiao systems")

    write_file(a, tmp_path / "a.sync")
    write_file(b, tmp_path / "b.sync")
    importer.import_bundle(b, tmp_path / "a.sync", PASSPHRASE)
    importer.import_bundle(a, tmp_path / "b.sync", PASSPHRASE)
    for ws in (a, b):
        assert names(ws, Account) == sorted([*accounts_before, "华为技术", "小米"])
        # One record; the two spellings of its name are one field written on two laptops, whose
        # winner both show (the other waits in review).
        added = [n for n in names(ws, Competitor) if n not in competitors_before]
        assert [n.casefold() for n in added] == ["jinqiao systems"]
    assert names(a, Competitor) == names(b, Competitor)


def test_a_name_used_before_gets_a_new_id(replica) -> None:
    """A competitor deleted (or renamed away) keeps its id: a new one of that name is another."""
    a = replica("a")
    first, _ = competitors.create_competitor(a, "博远咨询 2")
    competitors.update_playbook(a, first, {"name": "博远咨询 3"})
    second, _ = competitors.create_competitor(a, "博远咨询 2")
    assert second != first
    assert names(a, Competitor).count("博远咨询 2") == 1


def test_a_playbook_meets_the_same_competitor_just_added_elsewhere(
    replica, write_file, tmp_path: Path
) -> None:
    """Filled on one laptop, only just added (empty) on the other: the playbook shows on both,
    and no rep is asked to confirm it field by field."""
    a, b = replica("a"), replica("b")
    competitors.create_competitor(
        a, "新锐软件", {"solution": "标准化套件", "weaknesses": "实施慢", "labels": "「价格屠夫」"}
    )
    competitors.create_competitor(b, "新锐软件")  # added later, nothing written yet
    write_file(a, tmp_path / "a.sync")
    write_file(b, tmp_path / "b.sync")
    importer.import_bundle(b, tmp_path / "a.sync", PASSPHRASE)
    importer.import_bundle(a, tmp_path / "b.sync", PASSPHRASE)
    for ws in (a, b):
        found = competitors.find_competitor(ws, "新锐软件")
        assert found is not None
        book = competitors.playbook(ws, found)
        assert (book["solution"], book["weaknesses"]) == ("标准化套件", "实施慢")
        with ws.read() as session:
            assert (
                session.scalars(select(SyncReview).where(SyncReview.record_id == found)).all() == []
            )


def test_a_demo_account_and_the_same_customer_added_by_hand_are_one(
    replica, write_file, tmp_path: Path
) -> None:
    """Demo data names its accounts as a rep's own are: a rep who adds one of them by hand on
    another laptop (the tester's 天津中通证券) meets it after a sync, not a second of it."""
    a = replica("a")
    name = names(a, Account)[0]
    other = Workspace.open(tmp_path / "other.db")
    try:
        accounts.create_account(other, {"name": name})
        write_file(other, tmp_path / "other.sync")
    finally:
        other.close()
    importer.import_bundle(a, tmp_path / "other.sync", PASSPHRASE)
    assert names(a, Account).count(name) == 1

"""The team-folder scenario, shared by the plain-folder test and the Syncthing test.

Two reps' databases and a manager's roll-up, each with its own copy of the team folder; a
`Carrier` moves files between the copies the way a file-sync engine does (its own pace, partial
files on the way, deletes too). The scenario runs edits on both sides, a delete against an edit,
a purge, one side offline while the other compacts, a delta arriving before its predecessor and
a file cut off mid-delivery, and ends with identical logical dumps and every conflict in review.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.services import records, stakeholders
from desktop.services.sync import dump, folder, purge, review
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit, Stakeholder

from .conftest import FAST_KDF, PASSPHRASE


class Carrier(Protocol):
    """How files get from one computer's copy of the folder to the others'."""

    def settle(self) -> None:
        """Deliver everything written so far, completely (deletes included)."""

    def offline(self, name: str, away: bool) -> None:
        """Take one computer's copy off the network (nothing reaches it) or bring it back."""


@dataclass
class Member:
    ws: Workspace
    config: folder.FolderSync

    def sync(self) -> folder.RoundReport:
        return folder.sync_round(self.ws, self.config)


def member(ws: Workspace, where: Path, *, roll_up: bool = False) -> Member:
    where.mkdir(parents=True, exist_ok=True)
    config = folder.FolderSync(
        where,
        PASSPHRASE,
        roll_up=roll_up,
        site_name=ws.path.stem,
        kdf=FAST_KDF,
        compact_after=2,
    )
    return Member(ws, config)


def _ids(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return [p.id for p in session.query(Pursuit).order_by(Pursuit.id)]


def _person(ws: Workspace, pursuit_id: str) -> str:
    person = stakeholders.people_of(ws, pursuit_id)[0]
    return str(person["id"] if isinstance(person, dict) else person.id)


def until_quiet(members: list[Member], carrier: Carrier, rounds: int = 6) -> None:
    """Rounds and deliveries until no one writes or merges anything."""
    for _ in range(rounds):
        busy = False
        for m in members:
            report = m.sync()
            busy = busy or report.written is not None or report.imported_files > 0
            assert not report.refused, report.refused
        carrier.settle()
        if not busy:
            return
    raise AssertionError("the folder never settled")


def run_scenario(
    a: Member,
    b: Member,
    boss: Member,
    carrier: Carrier,
    *,
    hold: Callable[[Member, int], None] | None = None,
    cut: Callable[[Member, int], None] | None = None,
    release: Callable[[], None] | None = None,
) -> None:
    """The whole story. `hold(writer, sequence)` keeps that file of the writer from arriving;
    `cut(writer, sequence)` delivers it cut off; `release()` delivers what was held or cut."""
    everyone = [a, b, boss]
    until_quiet(everyone, carrier)
    assert boss.config.roll_up and not (boss.config.folder / boss.ws.db.site_id()).exists()

    p = _ids(a.ws)
    records.update(a.ws, "pursuit", p[0], {"title": "甲改的标题"})
    records.update(b.ws, "pursuit", p[1], {"next_step": "乙约了技术交流"})
    records.update(a.ws, "pursuit", p[2], {"title": "甲的名称"})  # both edit one field
    records.update(b.ws, "pursuit", p[2], {"title": "乙的名称"})
    records.delete(a.ws, "pursuit", p[3])  # a delete against an edit
    records.update(b.ws, "pursuit", p[3], {"next_step": "乙还在跟"})
    person = _person(a.ws, p[0])
    purge.purge(a.ws, "stakeholder", person)
    records.update(b.ws, "stakeholder", person, {"notes": "内部消息"})
    until_quiet(everyone, carrier)

    # b is offline while a writes several deltas and compacts them into a snapshot.
    carrier.offline("b", True)
    for n in range(5):
        records.update(a.ws, "pursuit", p[1], {"next_step": f"第 {n} 次跟进"})
        report = a.sync()
        assert report.written is not None
        carrier.settle()
        boss.sync()
    assert any(
        name.endswith(".full.pursuit-sync") for name in _names(a.config.folder / a.ws.db.site_id())
    )
    carrier.offline("b", False)
    carrier.settle()
    report = b.sync()
    assert report.imported_files >= 1 and not report.refused

    # A delta arriving before its predecessor is held; a file cut off is skipped quietly.
    if hold is not None and cut is not None and release is not None:
        records.update(a.ws, "pursuit", p[1], {"title": "先写的"})
        first = a.sync()
        records.update(a.ws, "pursuit", p[0], {"next_step": "后写的"})
        second = a.sync()
        assert first.written and second.written
        sequence = int(Path(first.written).name[:8])
        hold(a, sequence)
        carrier.settle()
        report = b.sync()
        assert [s.reason for s in report.skipped] == ["waiting"], report.skipped
        assert records.get(b.ws, "pursuit", p[0])["next_step"] != "后写的"
        cut(a, sequence)
        report = b.sync()
        assert {s.reason for s in report.skipped} <= {"arriving", "waiting"}
        assert report.skipped and not report.refused and report.imported_files == 0
        release()
        report = b.sync()
        assert report.imported_files == 2 and not report.skipped
        assert records.get(b.ws, "pursuit", p[0])["next_step"] == "后写的"

    until_quiet(everyone, carrier)
    digests = {m.ws.path.stem: dump.digest(m.ws.path) for m in everyone}
    assert len(set(digests.values())) == 1, digests
    for m in everyone:
        fields = {(c.record_id, c.field) for c in review.list_conflicts(m.ws)}
        assert (p[2], "title") in fields and (p[3], "alive") in fields, fields
        with m.ws.read() as session:
            assert session.get(Stakeholder, person).purged
            assert session.get(Pursuit, p[0]).title == "甲改的标题"
            assert session.get(Pursuit, p[1]).next_step == "第 4 次跟进"


def _names(where: Path) -> list[str]:
    return sorted(p.name for p in where.iterdir()) if where.exists() else []

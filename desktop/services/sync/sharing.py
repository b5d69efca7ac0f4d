"""What is shared with the team: a pursuit is shared unless this computer keeps it private.

A private pursuit and everything that belongs to it — every record whose pursuit it is (people,
coaching answers, risks, visits, activities, notes, collection, …) and every record that points at
one of those (a visit's attendees, a role of a person) — never goes into a sync file: not into a
folder delta, not into a snapshot, not into a manual export (`narrow`, the exporter's filter). The
account and the competitors a private pursuit refers to are the team's and still travel: they are
not the pursuit's, and a shared pursuit of the same account needs them.

Turning a pursuit private after it was shared stops it travelling from this computer: colleagues
keep the last copy they received (nothing is deleted on their side), and their own edits to it
still arrive here. Turning it shared again sends the whole pursuit in the next file (`resend`): its
records may have been written while it was private, which a delta alone would not carry.

Whether a pursuit is private is this database's decision (`private_pursuits`, not synced). New
pursuits take the rep's default (Preferences ▸ Sync, `Policy.share_new`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import delete, select

from desktop.services.changes import ChangeKind, Changes
from desktop.services.workspace import Workspace
from desktop.storage.tables import PrivatePursuit, Pursuit, Synced

# --- the use-cases ------------------------------------------------------------------------------


def set_shared(ws: Workspace, pursuit_ids: Sequence[str], shared: bool) -> Changes:
    """Share the pursuits with the team, or keep them on this computer (one transaction)."""
    ids = sorted(set(pursuit_ids))
    with ws.write() as session:
        known = set(session.scalars(select(Pursuit.id).where(Pursuit.id.in_(ids))))
        private = set(
            session.scalars(
                select(PrivatePursuit.pursuit_id).where(PrivatePursuit.pursuit_id.in_(ids))
            )
        )
        if shared:
            turned = sorted(private)
            if turned:
                session.execute(delete(PrivatePursuit).where(PrivatePursuit.pursuit_id.in_(turned)))
        else:
            turned = sorted(known - private)
            session.add_all(PrivatePursuit(pursuit_id=i) for i in turned)
        return Changes.of(ChangeKind.PURSUIT, *turned)


def private_pursuits(ws: Workspace, among: Collection[str] | None = None) -> set[str]:
    """The pursuits kept on this computer (of `among`, when given)."""
    with ws.read() as session:
        query = select(PrivatePursuit.pursuit_id)
        if among is not None:
            query = query.where(PrivatePursuit.pursuit_id.in_(list(among)))
        return set(session.scalars(query))


def is_shared(ws: Workspace, pursuit_id: str) -> bool:
    return not private_pursuits(ws, [pursuit_id])


# --- the exporter's filter (sqlite3, inside the export's one read snapshot) ---------------------


def private_ids(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT pursuit_id FROM private_pursuits")}


def owned(
    conn: sqlite3.Connection, tables: Sequence[type[Synced]], pursuit_ids: Iterable[str]
) -> dict[str, set[str]]:
    """The pursuits and every record that belongs to them, per kind: closed downward over every
    reference (whatever points at a record of theirs is theirs too), never upward."""
    found: dict[str, set[str]] = {t.kind: set() for t in tables}
    found["pursuit"] = {
        row[0]
        for row in conn.execute(
            "SELECT id FROM pursuits WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(pursuit_ids))),),
        )
    }
    if not found["pursuit"]:
        return found
    targets = {t.__tablename__: t.kind for t in tables}
    links = [
        (table, column.name, targets[key.column.table.name])
        for table in tables
        for column in table.__table__.columns
        for key in column.foreign_keys
        if key.column.table.name in targets
        and targets[key.column.table.name] not in ("account", "competitor")
    ]
    grown = True
    while grown:  # a grandchild points at a child found in the pass before
        grown = False
        for table, column, target in links:
            if not found[target]:
                continue
            ids = {
                row[0]
                for row in conn.execute(
                    f"SELECT id FROM {table.__tablename__} "
                    f"WHERE {column} IN (SELECT value FROM json_each(?))",
                    (json.dumps(sorted(found[target])),),
                )
            }
            more = ids - found[table.kind]
            if more and table.kind != "pursuit":
                found[table.kind] |= more
                grown = True
    return found


def narrow(
    conn: sqlite3.Connection,
    tables: Sequence[type[Synced]],
    scope: dict[str, set[str]] | None,
    resend: Iterable[str] = (),
) -> tuple[dict[str, set[str]] | None, list[str]]:
    """The export's scope without what is private, plus the whole of the pursuits in `resend`
    (shared again since the reader's last file) that are shared now; and the private pursuits.

    `scope` None means everything; it stays None (no list of every id) when nothing is private.
    """
    private = private_ids(conn)
    again = set(resend) - private
    if again and scope is not None:
        whole = owned(conn, tables, again)
        scope = {kind: ids | whole.get(kind, set()) for kind, ids in scope.items()}
    if not private:
        return scope, []
    held = owned(conn, tables, private)
    if scope is None:
        scope = {
            t.kind: {row[0] for row in conn.execute(f"SELECT id FROM {t.__tablename__}")}
            for t in tables
        }
    return {kind: ids - held.get(kind, set()) for kind, ids in scope.items()}, sorted(private)

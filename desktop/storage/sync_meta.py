"""The one write path that stamps sync metadata (DESIGN.md, "Sync").

A `before_flush` listener stamps every new or changed synced record: the transaction's dot
(site, counter, hlc) on each changed field, the version vector, `updated_at`, and it drops the
siblings of the fields this edit replaces (a local edit resolves a conflict). The counter rises once
per write transaction. Services therefore never stamp by hand, and cannot forget to.

The sync importer writes merged metadata itself and turns stamping off with
`session.info["merging"]`.

The clock is bounded: no time beyond this computer's clock plus `MAX_SKEW_MS` is accepted from a
file (the importer refuses it), and no dot made here goes beyond it either. A database whose clock
was pushed beyond it before that bound existed (by a file with a time near 2**53, which made
every later export of it unacceptable to its peers) is repaired when it is opened for writing:
`repair_clock` brings every time beyond the bound back to now. A write is still known by its
(site, counter), which do not change, so copies elsewhere still join with it; only the order in
which concurrent values are shown can move.
"""

from __future__ import annotations

import json
import time
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect, select, text
from sqlalchemy.orm import Session

from desktop.domain import merge
from desktop.storage import sync_codec
from desktop.storage.tables import BY_KIND, Synced, SyncState, new_id, utcnow

# Dots are stored compactly: {"*": dot} for the fields written with the record, and an entry per
# field only where a later edit gave it its own dot. Use `field_dot` to read one.
DEFAULT_DOT = "*"

# How far ahead of this computer's clock a change time may be: clocks of laptops drift and time
# zones get set wrong, but a time beyond a day is not a clock that is merely off.
MAX_SKEW_MS = 24 * 3600 * 1000


def now_ms() -> int:
    return int(time.time() * 1000)


def clock_bound(now: int | None = None) -> int:
    """The latest hybrid-logical-clock time (ms) accepted now: the wall clock plus the skew."""
    return (now_ms() if now is None else now) + MAX_SKEW_MS


def ensure_site(session: Session, db_path: str | None) -> SyncState:
    """The database's site row; a new site when none exists or the file turned up as a copy."""
    state = session.scalars(select(SyncState)).first()
    if state is None:
        state = SyncState(site_id=new_id(), counter=0, hlc=0, db_path=db_path)
        session.add(state)
    elif db_path is not None and state.db_path not in (None, db_path):
        # The file was copied or moved: a fresh identity keeps two copies from sharing dots.
        session.delete(state)
        session.flush()
        state = SyncState(site_id=new_id(), counter=state.counter, hlc=state.hlc, db_path=db_path)
        session.add(state)
    if state.hlc > clock_bound():
        repair_clock(session, state)
    return state


def repair_clock(session: Session, state: SyncState | None = None) -> int:
    """Bring every time beyond the bound back to now, the clock too; returns the records mended.

    Run when the database is opened for writing and its clock is beyond the bound (only a file
    imported before the bound existed can have put it there). Dots keep their (site, counter).
    """
    state = state or session.scalars(select(SyncState)).one()
    now = now_ms()
    bound = clock_bound(now)
    conn = session.connection()
    mended = 0
    for table in BY_KIND.values():
        name = table.__tablename__
        rows = conn.execute(
            text(
                f"SELECT id, dots, siblings FROM {name} WHERE EXISTS (SELECT 1 FROM "
                f"json_each({name}.dots) WHERE json_extract(value, '$[2]') > :bound) OR EXISTS "
                f"(SELECT 1 FROM json_each({name}.siblings) AS f, json_each(f.value) AS e "
                f"WHERE json_extract(e.value, '$[3]') > :bound)"
            ),
            {"bound": bound},
        ).all()
        for record_id, dots_text, siblings_text in rows:
            dots = {
                field: [dot[0], dot[1], now] if dot[2] > bound else dot
                for field, dot in json.loads(dots_text or "{}").items()
            }
            siblings = json.loads(siblings_text) if siblings_text else None
            if siblings:
                siblings = merge.order_fields(
                    {
                        field: [[*e[:3], now] if e[3] > bound else e for e in entries]
                        for field, entries in siblings.items()
                    }
                )
            conn.execute(
                text(f"UPDATE {name} SET dots = :dots, siblings = :siblings WHERE id = :id"),
                {
                    "dots": sync_codec.dumps(dots),
                    "siblings": sync_codec.dumps(siblings) if siblings else None,
                    "id": record_id,
                },
            )
            mended += 1
    state.hlc = now
    return mended


def renew_site(session: Session) -> str:
    """A fresh site id that keeps the counters (a restored or copied file is a new replica)."""
    state = session.scalars(select(SyncState)).one()
    fresh = SyncState(site_id=new_id(), counter=state.counter, hlc=state.hlc, db_path=state.db_path)
    session.delete(state)
    session.flush()
    session.add(fresh)
    return fresh.site_id


def next_dot(session: Session) -> tuple[str, int, int]:
    """The dot of the current write transaction (site, counter, hlc), made once per transaction."""
    dot = session.info.get("dot")
    if dot is None:
        state = session.scalars(select(SyncState)).one()
        state.counter += 1
        now = now_ms()
        # Never beyond the bound, even if the clock got there before it existed.
        state.hlc = max(now, min(state.hlc + 1, clock_bound(now)))
        dot = (state.site_id, state.counter, state.hlc)
        session.info["dot"] = dot
    return dot


def _changed_fields(obj: Synced, is_new: bool) -> list[str]:
    fields = type(obj).register_fields()
    if is_new:
        return list(fields)
    state = inspect(obj)
    changed = [f for f in fields if state.attrs[f].history.has_changes()]
    if changed and "alive" not in changed and obj.alive:
        # An edit says "this record lives": a delete made elsewhere without knowing of this edit
        # then meets it as a sibling and waits for review instead of silently winning.
        changed += ["alive", "deleted_at"]
    return changed


def field_dot(dots: dict[str, Any], name: str) -> list[Any] | None:
    """The dot of one field: its own entry, else the record's default dot under "*"."""
    return dots.get(name) or dots.get(DEFAULT_DOT)


def stamp(session: Session, obj: Synced, fields: list[str]) -> None:
    site, counter, hlc = next_dot(session)
    now = utcnow()
    dot = [site, counter, hlc]
    if set(fields) >= set(type(obj).register_fields()) or not obj.dots:
        # Every field written at once (a new record): one default dot keeps rows small.
        dots: dict[str, Any] = {DEFAULT_DOT: dot}
    else:
        dots = dict(obj.dots)
        for name in fields:
            dots[name] = dot
    obj.dots = dict(sorted(dots.items()))  # sorted keys: equal states store equal text
    vv = dict(obj.vv or {})
    vv[site] = counter
    obj.vv = dict(sorted(vv.items()))
    if obj.siblings:
        remaining = {k: v for k, v in obj.siblings.items() if k not in fields}
        obj.siblings = remaining or None
        sync_codec.refresh_review(session, obj)
    obj.updated_at = now
    if obj.created_at is None:
        obj.created_at = now
    if obj.origin_site is None:
        obj.origin_site = site


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get("merging"):
        return
    for obj in list(session.new):
        if isinstance(obj, Synced):
            stamp(session, obj, _changed_fields(obj, True))
    for obj in list(session.dirty):
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            fields = _changed_fields(obj, False)
            if fields:
                stamp(session, obj, fields)


def _forget_dot(session: Session, *_: Any) -> None:
    session.info.pop("dot", None)


def install(session_class: type[Session]) -> None:
    """Attach the stamping write path to a session class (idempotent)."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
        event.listen(session_class, "after_commit", _forget_dot)
        event.listen(session_class, "after_rollback", _forget_dot)


def stamped_row(
    table: type[Synced], values: dict[str, Any], dot: tuple[str, int, int]
) -> dict[str, Any]:
    """Values for a bulk Core insert, with the metadata the flush listener would have written.

    For bulk writers (demo data at scale) that skip the ORM unit of work for speed.
    """
    site, counter, hlc = dot
    now = utcnow()
    row: dict[str, Any] = {name: None for name in table.register_fields()}
    row.update(alive=True, deleted_at=None)
    row.update(values)
    row.setdefault("id", new_id())
    row.update(
        created_at=values.get("created_at", now),
        updated_at=values.get("updated_at", now),
        purged=False,
        origin_site=site,
        vv={site: counter},
        dots={DEFAULT_DOT: [site, counter, hlc]},
        siblings=None,
    )
    return row


def fill_defaults(table: type[Any], batch: list[dict[str, Any]]) -> None:
    """Give a column left None its default, as the ORM's insert does (it leaves the column out):
    a Core executemany sends every row's keys as they are."""
    fills: list[tuple[str, Any, bool]] = []  # (column, default, whether to call it)
    for column in cast(Table, table.__table__).columns:
        arg = getattr(column.default, "arg", None)
        if arg is not None:
            # A callable default is wrapped by SQLAlchemy to take an execution context.
            fills.append((column.key, arg, callable(arg)))
    for row in batch:
        for key, arg, call in fills:
            if row.get(key, 0) is None:
                row[key] = arg(None) if call else arg


def insert_rows(
    session: Session, table: type[Any], batch: list[dict[str, Any]], size: int = 5000
) -> None:
    """Bulk rows (from `stamped_row` for a synced table) written with one Core executemany per
    `size` rows, their empty columns given their defaults first."""
    fill_defaults(table, batch)
    for start in range(0, len(batch), size):
        session.execute(insert(cast(Table, table.__table__)), batch[start : start + size])

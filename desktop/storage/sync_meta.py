"""The one write path that stamps sync metadata (DESIGN.md, "Sync").

A `before_flush` listener stamps every new or changed synced record: the transaction's dot
(site, counter, hlc) on each changed field, the version vector, `updated_at`, and it drops the
siblings of the fields this edit replaces (a local edit resolves a conflict). The counter rises once
per write transaction. Services therefore never stamp by hand, and cannot forget to.

The sync importer writes merged metadata itself and turns stamping off with
`session.info["merging"]`.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from desktop.storage import sync_codec
from desktop.storage.tables import Synced, SyncState, new_id, utcnow

# Dots are stored compactly: {"*": dot} for the fields written with the record, and an entry per
# field only where a later edit gave it its own dot. Use `field_dot` to read one.
DEFAULT_DOT = "*"


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
    return state


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
        state.hlc = max(int(time.time() * 1000), state.hlc + 1)
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

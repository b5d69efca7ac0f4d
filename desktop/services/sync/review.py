"""Conflicts an import leaves for a person: list them, and resolve one as a normal local edit.

A field is in review when its concurrent values disagree (`sync_review`, kept in step with the
siblings). Resolving writes the chosen (or a new) value through the ordinary write path: it gets a
new dot that has seen every sibling, so the siblings go here and, once the next file travels,
everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, func, select
from sqlalchemy.orm import Session

from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage import sync_codec, sync_meta
from desktop.storage.tables import (
    BY_KIND,
    Account,
    Pursuit,
    Synced,
    SyncReview,
    SyncSite,
    SyncState,
    utcnow,
)

# The column that names a record of each kind in the list (the first one a kind has).
LABEL_COLUMNS = (
    "title",
    "name",
    "label",
    "tag",
    "role",
    "help",
    "description",
    "company",
    "objective",
    "question_key",
    "step_key",
    "period",
    "body",
    "link_kind",
)


@dataclass(frozen=True)
class Version:
    """One concurrent value of a field: what, who (site), when (the writer's clock)."""

    value: Any  # as stored: text dates, 0/1 booleans
    site: str
    site_name: str  # "" when this database never learned the name
    when: datetime  # UTC
    shown: bool  # the value the screens show now
    here: bool  # written by this database


@dataclass(frozen=True)
class Conflict:
    kind: str
    record_id: str
    field: str
    pursuit_id: str | None
    pursuit_title: str
    account: str
    label: str
    versions: tuple[Version, ...]


def count(ws: Workspace) -> int:
    """Fields awaiting review (the status bar's number)."""
    with ws.read() as session:
        return int(session.scalar(select(func.count()).select_from(SyncReview)) or 0)


def pursuits_in_review(ws: Workspace, ids: Collection[str] | None = None) -> set[str]:
    """Pursuits with a conflict in themselves or anything that belongs to them."""
    query = select(SyncReview.pursuit_id).where(SyncReview.pursuit_id.is_not(None)).distinct()
    if ids is not None:
        query = query.where(SyncReview.pursuit_id.in_(list(ids)))
    with ws.read() as session:
        return set(session.scalars(query))


def site_names(ws: Workspace) -> dict[str, str]:
    with ws.read() as session:
        return {
            site: name for site, name in session.execute(select(SyncSite.site_id, SyncSite.name))
        }


def _when(hlc: int) -> datetime:
    return datetime.fromtimestamp(hlc / 1000, UTC).replace(tzinfo=None)


def _label(record: Synced) -> str:
    for column in LABEL_COLUMNS:
        value = getattr(record, column, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _entries(record: Synced, field: str) -> list[list[Any]]:
    """The concurrent values of one field, the shown one first: [value, site, counter, hlc].

    What `sync_codec.state_of(record)["fields"][field]` holds, without expanding every field
    of the record (the review list reads thousands).
    """
    if record.purged:
        return []
    dot = sync_codec.field_dot(record.dots or {}, field)
    entries = [[sync_codec.to_raw(getattr(record, field)), *dot]] if dot else []
    entries.extend(list(e) for e in (record.siblings or {}).get(field, ()))
    return entries


def _ids_in(ids: Collection[str]) -> Any:
    """`ids` as one bound parameter (a JSON list SQLite unpacks): any number, one statement."""
    return select(func.json_each(json.dumps(list(ids))).table_valued("value").c.value)


def list_conflicts(ws: Workspace, pursuit_id: str | None = None) -> list[Conflict]:
    """Every field awaiting review, grouped by pursuit, its versions newest first.

    Reads in batches, whatever the number of fields: the review rows, then the records of each
    kind in one query, then the titles of their pursuits in one more.
    """
    query = select(SyncReview.kind, SyncReview.record_id, SyncReview.field, SyncReview.pursuit_id)
    query = query.order_by(SyncReview.pursuit_id, SyncReview.kind, SyncReview.field)
    if pursuit_id is not None:
        query = query.where(SyncReview.pursuit_id == pursuit_id)
    result = []
    with ws.read() as session:
        items = session.execute(query).all()
        if not items:
            return []
        names = dict(session.execute(select(SyncSite.site_id, SyncSite.name)).all())
        here = session.scalar(select(SyncState.site_id))
        wanted: dict[str, set[str]] = {}
        for kind, record_id, _field, _pursuit in items:
            wanted.setdefault(kind, set()).add(record_id)
        found: dict[tuple[str, str], Synced] = {}
        for kind, ids in wanted.items():
            table = BY_KIND.get(kind)
            if table is None:
                continue
            for stored in session.scalars(select(table).where(table.id.in_(_ids_in(ids)))):
                found[(kind, stored.id)] = stored
        pursuits = {p for *_, p in items if p}
        titles: dict[str, tuple[str, str]] = {
            pid: (title, account)
            for pid, title, account in session.execute(
                select(Pursuit.id, Pursuit.title, Account.name)
                .join(Account, Account.id == Pursuit.account_id)
                .where(Pursuit.id.in_(_ids_in(pursuits)))
            )
        }
        for kind, record_id, field, item_pursuit in items:
            record = found.get((kind, record_id))
            if record is None or not record.siblings or field not in record.siblings:
                continue
            entries = _entries(record, field)
            title, account = titles.get(item_pursuit or "", ("", ""))
            if kind == "account":
                account = _label(record)
            versions = tuple(
                Version(
                    value=entry[0],
                    site=entry[1],
                    site_name=names.get(entry[1], ""),
                    when=_when(entry[3]),
                    shown=index == 0,
                    here=entry[1] == here,
                )
                for index, entry in enumerate(entries)
            )
            result.append(
                Conflict(
                    kind=kind,
                    record_id=record_id,
                    field=field,
                    pursuit_id=item_pursuit,
                    pursuit_title=title,
                    account=account,
                    label=_label(record),
                    versions=versions,
                )
            )
    return result


def python_value(table: type[Synced], field: str, value: Any) -> Any:
    """A stored (raw) or typed value as the ORM column takes it."""
    column = table.__table__.columns[field]
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, DateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date) and isinstance(value, str):
        return date.fromisoformat(value)
    if field == "alive" or column.type.python_type is bool:
        return bool(value)
    return value


def resolve(ws: Workspace, kind: str, record_id: str, field: str, value: Any) -> Changes:
    """Settle a field: `value` (one of the versions, or a new one) replaces every sibling."""
    table = records.table_of(kind)
    if field not in table.register_fields():
        raise InvalidInput(field, "unknown_field", f"{kind} has no field {field!r}")
    typed = python_value(table, field, value)
    if field not in ("alive", "deleted_at") and not isinstance(typed, date | datetime):
        records.validate(kind, {field: typed})
    with ws.write() as session:
        record = session.get(table, record_id)
        if record is None:
            raise NotFound(f"{kind} {record_id}")
        if field == "alive":
            written = ["alive", "deleted_at"]
            record.alive = bool(typed)
            record.deleted_at = None if typed else (record.deleted_at or utcnow())
        else:
            if not record.alive:
                raise NotFound(f"{kind} {record_id}")
            written = [field, "alive", "deleted_at"]  # an edit says: this record lives
            setattr(record, field, typed)
        # A normal local edit, stamped even when the value is the one already shown.
        sync_meta.stamp(session, record, written)
        return records.changes_for(record) | Changes.of(ChangeKind.REVIEW, record_id)


def origins(ws: Workspace, pursuit_ids: Collection[str] | None = None) -> dict[str, str]:
    """Whose computer each pursuit was created on, by name (a manager's roll-up of reps' files).

    Only pursuits from other databases that told their name appear; ones made here do not.
    """
    with ws.read() as session:
        return origins_in(session, pursuit_ids)


def origins_in(session: Session, pursuit_ids: Collection[str] | None = None) -> dict[str, str]:
    """`origins` inside a caller's read (the pursuit workspace's header reads it with the rest).

    This database's own name can reach `sync_sites` too (a file from a laptop that learned it),
    so the own site is left out explicitly.
    """
    query = (
        select(Pursuit.id, SyncSite.name)
        .join(SyncSite, SyncSite.site_id == Pursuit.origin_site)
        .where(SyncSite.name != "", SyncSite.site_id.not_in(select(SyncState.site_id)))
    )
    if pursuit_ids is not None:
        query = query.where(Pursuit.id.in_(_ids_in(pursuit_ids)))
    return {pursuit_id: name for pursuit_id, name in session.execute(query)}


def awaiting_review(pursuit_id: Any) -> Any:
    """An SQL EXISTS: has the pursuit (a column or an id) any field awaiting review?

    Screens that load one pursuit put it in a query they make anyway, so a clean pursuit (the
    usual case) costs no extra query; `fields_in_review` then reads the fields only when needed.
    """
    return select(SyncReview.record_id).where(SyncReview.pursuit_id == pursuit_id).exists()


def fields_in_review(session: Session, pursuit_id: str, *kinds: str) -> dict[str, set[str]]:
    """{record id: fields awaiting review} of a pursuit's records of `kinds`, in one query.

    `sync_review` is the truth about "needs review": a record can hold siblings that agree.
    """
    found: dict[str, set[str]] = {}
    for record_id, field in session.execute(
        select(SyncReview.record_id, SyncReview.field).where(
            SyncReview.pursuit_id == pursuit_id, SyncReview.kind.in_(kinds)
        )
    ):
        found.setdefault(record_id, set()).add(field)
    return found

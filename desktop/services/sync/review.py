"""Conflicts an import leaves for a person: list them, and resolve one as a normal local edit.

A field is in review when its concurrent values disagree (`sync_review`, kept in step with the
siblings). Resolving writes the chosen (or a new) value through the ordinary write path: it gets a
new dot that has seen every sibling, so the siblings go here and, once the next file travels,
everywhere.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, func, select

from desktop.services import records
from desktop.services.changes import Changes
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


def list_conflicts(ws: Workspace, pursuit_id: str | None = None) -> list[Conflict]:
    """Every field awaiting review, grouped by pursuit, its versions newest first."""
    query = select(SyncReview).order_by(SyncReview.pursuit_id, SyncReview.kind, SyncReview.field)
    if pursuit_id is not None:
        query = query.where(SyncReview.pursuit_id == pursuit_id)
    result = []
    with ws.read() as session:
        names = dict(session.execute(select(SyncSite.site_id, SyncSite.name)).all())
        here = session.scalar(select(SyncState.site_id))
        titles: dict[str, tuple[str, str]] = {}
        for item in session.scalars(query):
            table = BY_KIND.get(item.kind)
            record = session.get(table, item.record_id) if table is not None else None
            if record is None or not record.siblings or item.field not in record.siblings:
                continue
            state = sync_codec.state_of(record)
            entries = state["fields"][item.field]
            if item.pursuit_id and item.pursuit_id not in titles:
                row = session.execute(
                    select(Pursuit.title, Account.name)
                    .join(Account, Account.id == Pursuit.account_id)
                    .where(Pursuit.id == item.pursuit_id)
                ).first()
                titles[item.pursuit_id] = (row[0], row[1]) if row else ("", "")
            title, account = titles.get(item.pursuit_id or "", ("", ""))
            if item.kind == "account":
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
                    kind=item.kind,
                    record_id=item.record_id,
                    field=item.field,
                    pursuit_id=item.pursuit_id,
                    pursuit_title=title,
                    account=account,
                    label=_label(record),
                    versions=versions,
                )
            )
    return result


def python_value(table: type[Synced], field: str, value: Any) -> Any:
    """A stored (raw) or typed value as the ORM column takes it."""
    column = table.__table__.columns[field]  # type: ignore[attr-defined]
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
        return records.changes_for(record) | Changes.of("review", record_id)


def origins(ws: Workspace, pursuit_ids: Collection[str] | None = None) -> dict[str, str]:
    """Whose computer each pursuit was created on, by name (a manager's roll-up of reps' files).

    Only pursuits from other databases that told their name appear; ones made here do not.
    """
    query = (
        select(Pursuit.id, SyncSite.name)
        .join(SyncSite, SyncSite.site_id == Pursuit.origin_site)
        .where(SyncSite.name != "")
    )
    if pursuit_ids is not None:
        query = query.where(Pursuit.id.in_(list(pursuit_ids)))
    with ws.read() as session:
        return {pursuit_id: name for pursuit_id, name in session.execute(query)}

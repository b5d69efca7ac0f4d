"""Between a stored record and the merge's plain state (desktop.domain.merge).

A row stores each field's shown value in its column, the dots compactly (`{"*": dot}` plus the
fields with a dot of their own), and the other concurrent values under `siblings`. The merge works
on the full multi-value registers; `expand` and `compact` convert, on raw column values (what
SQLite holds: text for dates, 0/1 for booleans), so a file's values and the database's compare
equal without parsing dates.

`review_fields` says which fields of a record wait for review; the `sync_review` table caches
that per record so lists and the board find conflicts with one indexed lookup.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, delete, insert, select
from sqlalchemy.orm import Session

from desktop.domain import merge
from desktop.storage.tables import BY_KIND, PERSON_FIELDS, Person, Synced, SyncReview

DEFAULT_DOT = "*"
# Memberships: one row per membership with its own alive flag; a concurrent add beats a remove.
MEMBERSHIP_KINDS = frozenset(
    {
        "pursuit_tag",
        "stakeholder_role",
        "stakeholder_help",
        "visit_attendee",
        "stakeholder_link",
        "activity_attendee",
    }
)
EPOCH_DATE = "1970-01-01"
EPOCH_TIME = "1970-01-01 00:00:00.000000"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def dumps(value: Any) -> str:
    """JSON text of sync metadata as stored: compact, keys sorted (equal states, equal text)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def to_raw(value: Any) -> Any:
    """A Python value as SQLite stores it (SQLAlchemy's formats for dates and booleans)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, date):
        return value.isoformat()
    return value


def blank_value(table: type[Synced], name: str) -> Any:
    """What a purge leaves in a column: NULL where allowed, else the type's empty value."""
    column = table.__table__.columns[name]
    if column.nullable:
        return None
    kind = column.type
    if isinstance(kind, Boolean):
        return 0
    if isinstance(kind, Integer):
        return 0
    if isinstance(kind, Float):
        return 0.0
    if isinstance(kind, DateTime):
        return EPOCH_TIME
    if isinstance(kind, Date):
        return EPOCH_DATE
    if isinstance(kind, JSON):
        return []
    return ""


# Per-kind facts derived from the schema, computed once. Plain dicts, not functools.cache: mypy does
# not see a class object as Hashable, so a cached function could not take `type[Synced]`.
_RULES: dict[type[Synced], merge.Rules] = {}
_PARENT_LINKS: dict[type[Synced], tuple[type[Synced], str] | None] = {}


def rules_for(table: type[Synced]) -> merge.Rules:
    rules = _RULES.get(table)
    if rules is None:
        columns = table.__table__.columns
        fields = table.register_fields()
        references = frozenset(name for name in fields if columns[name].foreign_keys)
        rules = _RULES[table] = merge.Rules(
            fields=fields,
            keep_on_purge=references,
            blanks={name: blank_value(table, name) for name in fields},
            add_wins=table.kind in MEMBERSHIP_KINDS,
        )
    return rules


def field_dot(dots: Mapping[str, Any], name: str) -> list[Any] | None:
    return dots.get(name) or dots.get(DEFAULT_DOT)


def expand(
    table: type[Synced],
    values: Mapping[str, Any],
    *,
    vv: Mapping[str, int],
    dots: Mapping[str, Any],
    siblings: Mapping[str, Any] | None,
    purged: bool,
    created_at: str | None,
    origin_site: str | None,
    updated_at: str | None,
) -> merge.State:
    """The merge state of a stored record (raw column values)."""
    rules = rules_for(table)
    siblings = siblings or {}
    fields: dict[str, list[Any]] = {}
    for name in rules.fields:
        if purged and name not in rules.keep_on_purge:
            fields[name] = []
            continue
        dot = field_dot(dots, name)
        entries = [[values.get(name), *dot]] if dot else []
        entries.extend(list(e) for e in siblings.get(name, ()))
        fields[name] = entries
    return {
        "vv": dict(vv),
        "fields": fields,
        "purged": bool(purged),
        "created": [created_at, origin_site],
        "updated_at": updated_at,
    }


def compact(table: type[Synced], state: merge.State) -> dict[str, Any]:
    """Column values (raw) and metadata texts for a merged state."""
    rules = rules_for(table)
    fields = state["fields"]
    row: dict[str, Any] = {}
    primary: dict[str, tuple[Any, ...]] = {}
    siblings: dict[str, Any] = {}
    for name in rules.fields:
        entries = fields.get(name) or []
        if entries:
            row[name] = entries[0][0]
            primary[name] = tuple(entries[0][1:])
            if len(entries) > 1:
                siblings[name] = [list(e) for e in entries[1:]]
        else:
            row[name] = rules.blanks.get(name)
    dots: dict[str, Any] = {}
    if primary:
        tally = Counter(primary.values())
        # The dot most fields share goes under "*" (ties: the latest), the rest per field.
        common = max(tally, key=lambda d: (tally[d], d[1], d[0], d[2]))
        dots[DEFAULT_DOT] = list(common)
        for name, dot in primary.items():
            if dot != common:
                dots[name] = list(dot)
    row.update(
        vv=dumps(state["vv"]),
        dots=dumps(dots),
        siblings=dumps(siblings) if siblings else None,
        purged=int(bool(state["purged"])),
        created_at=state["created"][0],
        origin_site=state["created"][1],
        updated_at=state["updated_at"],
    )
    return row


def review_fields(table: type[Synced], state: merge.State) -> list[str]:
    """Fields of a record awaiting review: disagreeing siblings on a record that is shown."""
    rules = rules_for(table)
    if state["purged"] or not merge.shown(state, merge.ALIVE, rules):
        return []
    conflicts = merge.conflicts(state, rules)
    if table is Person:
        # The same disagreement waits on each card of the person (their copies), where the map
        # shows it; deciding it there writes the person too (storage.people).
        return [name for name in conflicts if name not in PERSON_FIELDS]
    return conflicts


def parent_link(table: type[Synced]) -> tuple[type[Synced], str] | None:
    """For kinds without a pursuit_id of their own: the parent that has one, and the column."""
    if table not in _PARENT_LINKS:
        _PARENT_LINKS[table] = _find_parent_link(table)
    return _PARENT_LINKS[table]


def _find_parent_link(table: type[Synced]) -> tuple[type[Synced], str] | None:
    columns = table.__table__.columns
    if "pursuit_id" in columns or table.kind in ("pursuit", "account", "competitor"):
        return None
    for column in columns:
        for key in column.foreign_keys:
            target = key.column.table.name
            parent = next((t for t in BY_KIND.values() if t.__tablename__ == target), None)
            if parent is not None and "pursuit_id" in parent.__table__.columns:
                return parent, column.name
    return None


def pursuit_of(session: Session, table: type[Synced], values: Mapping[str, Any]) -> str | None:
    """The pursuit a record belongs to (None for accounts and competitors)."""
    if table.kind == "pursuit":
        return values.get("id")
    if "pursuit_id" in values:
        return values.get("pursuit_id")
    link = parent_link(table)
    if link is None or not values.get(link[1]):
        return None
    parent, column = link
    return session.execute(
        select(parent.__table__.c.pursuit_id).where(parent.__table__.c.id == values[column])
    ).scalar()


def state_of(obj: Synced) -> merge.State:
    """The merge state of an ORM object (its in-memory values)."""
    table = type(obj)
    values = {name: to_raw(getattr(obj, name)) for name in table.register_fields()}
    return expand(
        table,
        values,
        vv=obj.vv or {},
        dots=obj.dots or {},
        siblings=obj.siblings,
        purged=bool(obj.purged),
        created_at=to_raw(obj.created_at),
        origin_site=obj.origin_site,
        updated_at=to_raw(obj.updated_at),
    )


def refresh_review(session: Session, obj: Synced) -> None:
    """Bring the record's rows in `sync_review` in step with its siblings (inside a flush)."""
    table = type(obj)
    connection = session.connection()
    connection.execute(delete(SyncReview).where(SyncReview.record_id == obj.id))
    if not obj.siblings:
        return
    names = review_fields(table, state_of(obj))
    if not names:
        return
    values = {name: getattr(obj, name) for name in table.register_fields()}
    values["id"] = obj.id
    pursuit_id = pursuit_of(session, table, values)
    connection.execute(
        insert(SyncReview),
        [
            {"record_id": obj.id, "field": name, "kind": table.kind, "pursuit_id": pursuit_id}
            for name in names
        ],
    )

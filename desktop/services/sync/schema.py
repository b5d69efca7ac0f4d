"""What a record line holds, and the checks every line of a file must pass before any write.

A line is `[kind, id, field..., created_at, updated_at, origin_site, purged, vv, dots, siblings]`
with raw column values (text dates, 0/1 booleans, JSON metadata inline). The exporter renders it
with SQLite's `json_array`, compact, so the importer can cut a line's version vector from its end
and pass over, unparsed, a line whose writes the database has all seen (services/sync/importer).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer

from desktop.domain import merge
from desktop.services.sync import bundle
from desktop.services.sync.bundle import BundleError
from desktop.storage import sync_codec
from desktop.storage.tables import BY_KIND, Base, Synced, table_cache

META_TAIL = ("created_at", "updated_at", "origin_site", "purged", "vv", "dots", "siblings")
JSON_META = frozenset({"vv", "dots", "siblings"})
UUID = bundle.UUID
DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\Z")
MAX_INT = 2**53
MAX_TEXT = 1 << 22
# Nesting of a JSON column's value (tags, benefit lines …: two or three levels in practice); a
# deeper one could make later steps (the merge's canonical text) exceed the recursion limit.
MAX_DEPTH = 16


def kinds_in_order() -> list[type[Synced]]:
    """Synced tables, parents before children (the order of a file)."""
    synced = {t.__tablename__: t for t in BY_KIND.values()}
    return [synced[t.name] for t in Base.metadata.sorted_tables if t.name in synced]


@table_cache
def columns_of(table: type[Synced]) -> tuple[str, ...]:
    return ("id", *table.register_fields(), *META_TAIL)


@table_cache
def is_json(table: type[Synced], name: str) -> bool:
    column = table.__table__.columns[name]
    return isinstance(column.type, JSON)


def render_sql(table: type[Synced], columns: tuple[str, ...] | None = None) -> str:
    """SELECT of one line per record: the same text on the exporting and the importing side."""
    names = columns or columns_of(table)
    parts = [f"json({name})" if is_json(table, name) else name for name in names]
    return f"SELECT json_array('{table.kind}', {', '.join(parts)}) FROM {table.__tablename__}"


class Invalid(Exception):
    """One record breaks the format (the whole file is refused as damaged)."""


_GOOD_IDS: set[str] = set()  # site ids recur in every record: each is checked once


def _uuid(value: Any) -> None:
    if value in _GOOD_IDS:
        return
    if not isinstance(value, str) or not UUID.match(value):
        raise Invalid(f"not an id: {value!r}"[:120])
    if len(_GOOD_IDS) < 10_000:
        _GOOD_IDS.add(value)


def _int(value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > MAX_INT:
        raise Invalid(f"not a whole number: {value!r}"[:120])


def _bool(value: Any) -> None:
    if isinstance(value, bool | float) or value not in (0, 1):
        raise Invalid(f"not 0/1: {value!r}"[:120])


def _float(value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(f"not a number: {value!r}"[:120])
    if isinstance(value, float) and not math.isfinite(value):
        raise Invalid("not a finite number")


def _text(value: Any) -> None:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise Invalid("not a text")


def _date(value: Any) -> None:
    if not isinstance(value, str) or not DATE.match(value):
        raise Invalid(f"not a date: {value!r}"[:120])
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise Invalid(f"not a date: {value!r}"[:120]) from exc


def _datetime(value: Any) -> None:
    if not isinstance(value, str) or not DATETIME.match(value):
        raise Invalid(f"not a time: {value!r}"[:120])
    try:
        datetime.fromisoformat(value)
    except ValueError as exc:
        raise Invalid(f"not a time: {value!r}"[:120]) from exc


def _any_json(value: Any) -> None:
    if not isinstance(value, list | dict):
        raise Invalid("not a JSON list or object")
    if not bundle.depth_within(value, MAX_DEPTH):
        raise Invalid("nested too deeply, or a number out of range")


def _checker(table: type[Synced], name: str) -> Callable[[Any], None]:
    column = table.__table__.columns[name]
    kind = column.type
    if name == "id" or column.foreign_keys or name.endswith("_id") or name == "origin_site":
        check = _uuid
    elif isinstance(kind, Boolean):
        check = _bool
    elif isinstance(kind, Integer):
        check = _int
    elif isinstance(kind, Float):
        check = _float
    elif isinstance(kind, DateTime):
        check = _datetime
    elif isinstance(kind, Date):
        check = _date
    elif isinstance(kind, JSON):
        check = _any_json
    else:
        check = _text
    if not column.nullable:
        return check

    def optional(value: Any) -> None:
        if value is not None:
            check(value)

    return optional


@table_cache
def checkers(table: type[Synced]) -> dict[str, Callable[[Any], None]]:
    return {name: _checker(table, name) for name in ("id", *table.register_fields())}


def _dot(value: Any, vv: dict[str, int]) -> None:
    if not isinstance(value, list) or len(value) != 3:
        raise Invalid("bad dot")
    site, counter, hlc = value
    if type(counter) is not int or type(hlc) is not int or counter < 1 or not 0 <= hlc <= MAX_INT:
        raise Invalid("bad dot")
    # A site the version vector covers is a checked id already.
    if vv.get(site, 0) < counter:
        raise Invalid("a dot the version vector does not cover")


@table_cache
def json_columns(table: type[Synced]) -> frozenset[str]:
    return frozenset(name for name in table.register_fields() if is_json(table, name))


@cache
def positions(columns: tuple[str, ...]) -> dict[str, int]:
    """Where each column sits in a parsed line (after the kind)."""
    return {name: i + 1 for i, name in enumerate(columns)}


@table_cache
def _plan(table: type[Synced], columns: tuple[str, ...]) -> Callable[[list[Any]], None]:
    """One straight-line function that checks every value column of a line of this layout.

    Generated once per layout: plain type tests inline, the rarer formats (ids, dates) through
    their checkers. A loop over per-column closures costs three times as much per record.
    """
    at = positions(columns)
    body = ["def check(line):"]
    names: dict[str, Any] = {
        "Invalid": Invalid,
        "MAX_INT": MAX_INT,
        "MAX_TEXT": MAX_TEXT,
        "_uuid": _uuid,
        "_date": _date,
        "_datetime": _datetime,
        "_float": _float,
        "_any_json": _any_json,
    }
    for name in ("id", *table.register_fields()):
        if name not in at:
            continue
        column = table.__table__.columns[name]
        kind = column.type
        value = f"line[{at[name]}]"
        if name == "id" or column.foreign_keys or name.endswith("_id"):
            test = "_uuid(v)"
        elif isinstance(kind, Boolean):
            test = f"if type(v) is not int or (v != 0 and v != 1): raise Invalid('{name}: not 0/1')"
        elif isinstance(kind, Integer):
            test = (
                f"if type(v) is not int or not -MAX_INT <= v <= MAX_INT: "
                f"raise Invalid('{name}: not a whole number')"
            )
        elif isinstance(kind, Float):
            test = "_float(v)"
        elif isinstance(kind, DateTime):
            test = "_datetime(v)"
        elif isinstance(kind, Date):
            test = "_date(v)"
        elif isinstance(kind, JSON):
            test = "_any_json(v)"
        else:
            test = (
                f"if type(v) is not str or len(v) > MAX_TEXT: raise Invalid('{name}: not a text')"
            )
        body.append(f"    v = {value}")
        if column.nullable:
            body.append("    if v is not None:")
            body.append(f"        {test}")
        else:
            body.append(f"    {test}")
    body.append("    return None")
    exec("\n".join(body), names)  # code built from our own schema, never from input
    return names["check"]  # type: ignore[no-any-return]


def check_record(table: type[Synced], columns: tuple[str, ...], line: list[Any]) -> str:
    """Check one parsed line against the schema; returns its id. Raises Invalid."""
    if len(line) != len(columns) + 1:
        raise Invalid("wrong number of values")
    at = positions(columns)
    checks = checkers(table)
    rules = sync_codec.rules_for(table)
    _plan(table, columns)(line)
    _datetime(line[at["created_at"]])
    _datetime(line[at["updated_at"]])
    if line[at["origin_site"]] is not None:
        _uuid(line[at["origin_site"]])
    _bool(line[at["purged"]])
    vv = line[at["vv"]]
    if not isinstance(vv, dict) or not vv:
        raise Invalid("bad version vector")
    for site, counter in vv.items():
        _uuid(site)
        if type(counter) is not int or not 1 <= counter <= MAX_INT:
            raise Invalid("bad version vector")
    dots = line[at["dots"]]
    if not isinstance(dots, dict):
        raise Invalid("bad dots")
    for name, dot in dots.items():
        if name != sync_codec.DEFAULT_DOT and name not in rules.blanks:
            raise Invalid(f"dot of an unknown field {name!r}"[:120])
        _dot(dot, vv)
    siblings = line[at["siblings"]]
    if siblings is not None:
        if not isinstance(siblings, dict) or not siblings:
            raise Invalid("bad siblings")
        for name, entries in siblings.items():
            if name not in rules.blanks or not isinstance(entries, list) or not entries:
                raise Invalid("bad siblings")
            for entry in entries:
                if not isinstance(entry, list) or len(entry) != 4:
                    raise Invalid("bad sibling")
                checks[name](entry[0])
                _dot(entry[1:], vv)
    purged = line[at["purged"]]
    default = dots.get(sync_codec.DEFAULT_DOT)
    if default is None:
        for name in rules.fields:
            if (not purged or name in rules.keep_on_purge) and name not in dots:
                raise Invalid(f"{name} has no dot")
    return line[at["id"]]  # type: ignore[no-any-return]


def state_from(table: type[Synced], columns: tuple[str, ...], line: list[Any]) -> merge.State:
    """The merge state of a checked line."""
    at = positions(columns)
    rules = sync_codec.rules_for(table)
    values = {
        name: line[at[name]] if name in at else rules.blanks.get(name) for name in rules.fields
    }
    return sync_codec.expand(
        table,
        values,
        vv=line[at["vv"]],
        dots=line[at["dots"]],
        siblings=line[at["siblings"]],
        purged=bool(line[at["purged"]]),
        created_at=line[at["created_at"]],
        origin_site=line[at["origin_site"]],
        updated_at=line[at["updated_at"]],
    )


def header_kinds(fields: dict[str, Any]) -> list[tuple[type[Synced], tuple[str, ...]]]:
    """The kinds of a file and their columns; an unknown kind or column is a newer format."""
    result = []
    seen: set[str] = set()
    for item in fields["kinds"]:
        if not isinstance(item, dict):
            raise BundleError("damaged", "header kinds")
        kind, columns = item.get("kind"), item.get("columns")
        if not isinstance(kind, str) or not isinstance(columns, list) or kind in seen:
            raise BundleError("damaged", "header kinds")
        seen.add(kind)
        table = BY_KIND.get(kind)
        if table is None:
            raise BundleError("too_new", f"unknown kind {kind!r}")
        known = set(columns_of(table))
        if len(set(columns)) != len(columns) or not all(isinstance(c, str) for c in columns):
            raise BundleError("damaged", "header columns")
        unknown = [c for c in columns if c not in known]
        if unknown:
            raise BundleError("too_new", f"unknown columns {unknown!r} of {kind}")
        if columns[:1] != ["id"] or not set(META_TAIL) <= set(columns):
            raise BundleError("damaged", f"columns of {kind}")
        result.append((table, tuple(columns)))
    return result

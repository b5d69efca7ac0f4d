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


# --- the fast check: a plain line of a known shape, parsed and checked in one go ------------------
# A line of this version's layout with one value per field ends so; its version vector and dots
# are the two brace-free objects before (no field name, site id or number holds a brace).
PLAIN_TAIL = b",null]"
# Distinct version vector and dots texts kept parsed per kind; past it, the memory starts over.
TAILS_KEPT = 4096
# Values checked already in this import, by format (a time, a date, an id another record
# refers to or a site): many recur (the same parent, site, write time), each is checked once.
# Bounded: past it, a value is checked each time it appears, as the schema checks it.
GOOD_KEPT = 50_000


class Good:
    """The values `fast_check` found good in one import, one set per format."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.times: set[str] = set()
        self.dates: set[str] = set()


Head = Callable[[list[Any], Good], bool]
Tail = Callable[[Any, Any, Good], int]


@table_cache
def fast_check(table: type[Synced], columns: tuple[str, ...]) -> tuple[Head, Tail]:
    """Two generated functions per layout that together pass a parsed line only if
    `check_record` would pass it and it has one value per field (no siblings, not
    purged): `head` tests the line's values but its version vector and dots, `tail` those two
    and returns the line's latest change time (`importer._check_parsed`'s), -1 when it fails.
    A line they do not pass goes to the schema's own checks, which refuse it with their
    message (or take a line with siblings or purged). They are never more lenient than the
    schema: the same tests written inline, some stricter (exact types, as parsed JSON has),
    and values of a format met before in this import passed by a set lookup.
    """
    at = positions(columns)
    rules = sync_codec.rules_for(table)
    body = [
        "def head(line, good):",
        f"    if len(line) != {len(columns) + 1}:",
        "        return False",
        "    ids = good.ids",
        "    times = good.times",
        "    dates = good.dates",
    ]

    def uuid(value: str, nullable: bool, kept: bool = True) -> list[str]:
        test = "type(v) is not str or not UUID(v)"
        if not kept:  # a record's own id appears once: no use keeping it
            guard = "v is not None and (" + test + ")" if nullable else test
            return [f"    v = {value}", f"    if {guard}:", "        return False"]
        guard = "v is not None and v not in ids" if nullable else "v not in ids"
        return [
            f"    v = {value}",
            f"    if {guard}:",
            f"        if {test}:",
            "            return False",
            "        if len(ids) < KEPT:",
            "            ids.add(v)",
        ]

    def formatted(value: str, nullable: bool, kept: str, pattern: str, parse: str) -> list[str]:
        guard = f"v is not None and v not in {kept}" if nullable else f"v not in {kept}"
        return [
            f"    v = {value}",
            f"    if {guard}:",
            f"        if type(v) is not str or not {pattern}(v):",
            "            return False",
            "        try:",
            f"            {parse}(v)",
            "        except ValueError:",
            "            return False",
            f"        if len({kept}) < KEPT:",
            f"            {kept}.add(v)",
        ]

    for name in ("id", *table.register_fields()):
        if name not in at:
            continue
        column = table.__table__.columns[name]
        kind = column.type
        value = f"line[{at[name]}]"
        nullable = bool(column.nullable)
        if name == "id" or column.foreign_keys or name.endswith("_id"):
            body += uuid(value, nullable, kept=name != "id")
            continue
        if isinstance(kind, DateTime):
            body += formatted(value, nullable, "times", "DATETIME", "datetime_from")
            continue
        if isinstance(kind, Date):
            body += formatted(value, nullable, "dates", "DATE", "date_from")
            continue
        if isinstance(kind, Boolean):
            test = "type(v) is not int or (v != 0 and v != 1)"
        elif isinstance(kind, Integer):
            test = "type(v) is not int or not -MAX_INT <= v <= MAX_INT"
        elif isinstance(kind, Float):
            test = "not (type(v) is int or (type(v) is float and isfinite(v)))"
        elif isinstance(kind, JSON):
            test = "not (type(v) is list or type(v) is dict) or not depth_within(v, MAX_DEPTH)"
        else:
            test = "type(v) is not str or len(v) > MAX_TEXT"
        body.append(f"    v = {value}")
        body.append(f"    if {'v is not None and (' + test + ')' if nullable else test}:")
        body.append("        return False")
    body += formatted(f"line[{at['created_at']}]", False, "times", "DATETIME", "datetime_from")
    body += formatted(f"line[{at['updated_at']}]", False, "times", "DATETIME", "datetime_from")
    body += uuid(f"line[{at['origin_site']}]", True)
    body += [
        f"    v = line[{at['purged']}]",
        "    if type(v) is not int or v != 0:",
        "        return False",
        f"    if line[{at['siblings']}] is not None:",
        "        return False",
        "    return True",
        "",
        "def tail(vv, dots, good):",
        "    ids = good.ids",
        "    if type(vv) is not dict or not vv:",
        "        return -1",
        "    for v, counter in vv.items():",
        "        if v not in ids:",
        "            if type(v) is not str or not UUID(v):",
        "                return -1",
        "            if len(ids) < KEPT:",
        "                ids.add(v)",
        "        if type(counter) is not int or not 1 <= counter <= MAX_INT:",
        "            return -1",
        "    if type(dots) is not dict:",
        "        return -1",
        "    latest = 0",
        "    for v, dot in dots.items():",
        "        if v not in DOT_NAMES or type(dot) is not list or len(dot) != 3:",
        "            return -1",
        "        site, counter, hlc = dot",
        "        if type(counter) is not int or type(hlc) is not int or counter < 1:",
        "            return -1",
        "        if not 0 <= hlc <= MAX_INT or type(site) is not str:",
        "            return -1",
        "        if vv.get(site, 0) < counter:",
        "            return -1",
        "        if hlc > latest:",
        "            latest = hlc",
        "    if DEFAULT_DOT not in dots and not dots.keys() >= FIELDS:",
        "        return -1",
        "    return latest",
    ]
    names: dict[str, Any] = {
        "UUID": UUID.match,
        "DATETIME": DATETIME.match,
        "DATE": DATE.match,
        "datetime_from": datetime.fromisoformat,
        "date_from": date.fromisoformat,
        "isfinite": math.isfinite,
        "depth_within": bundle.depth_within,
        "MAX_INT": MAX_INT,
        "MAX_TEXT": MAX_TEXT,
        "MAX_DEPTH": MAX_DEPTH,
        "KEPT": GOOD_KEPT,
        "DOT_NAMES": frozenset({sync_codec.DEFAULT_DOT, *rules.blanks}),
        "DEFAULT_DOT": sync_codec.DEFAULT_DOT,
        "FIELDS": frozenset(rules.fields),
    }
    exec("\n".join(body), names)  # code built from our own schema, never from input
    return names["head"], names["tail"]


# The file's decoder's own scanner (its options: no NaN, no Infinity), called on a line directly.
SCAN: Callable[[str, int], tuple[Any, int]] = bundle.JSON_DECODER.scan_once  # type: ignore[attr-defined]


def cut_tail(line: bytes) -> tuple[int, int, int] | None:
    """Where a line of this version's layout holds its version vector and dots, as
    `importer._tail_texts` cuts them: `…,{vv},{dots},null]`, the starts of the two objects and
    the end of the second; None when the line does not end so."""
    if not line.endswith(PLAIN_TAIL):
        return None
    end = len(line) - len(PLAIN_TAIL)
    middle = line.rfind(b"{", 0, end)
    if middle < 2 or line[middle - 2 : middle] != b"},":
        return None
    start = line.rfind(b"{", 0, middle - 1)
    if start < 1 or line[start - 1 : start] != b",":
        return None
    return start, middle, end


# What `LineReader.read` gives: the latest change time (-1: left to the full checks), the parsed
# line, its version vector's and dots' texts when cut from it.
Read = tuple[int, Any, tuple[str, str] | None]


class LineReader:
    """The lines of one kind and layout, parsed and passed by `fast_check` (one per import and
    kind: it keeps the version vectors and dots met, by text).

    For a line within the bounds at a glance: shorter than `bundle.MAX_VALUES` bytes (so it
    cannot hold more values), with few enough brackets to nest no deeper than
    `bundle.MAX_NESTING`, one JSON value from its first byte to its last. A line of this
    version's layout is parsed in two parts, cut where `importer._tail_texts` cuts it:
    `[head…` + `,{vv},{dots},null]`. JSON values delimit themselves, so when the head closed by
    `]` is an array and each of the two texts one object, the line is the array of the head's
    values and those two objects, what parsing it whole gives; the two objects, parsed and
    checked once per distinct text, are then shared (read only: such a line is plain and its
    row keeps their texts).
    """

    def __init__(self, table: type[Synced], columns: tuple[str, ...], good: Good) -> None:
        self.table = table
        self.kind = table.kind
        self.columns = columns
        self.good = good
        self.head, self.tail = fast_check(table, columns)
        at = positions(columns)
        self.at_id, self.at_vv, self.at_dots = at["id"], at["vv"], at["dots"]
        # This version's layout ends with the version vector, the dots and no siblings: those
        # are parsed and checked once per distinct text (records share few), the rest per line.
        self.split = columns == columns_of(table)
        self.head_size = len(columns) + 1 - 3
        self.size = len(columns) + 1
        self.tails: dict[bytes, tuple[Any, Any, int, tuple[str, str] | None]] = {}

    def read(self, line: bytes) -> Read:
        """The line parsed as `bundle.load_json` parses it and passed by `fast_check`: its
        latest change time, the parsed line and its version vector's and dots' texts (when
        cut from it); -1 when it is left to the full checks (`check_record`)."""
        if len(line) >= bundle.MAX_VALUES:
            return -1, None, None
        if line.count(b"[") + line.count(b"{") > bundle.MAX_NESTING:
            return -1, None, None
        good = self.good
        try:
            cut = cut_tail(line) if self.split else None
            if cut is not None:
                start, middle, end = cut
                known = self.tails.get(line[start:end])
                if known is None:
                    known = self._read_tail(line[start : middle - 1], line[middle:end])
                vv, dots, latest, texts = known
                if latest < 0:
                    return -1, None, None
                text = line[: start - 1].decode() + "]"
                parsed, stop = SCAN(text, 0)
                if stop != len(text) or type(parsed) is not list:
                    return -1, None, None
                if len(parsed) != self.head_size:
                    return -1, None, None
                parsed += (vv, dots, None)
            else:
                text = line.decode()
                parsed, stop = SCAN(text, 0)
                if stop != len(text) or type(parsed) is not list:
                    return -1, None, None
                if len(parsed) != self.size:
                    return -1, None, None
                latest = self.tail(parsed[self.at_vv], parsed[self.at_dots], good)
                texts = None
            if parsed[0] != self.kind or latest < 0 or not self.head(parsed, good):
                return -1, None, None
        except (StopIteration, ValueError, TypeError):
            # Not JSON, not UTF-8, a value of a type no set takes: the full checks say.
            return -1, None, None
        return latest, parsed, texts

    def _read_tail(
        self, vv_text: bytes, dots_text: bytes
    ) -> tuple[Any, Any, int, tuple[str, str] | None]:
        """A version vector's and dots' texts parsed and checked (`tail`), kept by text."""
        if len(self.tails) >= TAILS_KEPT:
            self.tails.clear()
        known: tuple[Any, Any, int, tuple[str, str] | None] = (None, None, -1, None)
        try:
            vv_str, dots_str = vv_text.decode(), dots_text.decode()
            vv, vv_stop = SCAN(vv_str, 0)
            dots, dots_stop = SCAN(dots_str, 0)
            if vv_stop == len(vv_str) and dots_stop == len(dots_str):
                latest = self.tail(vv, dots, self.good)
                known = (vv, dots, latest, (vv_str, dots_str))
        except (StopIteration, ValueError, TypeError):
            known = (None, None, -1, None)  # unreadable: the full checks say why
        self.tails[vv_text + b"," + dots_text] = known
        return known


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

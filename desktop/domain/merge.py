"""The join of two copies of a synced record (DESIGN.md, "Sync by file export").

Pure functions on plain data, so that the rules can be checked exhaustively (tests/domain).

A record's state is a dict:

    {"vv": {site: counter},                    # the version vector: every write seen
     "fields": {name: [entry, ...]},           # one multi-value register per field
     "purged": bool,                           # a purge always wins and blanks the content
     "created": [created_at, origin_site],     # the earliest creation (a roll-up shows whose)
     "updated_at": str | None}                 # the latest change

and an entry is `[value, site, counter, hlc]`: a value with its dot `(site, counter)` and the
hybrid-logical-clock time of the write. A register normally holds one entry; after concurrent
writes it holds several ("siblings"). Every dot of an entry is covered by the version vector.

The join is the δ-CRDT multi-value register join: an entry survives when the other copy holds it
too or has not seen its dot; version vectors take the pointwise maximum. It is commutative,
associative and idempotent for every state whose entries are covered by its version vector, so
any order of imports converges, and importing a file twice changes nothing.

The entries of a register are kept in display order: the first is the value shown (the highest
(HLC, site)); a wrong clock can therefore reorder truly concurrent writes but never revive an
overwritten one, since overwriting is decided by the version vectors alone. Two fields are special:
`alive` shows "alive" when any entry says so (an edit made without knowing of a delete keeps the
record, and the delete waits for review; a membership's add wins), and `deleted_at` shows the entry
written together with the shown `alive`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Entry = list[Any]  # [value, site, counter, hlc]
State = dict[str, Any]

ALIVE = "alive"
DELETED_AT = "deleted_at"


@dataclass(frozen=True)
class Rules:
    """What the join needs to know of one kind of record."""

    fields: tuple[str, ...]
    # Fields a purge keeps (references to parents, so the row still fits the schema).
    keep_on_purge: frozenset[str] = frozenset()
    # What a purge leaves in every other field.
    blanks: Mapping[str, Any] = field(default_factory=dict)
    # Memberships: a concurrent add and remove resolve to "present" without review.
    add_wins: bool = False


def canon(value: Any) -> str:
    """A value's canonical text: equal values, equal text (used to compare and to order)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def seen(vv: Mapping[str, int], site: str, counter: int) -> bool:
    return vv.get(site, 0) >= counter


def join_vv(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, int]:
    merged = dict(a)
    for site, counter in b.items():
        if counter > merged.get(site, 0):
            merged[site] = counter
    return dict(sorted(merged.items()))


def dominates(a: Mapping[str, int], b: Mapping[str, int]) -> bool:
    """True when a version vector has seen every write the other has."""
    return all(a.get(site, 0) >= counter for site, counter in b.items())


def _entry_key(entry: Entry) -> tuple[Any, ...]:
    """Display order (highest first): a value before an empty one, then the HLC, the site and
    the counter.

    A value first: the same record made on two laptops (an account or competitor of the same
    name, `tables.named_id`), filled on one and just created on the other, shows what the team
    wrote rather than the newer empty field. The entries of one register have distinct dots, so
    the order is total.
    """
    return (not _empty(entry[0]), entry[3], entry[1], entry[2])


def _empty(value: Any) -> bool:
    """Nothing written: no value, an empty text or list (0 and False are values)."""
    return value is None or value == "" or value == [] or value == {}


def _pick(a: Entry, b: Entry) -> Entry:
    """The same dot from both copies: normally identical; otherwise a fixed, order-free choice."""
    if a == b:
        return a
    return min(a, b, key=canon)


def join_register(
    a: Iterable[Entry], b: Iterable[Entry], vv_a: Mapping[str, int], vv_b: Mapping[str, int]
) -> list[Entry]:
    """The entries of one field after the join (unordered)."""
    a, b = list(a), list(b)
    if len(a) == 1 and len(b) == 1 and a[0][1] == b[0][1] and a[0][2] == b[0][2]:
        return [_pick(a[0], b[0])]  # the common case: both copies hold the same single write
    left = {(e[1], e[2]): e for e in a}
    right = {(e[1], e[2]): e for e in b}
    result: dict[tuple[str, int], Entry] = {}
    for dot, entry in left.items():
        other = right.get(dot)
        if other is not None:
            result[dot] = _pick(entry, other)
        elif not seen(vv_b, *dot):
            result[dot] = entry
    for dot, entry in right.items():
        if dot not in left and not seen(vv_a, *dot):
            result[dot] = entry
    return list(result.values())


def order_fields(fields: dict[str, list[Entry]]) -> dict[str, list[Entry]]:
    """Put every register's entries in display order (the shown value first)."""
    ordered = {
        name: sorted(entries, key=_entry_key, reverse=True) if len(entries) > 1 else entries
        for name, entries in fields.items()
    }
    alive = ordered.get(ALIVE)
    if alive and len(alive) > 1:
        # Alive wins the display: a record edited without knowledge of its delete stays.
        alive.sort(key=lambda e: bool(e[0]), reverse=True)  # stable: keeps the HLC order
        deleted = ordered.get(DELETED_AT)
        if deleted and len(deleted) > 1:
            shown = (alive[0][1], alive[0][2])
            deleted.sort(key=lambda e: (e[1], e[2]) == shown, reverse=True)
    return ordered


def _min_created(a: list[Any], b: list[Any]) -> list[Any]:
    def key(created: list[Any]) -> tuple[str, str]:
        return (created[0] or "", created[1] or "")

    return list(b if key(b) < key(a) else a)  # as min(a, b, key=key): a on a tie


def join(a: State, b: State, rules: Rules) -> State:
    """The merged state of two copies of one record."""
    vv_a, vv_b = a["vv"], b["vv"]
    purged = bool(a["purged"] or b["purged"])
    fields: dict[str, list[Entry]] = {}
    for name in rules.fields:
        if purged and name not in rules.keep_on_purge:
            fields[name] = []
            continue
        fields[name] = join_register(
            a["fields"].get(name, ()), b["fields"].get(name, ()), vv_a, vv_b
        )
    updated = [u for u in (a.get("updated_at"), b.get("updated_at")) if u is not None]
    return {
        "vv": join_vv(vv_a, vv_b),
        "fields": order_fields(fields),
        "purged": purged,
        "created": _min_created(a["created"], b["created"]),
        "updated_at": max(updated) if updated else None,
    }


def normalize(state: State, rules: Rules) -> State:
    """A state in the join's normal form (join with itself): purged content blanked, ordered."""
    fields = state["fields"]
    if not state["purged"] and all(len(fields.get(name) or ()) == 1 for name in rules.fields):
        # One write per field (the common case): already normal once the vector is sorted.
        return {
            "vv": dict(sorted(state["vv"].items())),
            "fields": {name: [list(fields[name][0])] for name in rules.fields},
            "purged": False,
            "created": list(state["created"]),
            "updated_at": state.get("updated_at"),
        }
    return join(state, state, rules)


def shown(state: State, name: str, rules: Rules) -> Any:
    """The value a screen shows for a field."""
    entries = state["fields"].get(name)
    if entries:
        return entries[0][0]
    return rules.blanks.get(name)


def conflicts(state: State, rules: Rules) -> list[str]:
    """Fields whose siblings disagree: they wait for a person to pick (the "Review" list).

    `deleted_at` follows `alive`; for memberships a concurrent add and remove is no question.
    Nor is one value against empty ones: it is shown (`_entry_key`), and asking would make a
    rep confirm, field by field, the playbook a colleague wrote into a competitor they had only
    just added under the same name.
    """
    found = []
    for name in rules.fields:
        if name == DELETED_AT or (name == ALIVE and rules.add_wins):
            continue
        entries = state["fields"].get(name) or ()
        if len(entries) > 1 and len({canon(e[0]) for e in entries if not _empty(e[0])}) > 1:
            found.append(name)
    return found


def local_write(
    state: State | None,
    dot: tuple[str, int, int],
    values: Mapping[str, Any],
    rules: Rules,
    *,
    now: str | None = None,
) -> State:
    """A local edit, as the write path stamps it: the new value replaces every sibling.

    Editing a live record also re-asserts `alive` (and `deleted_at`), so that a concurrent delete
    elsewhere meets the edit and waits for review instead of silently winning. A new record writes
    every field.
    """
    site, counter, hlc = dot
    if state is None:
        state = {
            "vv": {},
            "fields": {name: [] for name in rules.fields},
            "purged": False,
            "created": [now, site],
            "updated_at": now,
        }
        values = {**{name: rules.blanks.get(name) for name in rules.fields}, ALIVE: 1, **values}
    fields = {name: [list(e) for e in entries] for name, entries in state["fields"].items()}
    written = dict(values)
    if ALIVE not in written and shown(state, ALIVE, rules):
        written[ALIVE] = 1
        written[DELETED_AT] = None
    for name, value in written.items():
        fields[name] = [[value, site, counter, hlc]]
    vv = dict(state["vv"])
    vv[site] = max(counter, vv.get(site, 0))
    return {
        "vv": dict(sorted(vv.items())),
        "fields": order_fields(fields),
        "purged": state["purged"],
        "created": list(state["created"]),
        "updated_at": max(filter(None, (state.get("updated_at"), now)), default=None),
    }


def purge(
    state: State, dot: tuple[str, int, int], rules: Rules, *, now: str | None = None
) -> State:
    """A purge: the content is blanked here and, through every join, everywhere."""
    site, counter, _hlc = dot
    vv = dict(state["vv"])
    vv[site] = max(counter, vv.get(site, 0))
    purged = {**state, "vv": vv, "purged": True, "updated_at": now or state.get("updated_at")}
    return normalize(purged, rules)


def canonical(state: State) -> str:
    """One text per state: two copies are the same record exactly when their texts are equal."""
    return canon(state)

"""The join of synced records: a join-semilattice (any order of imports converges), and the
rules of DESIGN.md's Sync section checked on three simulated laptops."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
)

from desktop.domain import merge

SITES = (
    "11111111-1111-4111-8111-111111111111",
    "22222222-2222-4222-8222-222222222222",
    "33333333-3333-4333-8333-333333333333",
)
RULES = merge.Rules(
    fields=("alive", "deleted_at", "title", "amount", "account_id"),
    keep_on_purge=frozenset({"account_id"}),
    blanks={"alive": 0, "deleted_at": None, "title": "", "amount": 0, "account_id": None},
)
MEMBERSHIP = merge.Rules(fields=("alive", "deleted_at", "tag"), blanks={"tag": ""}, add_wins=True)


FIELD_VALUES = {
    "alive": [0, 1],
    "deleted_at": [None, "2026-01-02 03:04:05.000000"],
    "title": ["", "ERP", "CRM", "数据中台"],
    "amount": [0, 1, 2, 3],
    "account_id": ["a", "b"],
}
ENTRY = st.tuples(st.integers(0, 2), st.integers(1, 4), st.integers(0, 3))  # site, counter, value


@st.composite
def states(draw: st.DrawFn) -> merge.State:
    """Any state whose entries are covered by its version vector (the join's precondition)."""
    counters = draw(st.tuples(*[st.integers(0, 4)] * 3).filter(any))
    vv = {site: n for site, n in zip(SITES, counters, strict=True) if n}
    fields = {}
    for name in RULES.fields:
        entries: dict[tuple[str, int], list] = {}
        for site_index, counter, value in draw(st.lists(ENTRY, max_size=3)):
            site = SITES[site_index]
            if counter <= vv.get(site, 0):
                options = FIELD_VALUES[name]
                # The hlc is the dot's (a write has one time); values may differ for one dot, as
                # in a forged file: the join must still be order-free.
                entries[(site, counter)] = [
                    options[value % len(options)],
                    site,
                    counter,
                    counter * 1000 + site_index,
                ]
        fields[name] = list(entries.values())
    flags = draw(st.integers(0, 15))
    return {
        "vv": vv,
        "fields": fields,
        "purged": flags == 0,
        "created": [["2026-01-01", "2026-02-01"][flags % 2], SITES[flags % 3]],
        "updated_at": [None, "2026-03-01", "2026-04-01"][flags % 3],
    }


@settings(max_examples=500, deadline=None)
@given(states(), states())
def test_join_is_commutative(a: merge.State, b: merge.State) -> None:
    assert merge.join(a, b, RULES) == merge.join(b, a, RULES)


@settings(max_examples=500, deadline=None)
@given(states(), states(), states())
def test_join_is_associative(a: merge.State, b: merge.State, c: merge.State) -> None:
    left = merge.join(merge.join(a, b, RULES), c, RULES)
    right = merge.join(a, merge.join(b, c, RULES), RULES)
    assert left == right


@settings(max_examples=500, deadline=None)
@given(states(), states())
def test_join_is_idempotent(a: merge.State, b: merge.State) -> None:
    once = merge.join(a, b, RULES)
    assert merge.join(once, b, RULES) == once
    assert merge.join(once, once, RULES) == once
    assert merge.join(a, a, RULES) == merge.normalize(a, RULES)


def write(state, site, counter, hlc, rules=RULES, **values):
    return merge.local_write(state, (site, counter, hlc), values, rules, now=f"t{hlc}")


def test_concurrent_edits_are_kept_as_siblings_and_the_later_clock_is_shown() -> None:
    a, b = SITES[:2]
    base = write(None, a, 1, 100, title="ERP", amount=1, account_id="x")
    left = write(base, a, 2, 200, title="ERP v2")
    right = write(copy.deepcopy(base), b, 1, 300, title="ERP 二期")
    merged = merge.join(left, right, RULES)
    assert [e[0] for e in merged["fields"]["title"]] == ["ERP 二期", "ERP v2"]
    assert merge.conflicts(merged, RULES) == ["title"]
    # A local edit that has seen both replaces them: that is how a resolved conflict spreads.
    resolved = write(merged, a, 3, 150, title="ERP v2")
    assert merged["fields"]["title"][0][0] == "ERP 二期"
    assert resolved["fields"]["title"] == [["ERP v2", a, 3, 150]]
    assert merge.join(resolved, right, RULES)["fields"]["title"] == [["ERP v2", a, 3, 150]]


def test_a_wrong_clock_cannot_let_an_old_edit_beat_a_newer_one() -> None:
    a, b = SITES[:2]
    skewed = write(None, a, 1, 9_999_999_999_999, title="old", amount=0, account_id="x")
    newer = write(copy.deepcopy(skewed), b, 1, 5, title="new")  # b saw a's write, clock behind
    assert merge.join(skewed, newer, RULES)["fields"]["title"] == [["new", b, 1, 5]]


def test_an_edit_made_without_knowing_of_a_delete_keeps_the_record_for_review() -> None:
    a, b = SITES[:2]
    base = write(None, a, 1, 100, title="ERP", amount=1, account_id="x")
    deleted = write(base, a, 2, 200, alive=0, deleted_at="2026-05-01 00:00:00.000000")
    edited = write(copy.deepcopy(base), b, 1, 150, title="ERP+")
    merged = merge.join(deleted, edited, RULES)
    assert merge.shown(merged, "alive", RULES) == 1
    assert merge.shown(merged, "deleted_at", RULES) is None
    assert merge.shown(merged, "title", RULES) == "ERP+"
    assert "alive" in merge.conflicts(merged, RULES)


def test_a_delete_that_saw_every_edit_wins() -> None:
    a, b = SITES[:2]
    base = write(None, a, 1, 100, title="ERP", amount=1, account_id="x")
    edited = write(base, b, 1, 150, title="ERP+")
    deleted = write(copy.deepcopy(edited), a, 2, 200, alive=0, deleted_at="2026-05-01")
    merged = merge.join(edited, deleted, RULES)
    assert merge.shown(merged, "alive", RULES) == 0
    assert merge.conflicts(merged, RULES) == []


def test_membership_add_wins_without_review() -> None:
    a, b = SITES[:2]
    base = write(None, a, 1, 100, MEMBERSHIP, tag="重点")
    removed = write(base, a, 2, 300, MEMBERSHIP, alive=0, deleted_at="2026-05-01")
    added_again = write(copy.deepcopy(base), b, 1, 200, MEMBERSHIP, alive=1, deleted_at=None)
    merged = merge.join(removed, added_again, MEMBERSHIP)
    assert merge.shown(merged, "alive", MEMBERSHIP) == 1
    assert merge.conflicts(merged, MEMBERSHIP) == []


def test_purge_always_wins_and_blanks_the_content() -> None:
    a, b = SITES[:2]
    base = write(None, a, 1, 100, title="秘密", amount=9, account_id="x")
    purged = merge.purge(base, (a, 2, 200), RULES)
    edited = write(copy.deepcopy(base), b, 1, 999, title="更秘密")
    for merged in (merge.join(purged, edited, RULES), merge.join(edited, purged, RULES)):
        assert merged["purged"]
        assert merge.shown(merged, "title", RULES) == ""
        assert merge.shown(merged, "alive", RULES) == 0
        assert merge.shown(merged, "account_id", RULES) == "x"  # references stay
        assert all("秘密" not in merge.canon(e) for e in merged["fields"].values())


# --- three laptops ---------------------------------------------------------------------------

YEAR_MS = 365 * 24 * 3600 * 1000


class Laptop:
    def __init__(self, site: str) -> None:
        self.site = site
        self.counter = 0
        self.hlc = 0
        self.skew = 0
        self.records: dict[str, merge.State] = {}

    def dot(self, wall: int) -> tuple[str, int, int]:
        self.counter += 1
        self.hlc = max(wall + self.skew, self.hlc + 1)
        return (self.site, self.counter, self.hlc)


class ThreeLaptops(RuleBasedStateMachine):
    """Create, edit, delete, purge, resolve, export, import any earlier file, skew clocks."""

    files = Bundle("files")

    def __init__(self) -> None:
        super().__init__()
        self.laptops = [Laptop(site) for site in SITES]
        self.wall = 1_700_000_000_000
        self.writes: list[
            tuple[str, str, tuple[str, int], object]
        ] = []  # record, field, dot, value
        self.overwritten: set[tuple[str, str, tuple[str, int]]] = set()
        self.purged: set[str] = set()

    def _tick(self) -> int:
        self.wall += 1000
        return self.wall

    def _write(self, laptop: Laptop, record_id: str, values: dict) -> None:
        before = laptop.records.get(record_id)
        dot = laptop.dot(self._tick())
        if before is None:
            fields = set(RULES.fields)
        else:
            fields = set(values)
            if "alive" not in values and merge.shown(before, "alive", RULES):
                fields |= {"alive", "deleted_at"}  # an edit says: this record lives
            # Whatever this write replaces: every earlier write to its fields that it has seen.
            for rid, name, wdot, _ in self.writes:
                if rid == record_id and name in fields and merge.seen(before["vv"], *wdot):
                    self.overwritten.add((rid, name, wdot))
        laptop.records[record_id] = merge.local_write(before, dot, values, RULES, now=str(dot[2]))
        for name in fields:
            value = laptop.records[record_id]["fields"][name][0][0]
            self.writes.append((record_id, name, dot[:2], value))

    @rule(
        who=st.integers(0, 2),
        record=st.sampled_from(["r1", "r2", "r3"]),
        title=st.sampled_from(["ERP", "CRM", "数据中台"]),
    )
    def create(self, who: int, record: str, title: str) -> None:
        laptop = self.laptops[who]
        if record not in laptop.records:
            self._write(laptop, record, {"title": title, "amount": 1, "account_id": "acct"})

    @rule(
        who=st.integers(0, 2),
        record=st.sampled_from(["r1", "r2", "r3"]),
        field=st.sampled_from(["title", "amount"]),
        value=st.integers(0, 5),
    )
    def edit(self, who: int, record: str, field: str, value: int) -> None:
        laptop = self.laptops[who]
        state = laptop.records.get(record)
        if state and not state["purged"] and merge.shown(state, "alive", RULES):
            self._write(laptop, record, {field: f"v{value}" if field == "title" else value})

    @rule(who=st.integers(0, 2), record=st.sampled_from(["r1", "r2", "r3"]))
    def delete(self, who: int, record: str) -> None:
        laptop = self.laptops[who]
        state = laptop.records.get(record)
        if state and not state["purged"] and merge.shown(state, "alive", RULES):
            self._write(laptop, record, {"alive": 0, "deleted_at": "gone"})

    @rule(who=st.integers(0, 2), record=st.sampled_from(["r1", "r2", "r3"]))
    def resolve(self, who: int, record: str) -> None:
        laptop = self.laptops[who]
        state = laptop.records.get(record)
        if state and not state["purged"]:
            for name in merge.conflicts(state, RULES):
                self._write(laptop, record, {name: state["fields"][name][-1][0]})
                break

    @precondition(lambda self: len(self.purged) < 1)
    @rule(who=st.integers(0, 2), record=st.sampled_from(["r1", "r2", "r3"]))
    def purge(self, who: int, record: str) -> None:
        laptop = self.laptops[who]
        if record in laptop.records:
            dot = laptop.dot(self._tick())
            laptop.records[record] = merge.purge(laptop.records[record], dot, RULES)
            self.purged.add(record)

    @rule(who=st.integers(0, 2), years=st.integers(-3, 3))
    def skew_clock(self, who: int, years: int) -> None:
        self.laptops[who].skew = years * YEAR_MS

    @rule(target=files, who=st.integers(0, 2))
    def export(self, who: int) -> tuple[int, dict]:
        return (who, copy.deepcopy(self.laptops[who].records))

    @rule(who=st.integers(0, 2), file=files)
    def import_file(self, who: int, file: tuple[int, dict]) -> None:
        """Any earlier file: stale, duplicate, out of order, or the laptop's own."""
        _import(self.laptops[who], file[1])

    @invariant()
    def joins_never_lose_a_shown_value_of_their_own(self) -> None:
        for laptop in self.laptops:
            for state in laptop.records.values():
                for name in RULES.fields:
                    if not state["purged"] or name in RULES.keep_on_purge:
                        assert state["fields"][name], f"{name} lost every value"

    def teardown(self) -> None:
        latest = [copy.deepcopy(laptop.records) for laptop in self.laptops]
        for laptop in self.laptops:
            for file in latest:
                _import(laptop, file)
        dumps = [merge.canon(sorted(l.records.items())) for l in self.laptops]  # noqa: E741
        assert dumps[0] == dumps[1] == dumps[2]
        final = self.laptops[0].records
        for record, name, dot, value in self.writes:
            if (record, name, dot) in self.overwritten:
                continue
            if record in self.purged and name not in RULES.keep_on_purge:
                continue
            kept = [e for e in final[record]["fields"][name] if (e[1], e[2]) == dot]
            assert kept and kept[0][0] == value, (record, name, dot, value)


def _import(laptop: Laptop, file: dict) -> None:
    for record_id, theirs in file.items():
        mine = laptop.records.get(record_id)
        laptop.records[record_id] = (
            merge.normalize(theirs, RULES) if mine is None else merge.join(mine, theirs, RULES)
        )
        top = max((e[3] for es in theirs["fields"].values() for e in es), default=0)
        laptop.hlc = max(laptop.hlc, top)


ThreeLaptops.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
test_three_laptops = ThreeLaptops.TestCase

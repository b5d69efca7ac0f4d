"""Field edits of a pursuit's records: one checked transaction each, singletons made on demand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services import pursuit_edits, pursuits, records, stakeholders
from desktop.services import value as value_case
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuit_edits import Target
from desktop.services.pursuits import PursuitDraft
from desktop.storage.tables import StageChange, membership_id

TODAY = date.today()


@pytest.fixture
def pursuit_id(ws) -> str:
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="WMS 改造", account_name="青岛港务集团", amount=500_000_00)
    )
    with ws.write() as session:  # the pursuit began 30 days ago
        for change in session.query(StageChange).filter_by(pursuit_id=pid):
            change.changed_at = change.changed_at - timedelta(days=30)
    return pid


def test_save_writes_only_what_changed_and_says_what_it_touched(ws, pursuit_id) -> None:
    target = Target("pursuit", pursuit_id)
    changes = pursuit_edits.save(ws, target, {"next_step": "技术交流会"})
    assert changes.ids("pursuit") == {pursuit_id}
    assert records.get(ws, "pursuit", pursuit_id)["next_step"] == "技术交流会"
    assert not pursuit_edits.save(ws, target, {"next_step": "技术交流会"})


def test_singletons_are_created_on_first_edit_with_their_deterministic_id(ws, pursuit_id) -> None:
    answer_id = membership_id("answer", pursuit_id, "s1.insider")
    target = Target(
        "coaching_answer",
        answer_id,
        (("pursuit_id", pursuit_id), ("question_key", "s1.insider"), ("stage", 1)),
    )
    changes = pursuit_edits.save(ws, target, {"answer": "信息中心王工"})
    assert changes.ids("pursuit_part") == {pursuit_id}
    assert records.get(ws, "coaching_answer", answer_id)["answer"] == "信息中心王工"
    pursuit_edits.save(ws, target, {"done": True})
    row = records.get(ws, "coaching_answer", answer_id)
    assert (row["answer"], row["done"], row["stage"]) == ("信息中心王工", True, 1)
    # A record that is not a singleton cannot be conjured by an edit.
    with pytest.raises(NotFound):
        pursuit_edits.save(ws, Target("risk", "nope"), {"description": "x"})


@pytest.mark.parametrize(
    ("kind", "field", "value", "code"),
    [
        ("pursuit", "amount", -1, "negative"),
        ("pursuit", "amount", "12万", "negative"),
        ("value_benefit", "amount", "12万", "not_a_number"),
        ("pursuit", "title", "  ", "required"),
        ("pursuit", "next_step_due", "2026-01-01", "bad_date"),
        ("pain_point", "severity", 7, "out_of_range"),
        ("pain_point", "severity", 0, "out_of_range"),
        ("value_case", "horizon_years", 0, "out_of_range"),
    ],
)
def test_bad_values_are_refused_with_the_field(ws, pursuit_id, kind, field, value, code) -> None:
    record_id, _ = pursuit_edits.add_part(ws, "pain_point", pursuit_id)
    line_id, _ = value_case.add_benefit(ws, pursuit_id)
    targets = {
        "value_benefit": Target("value_benefit", line_id),
        "pursuit": Target("pursuit", pursuit_id),
        "pain_point": Target("pain_point", record_id),
        "value_case": Target(
            "value_case", membership_id("value_case", pursuit_id), (("pursuit_id", pursuit_id),)
        ),
    }
    with pytest.raises(InvalidInput) as raised:
        pursuit_edits.save(ws, targets[kind], {field: value})
    assert (raised.value.field, raised.value.code) == (field, code)


def test_a_due_date_may_not_lie_before_the_pursuit_began(ws, pursuit_id) -> None:
    start = pursuit_edits.start_of(ws, pursuit_id)
    assert start == TODAY - timedelta(days=30)
    target = Target("pursuit", pursuit_id)
    with pytest.raises(InvalidInput) as raised:
        pursuit_edits.save(ws, target, {"next_step_due": start - timedelta(days=1)})
    assert raised.value.code == "before_start"
    assert records.get(ws, "pursuit", pursuit_id)["next_step_due"] is None
    pursuit_edits.save(ws, target, {"next_step": "约见信息中心主任", "next_step_due": start})
    with pytest.raises(InvalidInput):
        pursuit_edits.add_part(ws, "instalment", pursuit_id, {"due_on": date(2000, 1, 1)})


def test_a_next_step_date_needs_its_action(ws, pursuit_id) -> None:
    """A date alone is refused where it is typed; so is clearing the action of a dated step
    (clearing the date first drops the step), and a whole step written as a date only."""
    target = Target("pursuit", pursuit_id)
    due = TODAY + timedelta(days=3)
    with pytest.raises(InvalidInput) as raised:
        pursuit_edits.save(ws, target, {"next_step_due": due})
    assert (raised.value.field, raised.value.code) == ("next_step_due", "needs_action")
    with pytest.raises(InvalidInput) as raised:
        pursuit_edits.save(ws, target, {"next_step": "  ", "next_step_due": due})
    assert (raised.value.field, raised.value.code) == ("next_step", "needs_action")
    assert records.get(ws, "pursuit", pursuit_id)["next_step_due"] is None  # nothing saved
    pursuit_edits.save(ws, target, {"next_step": "提交价值建议书"})
    pursuit_edits.save(ws, target, {"next_step_due": due})
    with pytest.raises(InvalidInput) as raised:
        pursuit_edits.save(ws, target, {"next_step": ""})
    assert (raised.value.field, raised.value.code) == ("next_step", "needs_action")
    assert records.get(ws, "pursuit", pursuit_id)["next_step"] == "提交价值建议书"
    pursuit_edits.save(ws, target, {"next_step_due": None})
    pursuit_edits.save(ws, target, {"next_step": ""})  # no date: no next step at all
    assert records.get(ws, "pursuit", pursuit_id)["next_step"] == ""


def test_money_cannot_arrive_in_the_future(ws, pursuit_id) -> None:
    instalment_id, _ = pursuit_edits.add_part(ws, "instalment", pursuit_id, {"amount": 100})
    target = Target("instalment", instalment_id)
    with pytest.raises(InvalidInput) as raised:
        pursuit_edits.save(ws, target, {"received_on": TODAY + timedelta(days=1)})
    assert raised.value.code == "in_future"
    pursuit_edits.save(ws, target, {"received_on": TODAY})


def test_the_person_hurt_most_must_belong_to_the_pursuit(ws, pursuit_id) -> None:
    other, _ = pursuits.create_pursuit(ws, PursuitDraft(title="别的项目", account_name="别家"))
    mine, _ = stakeholders.create_stakeholder(ws, pursuit_id, {"name": "王伟"})
    theirs, _ = stakeholders.create_stakeholder(ws, other, {"name": "赵六"})
    pain_id, _ = pursuit_edits.add_part(ws, "pain_point", pursuit_id)
    target = Target("pain_point", pain_id)
    with pytest.raises(InvalidInput):
        pursuit_edits.save(ws, target, {"stakeholder_id": theirs})
    pursuit_edits.save(ws, target, {"stakeholder_id": mine})
    pursuit_edits.save(ws, target, {"stakeholder_id": None})


def test_parts_are_listed_in_order_and_deleted_softly(ws, pursuit_id) -> None:
    first, _ = pursuit_edits.add_part(ws, "pain_point", pursuit_id, {"pain": "月结慢"})
    second, _ = pursuit_edits.add_part(ws, "pain_point", pursuit_id, {"pain": "库存高"})
    assert [p["pain"] for p in pursuit_edits.parts_of(ws, "pain_point", pursuit_id)] == [
        "月结慢",
        "库存高",
    ]
    changes = pursuit_edits.delete(ws, "pain_point", first)
    assert changes.ids("pursuit_part") == {pursuit_id}
    assert [p["id"] for p in pursuit_edits.parts_of(ws, "pain_point", pursuit_id)] == [second]
    pursuit_edits.restore(ws, "pain_point", first)
    assert len(pursuit_edits.parts_of(ws, "pain_point", pursuit_id)) == 2
    assert not pursuit_edits.restore(ws, "pain_point", first)
    with pytest.raises(NotFound):
        pursuit_edits.add_part(ws, "risk", "no-such-pursuit")


def test_a_record_of_a_pursuit_that_is_gone_is_refused_not_saved_out_of_sight(
    ws, pursuit_id
) -> None:
    """A pursuit deleted (here, by a sync, by a restore) while its screen was open: a field typed
    there, a coaching answer made on its first edit, a pain added or brought back by undo, would
    otherwise be written where no screen shows them — lost without a word."""
    pain_id, _ = pursuit_edits.add_part(ws, "pain_point", pursuit_id, {"pain": "库位不准"})
    pursuit_edits.delete(ws, "pain_point", pain_id)
    answer = Target(
        "coaching_answer",
        membership_id("answer", pursuit_id, "s1.insider"),
        (("pursuit_id", pursuit_id), ("question_key", "s1.insider"), ("stage", 1)),
    )
    records.delete(ws, "pursuit", pursuit_id)
    with pytest.raises(NotFound):
        pursuit_edits.save(ws, Target("pursuit", pursuit_id), {"amount": 900_000_00})
    with pytest.raises(NotFound):
        pursuit_edits.save(ws, answer, {"answer": "信息中心王工"})
    with pytest.raises(NotFound):
        pursuit_edits.save(ws, Target("pain_point", pain_id), {"pain": "盘点慢"})
    with pytest.raises(NotFound):
        pursuit_edits.restore(ws, "pain_point", pain_id)
    with pytest.raises(NotFound):
        pursuit_edits.create(ws, "risk", {"pursuit_id": pursuit_id, "description": "预算冻结"})
    with ws.read() as session:
        assert session.get(records.table_of("coaching_answer"), answer.id) is None
    assert pursuit_edits.parts_of(ws, "risk", pursuit_id) == []
    records.restore(ws, "pursuit", pursuit_id)  # back again: its records are edited as before
    pursuit_edits.restore(ws, "pain_point", pain_id)
    pursuit_edits.save(ws, Target("pain_point", pain_id), {"pain": "盘点慢"})
    assert records.get(ws, "pain_point", pain_id)["pain"] == "盘点慢"

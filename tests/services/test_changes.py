"""Change kinds: every synced record kind has a member, so a record's changes are typed."""

from __future__ import annotations

from desktop.services import pursuit_edits, pursuits, value
from desktop.services.changes import ChangeKind, Changes
from desktop.services.pursuits import PursuitDraft
from desktop.storage.tables import BY_KIND


def test_every_record_kind_is_a_change_kind() -> None:
    missing = set(BY_KIND) - {kind.value for kind in ChangeKind}
    assert not missing, f"add these record kinds to ChangeKind: {sorted(missing)}"


def test_a_part_of_a_pursuit_reports_its_own_kind_and_its_pursuit(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="MES", account_name="恒通"))
    line, changes = value.add_benefit(ws, pid, "人力节省", 100_000_00)
    assert changes.ids(ChangeKind.VALUE_BENEFIT) == {line}
    assert changes.ids(ChangeKind.PURSUIT_PART) == {pid}
    assert changes.touches(ChangeKind.VALUE_BENEFIT)
    assert not changes.touches(ChangeKind.RISK)
    changes = pursuit_edits.delete(ws, "value_benefit", line)
    assert changes.ids(ChangeKind.VALUE_BENEFIT) == {line}


def test_a_member_equals_the_record_kind_it_names() -> None:
    assert Changes.of(ChangeKind.PURSUIT_TAG, "t1").touches(ChangeKind("pursuit_tag"))

"""The overview: figures, timeline, closing with a reason and competitor, reopening."""

from __future__ import annotations

from desktop.services import pursuits
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import overview
from tests.collecting import collect


def test_overview_figures_and_history(ws) -> None:
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="BI", account_name="海远物流", amount=800_000_00, tags=["重点"])
    )
    pursuits.move_stage(ws, [pid], 3, note="客户已立项")
    view = overview.overview_of(ws, pid)
    assert (view.account, view.win_rate, view.weighted) == ("海远物流", 30, 240_000_00)
    assert view.tags == ["重点"] and view.days_in_stage == 0
    assert [(h["from_stage"], h["to_stage"]) for h in view.history] == [(None, 1), (1, 3)]
    assert view.started_on is not None


def test_close_with_a_new_competitor_then_undo(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="BI", account_name="海远"))
    change = pursuits.close_pursuits(
        ws, [pid], "lost", reason=" 价格劣势 ", lost_to_name="云启科技"
    )
    assert change.changes.ids("competitor")
    view = overview.overview_of(ws, pid)
    assert (view.pursuit["status"], view.pursuit["close_reason"], view.lost_to) == (
        "lost",
        "价格劣势",
        "云启科技",
    )
    assert view.win_rate == 0 and view.pursuit["closed_on"] is not None
    # Naming the same competitor again (whatever its letter case) reuses it.
    pid2, _ = pursuits.create_pursuit(ws, PursuitDraft(title="CRM", account_name="海远"))
    again = pursuits.close_pursuits(ws, [pid2], "lost", lost_to_name="云启科技")
    assert not again.changes.ids("competitor")
    assert [name for _, name in pursuits.competitor_choices(ws)] == ["云启科技"]
    again.undo(ws)
    change.undo(ws)
    view = overview.overview_of(ws, pid)
    assert (view.pursuit["status"], view.lost_to) == ("open", "")
    assert pursuits.competitor_choices(ws) == []  # made by the close, buried by its undo
    collect(ws, [pid])
    assert overview.overview_of(ws, pid).win_rate == 100


def test_a_competitor_is_found_whatever_its_letter_case(ws) -> None:
    a, _ = pursuits.create_pursuit(ws, PursuitDraft(title="A", account_name="海远"))
    b, _ = pursuits.create_pursuit(ws, PursuitDraft(title="B", account_name="海远"))
    first = pursuits.close_pursuits(ws, [a], "lost", lost_to_name="Acme")
    second = pursuits.close_pursuits(ws, [b], "lost", lost_to_name=" ACME ")
    assert second.created == [] and first.created
    assert [c.name for c in pursuits.competitor_choices(ws)] == ["Acme"]

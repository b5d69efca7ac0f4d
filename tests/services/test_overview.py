"""The overview: figures, timeline, closing with a reason and competitor, reopening."""

from __future__ import annotations

from desktop.services import overview, pursuits
from desktop.services.pursuits import PursuitDraft


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


def test_close_with_a_new_competitor_then_restore(ws) -> None:
    pid, _ = pursuits.create_pursuit(ws, PursuitDraft(title="BI", account_name="海远"))
    before = overview.overview_of(ws, pid).status
    changes = overview.close(ws, pid, "lost", reason=" 价格劣势 ", lost_to_name="云启科技")
    assert changes.ids("competitor")
    view = overview.overview_of(ws, pid)
    assert (view.pursuit["status"], view.pursuit["close_reason"], view.lost_to) == (
        "lost",
        "价格劣势",
        "云启科技",
    )
    assert view.win_rate == 0 and view.pursuit["closed_on"] is not None
    # Naming the same competitor again reuses it.
    pid2, _ = pursuits.create_pursuit(ws, PursuitDraft(title="CRM", account_name="海远"))
    assert not overview.close(ws, pid2, "lost", lost_to_name="云启科技").ids("competitor")
    assert [name for _, name in overview.competitors(ws)] == ["云启科技"]
    overview.restore_status(ws, pid, before)
    view = overview.overview_of(ws, pid)
    assert (view.pursuit["status"], view.lost_to) == ("open", "")
    overview.close(ws, pid, "won")
    assert overview.overview_of(ws, pid).win_rate == 100

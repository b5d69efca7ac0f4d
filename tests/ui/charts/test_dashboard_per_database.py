"""The Dashboard's filters that name one database's records — the account, the rep, the tags —
are kept for that database: another database opens unfiltered by them (its period is kept)."""

from __future__ import annotations

from desktop.services import accounts
from desktop.services.queries import board


def test_the_account_and_tags_chosen_stay_with_their_database(
    open_dashboard, demo_ws, ws, qtbot
) -> None:
    dashboard = open_dashboard(demo_ws)
    first = board.board_cards(demo_ws)[0]
    account = next(a for a in accounts.list_accounts(demo_ws) if a.name == first.account)
    dashboard.filter_bar.set_account(account.id)
    dashboard.filter_bar.set_tags({"重点"})
    dashboard.filter_bar.set_period("all")
    qtbot.waitUntil(dashboard.idle, timeout=20_000)
    dashboard.save_state()
    assert "account" not in dashboard.ctx.settings.screen_state("dashboard")

    other = open_dashboard(ws)  # the next start, on another database
    assert other.filters().account_id is None and other.filter_bar.tags == set()
    assert other.filter_bar.rep_choice() is None
    assert other.filter_bar.period.currentData() == "all"

    again = open_dashboard(demo_ws)
    assert again.filters().account_id == account.id and again.filter_bar.tags == {"重点"}

"""The weighted amount of a 回款 pursuit is what is still to collect × its win rate (ARCHITECTURE:
"weighed on what is still to collect"); the words beside the figure say so, not "amount × 100 %"."""

from __future__ import annotations

from datetime import date

from desktop.services import pursuit_edits

from .conftest import make_pursuit


def test_the_overview_names_what_the_rate_weighs(open_workspace, ws) -> None:
    pid = make_pursuit(ws, stage=8, amount=120_000_00, days_ago=60)
    pursuit_edits.add_part(
        ws, "instalment", pid, {"amount": 108_000_00, "received_on": date.today()}
    )
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "overview")
    label = widget.pages["overview"].weighted_label
    assert label.text() == "¥12,000（未回款 ¥12,000 × 100%）"
    assert label.toolTip() == "加权金额 = 未回款金额 × 赢率"
    assert widget.figures.toolTip() == "加权金额 = 未回款金额 × 赢率"
    # Nothing received yet: the amount is what the rate weighs, said as before.
    other = make_pursuit(ws, stage=4, amount=100_000_00, title="仓储 WMS")
    widget.show_pursuit(other, "overview")
    assert widget.pages["overview"].weighted_label.text() == "¥40,000（赢率 40%）"


def test_in_english(open_workspace, ws) -> None:
    pid = make_pursuit(ws, stage=8, amount=120_000_00, days_ago=60)
    pursuit_edits.add_part(
        ws, "instalment", pid, {"amount": 108_000_00, "received_on": date.today()}
    )
    widget = open_workspace(ws, lang="en")
    widget.show_pursuit(pid, "overview")
    label = widget.pages["overview"].weighted_label
    assert label.text() == "¥12,000 at 100% of the ¥12,000 not yet received"

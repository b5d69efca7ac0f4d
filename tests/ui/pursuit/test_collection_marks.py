"""回款: a check is settled only by what the rep ticked; an untouched checklist settles nothing."""

from __future__ import annotations

from .conftest import make_pursuit


def test_nothing_ticked_leaves_contract_review_open(open_workspace, ws) -> None:
    pid = make_pursuit(ws, stage=8)
    widget = open_workspace(ws, "en")
    widget.show_pursuit(pid, "collection")
    page = widget.show_tab("collection")
    assert not any(mark.property("done") for mark in page.marks.values())
    reviewed = page.widgets["contract_reviewed"]
    assert reviewed.isEnabled()  # our own contract is reviewed too
    reviewed.click()
    assert page.marks["contract_review"].property("done")

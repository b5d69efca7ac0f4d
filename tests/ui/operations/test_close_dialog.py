"""The close dialog: lost and abandoned at any stage; "collected" (the win) offered from 验收 on
and allowed only when nothing is missing — otherwise it says what is and keeps its button off."""

from __future__ import annotations

import pytest

from desktop.domain.methodology import default_catalog
from desktop.domain.status import CollectGap
from desktop.infra import i18n
from desktop.ui.operations.close_dialog import CloseDialog


@pytest.fixture(autouse=True)
def english(qapp):
    """The dialog's English words are asserted: whatever language an earlier test left."""
    i18n.install("en")
    yield
    i18n.install("zh_CN")


def dialog(qtbot, status: str, gaps) -> CloseDialog:
    made = CloseDialog(default_catalog(), "en", status, "苏州恒通 · MES", [], collect_gaps=gaps)
    qtbot.addWidget(made)
    made.show()
    return made


def ok_enabled(d: CloseDialog) -> bool:
    return d.buttons.button(d.buttons.StandardButton.Ok).isEnabled()


def test_before_signing_the_win_is_not_offered(qtbot) -> None:
    d = dialog(qtbot, "collected", None)
    assert not d.radios["collected"].isVisible()
    assert d.status() == "lost" and ok_enabled(d)  # preset falls back to a close that is open


def test_signed_but_incomplete_says_what_is_missing(qtbot) -> None:
    gaps = [
        CollectGap("stage", "7"),
        CollectGap("check", "acceptance_signed"),
        CollectGap("instalments", "", 2, 700),
    ]
    d = dialog(qtbot, "won", gaps)  # an old caller's "won" means the win: collected
    assert d.radios["collected"].isVisible() and d.status() == "collected"
    text = d.collect_missing.text()
    assert d.collect_missing.isVisible()
    assert "stage 8" in text and "Acceptance signed" in text and "2 instalments" in text
    assert not ok_enabled(d)
    d.reason.setEditText("签约")
    d.accept()
    assert d.isVisible()  # refused
    d.radios["abandoned"].setChecked(True)  # giving up is possible at any stage
    assert ok_enabled(d) and not d.collect_missing.isVisible()


def test_complete_collection_closes_as_collected(qtbot) -> None:
    d = dialog(qtbot, "collected", [])
    assert d.status() == "collected" and ok_enabled(d) and not d.collect_missing.isVisible()
    assert d.windowTitle() == "Mark as collected (won)"
    d.reason.setEditText("尾款到账")
    with qtbot.waitSignal(d.finished):
        d.accept()
    assert d.result() == d.DialogCode.Accepted

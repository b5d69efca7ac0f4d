"""The red-flag strip replaces its chips at once when the flags change."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from desktop.domain.health import NO_DECISION_MAKER, NO_INSIDER, RED, RedFlag
from desktop.ui.pursuit.health_bar import HealthBar


def test_old_chips_are_gone_before_the_event_loop_runs(qtbot) -> None:
    bar = HealthBar("zh")
    qtbot.addWidget(bar)
    bar.show()
    bar.set_flags([RedFlag(NO_INSIDER, RED, "stakeholders"), RedFlag(NO_DECISION_MAKER, RED, "x")])
    qtbot.wait(20)  # the chips show
    assert len([b for b in bar.findChildren(QToolButton) if b.isVisible()]) == 2
    bar.set_flags([])  # the next pursuit has none; no processEvents() in between
    assert [b for b in bar.findChildren(QToolButton) if b.isVisible()] == []

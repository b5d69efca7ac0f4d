"""The red-flag strip replaces its chips at once when the flags change."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from desktop.domain.health import NO_DECISION_MAKER, NO_INSIDER, RED, RedFlag
from desktop.ui.pursuit.health_bar import HealthBar


def test_old_chips_are_gone_before_the_event_loop_runs(qtbot) -> None:
    bar = HealthBar("zh")
    qtbot.addWidget(bar)
    bar.resize(900, 200)  # room for both chips (a short bar folds them into "+N")
    bar.show()
    bar.set_flags([RedFlag(NO_INSIDER, RED, "stakeholders"), RedFlag(NO_DECISION_MAKER, RED, "x")])
    qtbot.wait(20)  # the chips show
    assert len([b for b in bar.findChildren(QToolButton) if b.isVisible()]) == 2
    bar.set_flags([])  # the next pursuit has none; no processEvents() in between
    assert [b for b in bar.findChildren(QToolButton) if b.isVisible()] == []


def test_flags_without_room_fold_into_a_more_chip_never_cut(qtbot) -> None:
    """A short window (1280×720 at 150 %): the chips that do not fit become "+N", a menu."""
    from desktop.domain.health import NO_DESIGNER, NO_EVALUATOR, NO_PAIN

    codes = [NO_INSIDER, NO_DECISION_MAKER, NO_DESIGNER, NO_EVALUATOR, NO_PAIN]
    bar = HealthBar("zh")
    qtbot.addWidget(bar)
    bar.set_flags([RedFlag(code, RED, "stakeholders") for code in codes])
    bar.resize(420, 600)
    bar.show()
    qtbot.waitUntil(lambda: all(b.isVisible() for b in bar.buttons))
    assert not bar.more.isVisible()  # room for all: no "+N"
    row = bar.buttons[0].height()
    bar.resize(420, bar.minimumHeight() + row)  # room for two lines of chips
    qtbot.waitUntil(lambda: bar.more.isVisible())
    shown = [b for b in bar.buttons if b.isVisible()]
    room = bar.flow_host.rect()
    for chip in [*shown, bar.more]:
        assert room.contains(chip.geometry()), chip.objectName()  # whole, not cut
        # "+N" stands as tall as the flags beside it (it has no icon: it was a pixel short).
        assert chip.height() == row, chip.objectName()
    assert bar.more.text() == f"+{len(codes) - len(shown)}" and 0 < len(shown) < len(codes)
    folded = bar.more.menu().actions()
    assert [a.text() for a in folded] == [b.text()[:-3] for b in bar.buttons[len(shown) :]]
    with qtbot.waitSignal(bar.flag_clicked) as clicked:
        folded[-1].trigger()
    assert clicked.args[0].code == codes[-1]
    bar.resize(420, 600)  # the room comes back: every chip again
    qtbot.waitUntil(lambda: all(b.isVisible() for b in bar.buttons) and not bar.more.isVisible())


def test_a_bar_squeezed_below_its_minimum_keeps_its_chips_whole(qtbot) -> None:
    """A page whose tabs ask for more than the window has (the Timeline at 1280×720 and 200 %)
    gave the bar less height than a chip: the "+N" chip was cut. The padding gives way first."""
    from desktop.domain.health import NO_DESIGNER

    bar = HealthBar("en")
    qtbot.addWidget(bar)
    bar.set_flags([RedFlag(code, RED, "stakeholders") for code in (NO_INSIDER, NO_DESIGNER)])
    bar.resize(300, 600)
    bar.show()
    qtbot.waitUntil(lambda: all(b.isVisible() for b in bar.buttons))
    wanted = bar.minimumSizeHint().height()
    chip = bar.buttons[0].height()
    bar.resize(300, chip + 2 * bar.frameWidth() + 2)  # less than its minimum
    qtbot.waitUntil(lambda: bar.more.isVisible())
    shown = [b for b in [*bar.buttons, bar.more] if b.isVisible()]
    host = bar.flow_host.geometry()
    assert bar.rect().contains(host)
    for button in shown:
        assert bar.flow_host.rect().contains(button.geometry()), button.objectName()
    assert bar.minimumSizeHint().height() == wanted  # it still asks for its padding
    bar.resize(300, 600)  # room again: the padding comes back
    qtbot.waitUntil(lambda: bar.row.contentsMargins().top() == 8)

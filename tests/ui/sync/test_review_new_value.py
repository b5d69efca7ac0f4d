"""The Review screen's "Or type a new value": a value that is not one says what is wanted beside
the field and changes nothing; a good one settles the conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea

from desktop.services import records
from desktop.services.sync import export, importer, review
from desktop.services.workspace import Workspace
from desktop.storage.backup import online_backup


@pytest.fixture
def amount_conflict(main_window, demo_ws, tmp_path: Path):
    """The pursuit's amount changed on this computer and on a laptop; the laptop's copy read."""
    from desktop.storage.tables import Pursuit

    other = Workspace.open(online_backup(demo_ws.path, tmp_path / "laptop.db"))
    with other.read() as session:
        target = session.query(Pursuit).order_by(Pursuit.id).first().id
    # Amounts no demo pursuit holds: setting the value a pursuit has is no edit, hence no conflict
    # (the first pursuit by id differs run by run, and some demo pursuits are at 60万 or 70万).
    records.update(other, "pursuit", target, {"amount": 60_123_400})
    records.update(main_window.ctx.workspace, "pursuit", target, {"amount": 70_123_400})
    source = tmp_path / "laptop.sync"
    export.export_bundle(other, source, passphrase=None, encrypt=False)
    other.close()
    importer.import_bundle(main_window.ctx.workspace, source)
    main_window.ctx.broadcast(importer.Changes.all())
    main_window.show_screen("review")
    return target


def test_a_new_amount_that_is_no_amount_is_told_beside_the_field(
    qtbot, main_window, amount_conflict
) -> None:
    ws = main_window.ctx.workspace
    screen = main_window.screens["review"]
    assert screen.current is not None and screen.current.field == "amount"
    error = screen.findChild(QLabel, "new_value_error")
    assert not error.isVisible()
    qtbot.keyClicks(screen.new_value, "abc")
    qtbot.mouseClick(screen.findChild(QPushButton, "save_new_value"), Qt.MouseButton.LeftButton)
    assert error.isVisible()
    assert error.text() == "⚠ 请输入金额，如 1,280,000 或 128万。"
    assert review.count(ws) == 1
    assert records.get(ws, "pursuit", amount_conflict)["amount"] == 70_123_400
    # Typing again takes the message away; an amount settles the conflict.
    screen.new_value.clear()
    qtbot.keyClicks(screen.new_value, "¥1,280,000")
    assert not error.isVisible()
    qtbot.keyClick(screen.new_value, Qt.Key.Key_Return)
    assert records.get(ws, "pursuit", amount_conflict)["amount"] == 128_000_000
    assert review.count(ws) == 0


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_message_is_in_english_too(qtbot, main_window, amount_conflict) -> None:
    screen = main_window.screens["review"]
    qtbot.keyClicks(screen.new_value, "1.2.3")
    qtbot.keyClick(screen.new_value, Qt.Key.Key_Return)
    error = screen.findChild(QLabel, "new_value_error")
    assert error.isVisible()
    assert error.text() == "⚠ Enter an amount such as 1,280,000 or 128万."
    assert review.count(main_window.ctx.workspace) == 1


@pytest.mark.parametrize("main_window", ["zh_CN", "en"], indirect=True)
def test_the_versions_stack_when_the_panel_is_narrow(qtbot, main_window, amount_conflict) -> None:
    """1280x720 at 150 % is 853x480 of the window's own pixels: the two versions side by side
    were clipped on the right under a horizontal scroll bar."""
    screen = main_window.screens["review"]
    scroll = screen.findChild(QScrollArea)

    def cards() -> list[QFrame]:
        return [screen.cards.itemAt(i).widget() for i in range(screen.cards.count())]

    for size, stacked in (((853, 480), True), ((1366, 768), False)):
        main_window.resize(*size)
        qtbot.waitUntil(
            lambda s=size, st=stacked: (
                main_window.width() == s[0]
                and len(cards()) == 2
                and all(card.isVisible() for card in cards())
                and (cards()[1].y() > cards()[0].y()) is st
                and screen.detail.width() <= scroll.viewport().width()
            )
        )
        assert not scroll.horizontalScrollBar().isVisible()
        for card in cards():
            assert card.geometry().right() <= screen.detail.width()
            assert card.choose.width() <= card.width()

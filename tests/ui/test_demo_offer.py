"""The first start's offer of demo data (an empty database) loads it in the window's language."""

from __future__ import annotations

import re
import sqlite3

import pytest

from desktop.services.workspace import Workspace

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


@pytest.fixture
def window_workspace(ws: Workspace) -> Workspace:
    return ws  # an empty database, as on a first start


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_offer_loads_the_demo_in_the_windows_language(qtbot, main_window) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import offer_demo

    ctx = main_window.ctx
    offer_demo(main_window, ctx)
    box = main_window.findChild(QMessageBox, "demo_offer")
    assert box is not None and box.isVisible()
    [load] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    load.click()
    with sqlite3.connect(ctx.workspace.path) as conn:
        texts = [
            text
            for (text,) in conn.execute(
                "SELECT title || next_step FROM pursuits UNION ALL"
                " SELECT name || title || department || interests FROM people UNION ALL"
                " SELECT body FROM notes"
            )
        ]
    conn.close()
    assert len(texts) > 24
    assert [text for text in texts if HAN.search(text)] == []

"""The Pursuits screen's Load demo data writes the demo in the window's language."""

from __future__ import annotations

import re
import sqlite3

from desktop.infra import i18n

from .conftest import close_error_boxes, make_context, show

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def test_an_english_window_loads_an_english_demo(qtbot, ws) -> None:
    ctx = make_context(ws, "en")
    try:
        screen = show(qtbot, ctx)
        assert screen.empty_demo.isVisible()
        screen.empty_demo.click()
        qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
        with sqlite3.connect(ws.path) as conn:
            texts = [
                text
                for query in (
                    "SELECT title || next_step || close_reason FROM pursuits",
                    "SELECT name || industry || address FROM accounts",
                    "SELECT name || title || department || interests FROM people",
                    "SELECT subject || outcome FROM activities",
                )
                for (text,) in conn.execute(query)
            ]
        conn.close()
        assert len(texts) > 24 * 5
        assert [text for text in texts if HAN.search(text)] == []
    finally:
        close_error_boxes()
        i18n.install("zh_CN")

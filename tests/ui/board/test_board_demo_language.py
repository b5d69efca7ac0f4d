"""Load demo data writes the demo in the window's language: an English window gets an English
board, a Chinese one the Chinese demo."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest

from desktop.infra import i18n
from desktop.services.queries import board

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


@pytest.fixture
def window_language(request: pytest.FixtureRequest, ctx) -> Iterator[str]:
    """The window's language, installed before the screen is made; Chinese again afterwards."""
    i18n.install(request.param)
    yield request.param
    i18n.install("zh_CN")


@pytest.mark.parametrize("window_language", ["en", "zh_CN"], indirect=True)
def test_load_demo_data_follows_the_windows_language(qtbot, ctx, window_language) -> None:
    from PySide6.QtWidgets import QPushButton

    from desktop.ui.board.screen import BoardScreen

    screen = BoardScreen(ctx, None)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.is_empty()
    screen.empty.findChild(QPushButton, "empty_demo").click()
    assert not screen.is_empty()
    cards = board.board_cards(ctx.workspace, include_closed=True)
    assert len(cards) == 24
    shown = [text for card in cards for text in (card.title, card.account, card.next_step)]
    with sqlite3.connect(ctx.workspace.path) as conn:
        people = [name for (name,) in conn.execute("SELECT name || title FROM stakeholders")]
        notes = [body for (body,) in conn.execute("SELECT body FROM notes")]
    conn.close()
    texts = shown + people + notes
    if window_language == "en":
        assert [text for text in texts if HAN.search(text)] == []
        assert all(re.search("[A-Za-z]", card.title) for card in cards)
    else:
        assert all(HAN.search(text) for text in people + notes)

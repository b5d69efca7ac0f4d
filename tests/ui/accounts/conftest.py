"""Fixtures for the Accounts screen: a context on a real workspace, the screen offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.infra import i18n
from desktop.infra.settings import Settings


@pytest.fixture
def ctx(qtbot, ws) -> Iterator[object]:
    from desktop.app import make_application
    from desktop.ui import errors
    from desktop.ui.context import AppContext

    make_application()
    settings = Settings()
    i18n.install(settings.language)
    yield AppContext(ws, settings)
    for box in list(errors._open_boxes):
        box.close()


@pytest.fixture
def screen(qtbot, ctx):
    from desktop.ui.accounts.screen import AccountsScreen

    widget = AccountsScreen(ctx, None)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget

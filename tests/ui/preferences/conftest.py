"""Fixtures for Preferences: the main window on a real workspace."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.infra import i18n
from desktop.infra.settings import Settings


@pytest.fixture
def window(qtbot, ws) -> Iterator[object]:
    from desktop.app import create_main_window, make_application
    from desktop.ui import errors

    make_application()
    settings = Settings()
    i18n.install(settings.language)
    _ctx, main = create_main_window(ws, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    for box in list(errors._open_boxes):
        box.close()

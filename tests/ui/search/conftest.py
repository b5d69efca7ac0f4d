"""Fixtures for global search: the main window on a copy of the demo database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.infra import i18n
from desktop.infra.settings import Settings


@pytest.fixture
def window(qtbot, demo_ws) -> Iterator[object]:
    from desktop.app import create_main_window, make_application
    from desktop.ui import errors

    make_application()
    settings = Settings()
    i18n.install(settings.language)
    _ctx, main = create_main_window(demo_ws, settings)
    qtbot.addWidget(main)
    main.resize(1400, 860)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.search.popup.close()
    for box in list(errors._open_boxes):
        box.close()

"""A dashboard on a real workspace, shown offscreen, and helpers to read what it drew."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.infra import i18n
from desktop.infra.settings import Settings

WAIT_MS = 30_000  # the first dashboard of a run imports matplotlib


@pytest.fixture
def open_dashboard(qtbot) -> Iterator[Callable[..., object]]:
    """Make a dashboard on `workspace` in `language`, shown in a host window, all drawn."""
    from desktop.app import make_application
    from desktop.ui.charts.dashboard import Dashboard
    from desktop.ui.context import AppContext

    make_application()
    made: list[Dashboard] = []

    def make(workspace, language: str = "zh_CN", size: tuple[int, int] = (1440, 1000)):
        settings = Settings()
        settings.language = language
        i18n.install(language)
        ctx = AppContext(workspace, settings)
        host = QWidget()
        host.ctx = ctx  # keep the context alive with the host
        dashboard = Dashboard(ctx, host)
        QVBoxLayout(host).addWidget(dashboard)
        qtbot.addWidget(host)
        host.resize(*size)
        host.show()
        qtbot.waitExposed(host)
        qtbot.waitUntil(dashboard.idle, timeout=WAIT_MS)
        made.append(dashboard)
        return dashboard

    yield make
    for dashboard in made:  # no worker may still read a workspace the fixtures close
        if dashboard.isVisible():
            qtbot.waitUntil(lambda d=dashboard: d._job is None, timeout=WAIT_MS)
    i18n.install("zh_CN")

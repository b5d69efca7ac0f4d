"""Visits UI tests: an app context on a copy of the demo database, in the language asked for."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.infra import i18n
from desktop.infra.settings import Settings


@pytest.fixture
def ctx(qtbot, demo_ws, request):
    from desktop.app import make_application
    from desktop.ui.context import AppContext

    make_application()
    settings = Settings()
    settings.language = getattr(request, "param", "zh_CN")
    i18n.install(settings.language)
    context = AppContext(demo_ws, settings)
    yield context
    context.undo_stack.clear()
    i18n.install("zh_CN")


@pytest.fixture
def host(qtbot):
    """A visible parent widget for screens, tabs and dialogs."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    widget.resize(1200, 800)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def planned(demo_ws):
    """A demo visit that has not begun, with attendees (the demo plans them 1–14 days ahead)."""
    from desktop.services import visits
    from desktop.services.visits import utcnow

    rows = visits.upcoming_visits(demo_ws, today=utcnow().date() + timedelta(days=7))
    return next(r for r in rows if r.attendees and not r.is_past(utcnow()))


def _pdf_text(path) -> tuple[int, list[str]]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return len(reader.pages), ["".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def pdf_text():
    """Page count and each page's text (whitespace removed, so wrapped lines compare whole)."""
    return _pdf_text

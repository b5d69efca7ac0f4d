"""Preferences tests open the main window on an empty database: they count the pursuits they
make (the shared `main_window` would otherwise open on the demo data)."""

from __future__ import annotations

import pytest


@pytest.fixture
def window_workspace(ws):
    return ws
